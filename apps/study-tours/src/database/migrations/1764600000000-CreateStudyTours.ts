import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Read models (organisations, roster), settings, designations, programmes and their daily
 * places, bookings, participation and ratings. JSON is kept as LONGTEXT (portable).
 */
export class CreateStudyTours1764600000000 implements MigrationInterface {
  name = 'CreateStudyTours1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE st_organisations (
      id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(200) NOT NULL,
      region_code CHAR(6) NOT NULL,
      level VARCHAR(20) NULL,
      parent_id CHAR(36) NULL,
      PRIMARY KEY (id),
      KEY ix_st_org_kind_region (kind, region_code)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_students (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      grade TINYINT NOT NULL,
      enrolled TINYINT NOT NULL,
      PRIMARY KEY (id),
      KEY ix_st_students_school (school_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_bureau_settings (
      bureau_id CHAR(36) NOT NULL,
      students_per_teacher INT NOT NULL,
      updated_by CHAR(36) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (bureau_id),
      CONSTRAINT ck_st_bureau_ratio CHECK (students_per_teacher BETWEEN 1 AND 100)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_school_settings (
      school_id CHAR(36) NOT NULL,
      approval_required TINYINT NOT NULL,
      principal_account_id CHAR(36) NULL,
      updated_by CHAR(36) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (school_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_designations (
      id CHAR(36) NOT NULL,
      organisation_id CHAR(36) NOT NULL,
      level VARCHAR(20) NOT NULL,
      designated_by_org_id CHAR(36) NULL,
      designated_by CHAR(36) NOT NULL,
      valid_from DATE NOT NULL,
      valid_until DATE NOT NULL,
      status VARCHAR(20) NOT NULL,
      status_reason VARCHAR(500) NULL,
      live_flag TINYINT NULL,
      checklist LONGTEXT NOT NULL,
      documents LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_st_designation_live (organisation_id, level, live_flag),
      KEY ix_st_designation_status (status, valid_until),
      CONSTRAINT ck_st_designation_status CHECK (status IN ('active', 'suspended', 'revoked')),
      CONSTRAINT ck_st_designation_period CHECK (valid_until >= valid_from)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_programmes (
      id CHAR(36) NOT NULL,
      base_organisation_id CHAR(36) NOT NULL,
      title VARCHAR(200) NOT NULL,
      theme VARCHAR(100) NOT NULL,
      description TEXT NOT NULL,
      grades_mask INT NOT NULL,
      duration VARCHAR(20) NOT NULL,
      days INT NOT NULL,
      group_min INT NOT NULL,
      group_max INT NOT NULL,
      daily_capacity INT NOT NULL,
      price_fen INT NOT NULL,
      students_per_teacher INT NULL,
      meal_options LONGTEXT NOT NULL,
      transport_options LONGTEXT NOT NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_st_programmes_base (base_organisation_id),
      CONSTRAINT ck_st_programme_group CHECK (group_min >= 1 AND group_min <= group_max AND group_max <= daily_capacity),
      CONSTRAINT ck_st_programme_price CHECK (price_fen >= 0)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_programme_days (
      programme_id CHAR(36) NOT NULL,
      local_date DATE NOT NULL,
      capacity INT NOT NULL,
      taken INT NOT NULL,
      PRIMARY KEY (programme_id, local_date),
      CONSTRAINT ck_st_day_taken CHECK (taken >= 0 AND taken <= capacity)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_bookings (
      id CHAR(36) NOT NULL,
      programme_id CHAR(36) NOT NULL,
      base_organisation_id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      status VARCHAR(20) NOT NULL,
      local_date DATE NOT NULL,
      end_date DATE NOT NULL,
      students LONGTEXT NOT NULL,
      student_count INT NOT NULL,
      class_ids LONGTEXT NOT NULL,
      teachers LONGTEXT NOT NULL,
      person_in_charge LONGTEXT NOT NULL,
      insurance LONGTEXT NULL,
      safety_plan LONGTEXT NULL,
      consents LONGTEXT NOT NULL,
      meal_option VARCHAR(20) NULL,
      transport_option VARCHAR(20) NULL,
      note VARCHAR(1000) NULL,
      holds_places TINYINT NOT NULL DEFAULT 0,
      approved_by CHAR(36) NULL,
      decline_reason VARCHAR(500) NULL,
      cancelled_by VARCHAR(10) NULL,
      cancel_reason VARCHAR(500) NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_st_bookings_base (base_organisation_id, local_date),
      KEY ix_st_bookings_school (school_id, local_date),
      CONSTRAINT ck_st_booking_status CHECK (status IN ('draft', 'awaiting_approval', 'submitted', 'confirmed', 'declined', 'cancelled', 'completed'))
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_participations (
      id CHAR(36) NOT NULL,
      booking_id CHAR(36) NOT NULL,
      student_id CHAR(36) NOT NULL,
      took_part TINYINT NOT NULL,
      revision INT NOT NULL,
      recorded_by CHAR(36) NOT NULL,
      recorded_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_st_participation (booking_id, student_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE st_ratings (
      booking_id CHAR(36) NOT NULL,
      base_organisation_id CHAR(36) NOT NULL,
      programme_id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      score TINYINT NOT NULL,
      comment VARCHAR(2000) NULL,
      rated_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (booking_id),
      KEY ix_st_ratings_base (base_organisation_id),
      CONSTRAINT ck_st_rating_score CHECK (score BETWEEN 1 AND 5)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'st_ratings',
      'st_participations',
      'st_bookings',
      'st_programme_days',
      'st_programmes',
      'st_designations',
      'st_school_settings',
      'st_bureau_settings',
      'st_students',
      'st_organisations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
