import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Read models of directory data (organisations, the roster), the film catalogue and the
 * bureaus' approved lists, screenings with their seats, class bookings, the per-student
 * booked seats (one active seat per screening and student), attendance and its history.
 * The CHECK on screenings is the backstop of the conditional UPDATE that takes seats.
 */
export class CreateScreenings1764600000000 implements MigrationInterface {
  name = 'CreateScreenings1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE known_organisations (
      id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(200) NOT NULL,
      region_code CHAR(6) CHARACTER SET ascii NOT NULL,
      parent_id CHAR(36) NULL,
      PRIMARY KEY (id),
      KEY ix_known_organisations_kind_region (kind, region_code)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE roster_students (
      student_id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      grade TINYINT NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NULL,
      active TINYINT NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (student_id),
      KEY ix_roster_students_class (school_id, class_id, active)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE films (
      id CHAR(36) NOT NULL,
      title VARCHAR(200) NOT NULL,
      year SMALLINT NOT NULL,
      running_minutes SMALLINT NOT NULL,
      grades_mask INT NOT NULL,
      synopsis TEXT NOT NULL,
      language VARCHAR(50) NOT NULL,
      subtitles TINYINT NOT NULL,
      audio_description TINYINT NOT NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_films_title_year (title, year),
      CONSTRAINT ck_films_running CHECK (running_minutes > 0),
      CONSTRAINT ck_films_grades CHECK (grades_mask > 0)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE film_approvals (
      bureau_id CHAR(36) NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      film_id CHAR(36) NOT NULL,
      approved_by CHAR(36) NOT NULL,
      approved_at DATETIME(3) NOT NULL,
      PRIMARY KEY (bureau_id, school_year, film_id),
      KEY ix_film_approvals_film (film_id, school_year)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE screenings (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      film_id CHAR(36) NOT NULL,
      place_kind VARCHAR(20) NOT NULL,
      venue_organisation_id CHAR(36) NULL,
      hall_name VARCHAR(100) NOT NULL,
      local_date DATE NOT NULL,
      start_time CHAR(5) CHARACTER SET ascii NOT NULL,
      starts_at DATETIME(3) NOT NULL,
      ends_at DATETIME(3) NOT NULL,
      seats INT NOT NULL,
      seats_taken INT NOT NULL,
      status VARCHAR(20) NOT NULL,
      cancel_reason VARCHAR(500) NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_screenings_school_date (school_id, local_date),
      KEY ix_screenings_venue (venue_organisation_id),
      CONSTRAINT ck_screenings_seats CHECK (seats_taken >= 0 AND seats_taken <= seats)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE screening_bookings (
      id CHAR(36) NOT NULL,
      screening_id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      grade TINYINT NOT NULL,
      student_ids LONGTEXT NOT NULL,
      student_count INT NOT NULL,
      status VARCHAR(20) NOT NULL,
      booked_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      cancelled_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY ix_screening_bookings_screening (screening_id, created_at)
    ) ${TABLE_OPTIONS}`);
    // active_flag is 1 while booked and NULL after: one active seat per screening and student.
    await q.query(`CREATE TABLE booked_seats (
      booking_id CHAR(36) NOT NULL,
      student_id CHAR(36) NOT NULL,
      screening_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      starts_at DATETIME(3) NOT NULL,
      ends_at DATETIME(3) NOT NULL,
      active_flag TINYINT NULL,
      PRIMARY KEY (booking_id, student_id),
      UNIQUE KEY uq_booked_seats_active (screening_id, student_id, active_flag),
      KEY ix_booked_seats_student (student_id, starts_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE attendance (
      id CHAR(36) NOT NULL,
      screening_id CHAR(36) NOT NULL,
      student_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      present TINYINT NOT NULL,
      revision INT NOT NULL,
      recorded_by CHAR(36) NOT NULL,
      recorded_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_attendance_screening_student (screening_id, student_id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE attendance_history (
      attendance_id CHAR(36) NOT NULL,
      revision INT NOT NULL,
      screening_id CHAR(36) NOT NULL,
      student_id CHAR(36) NOT NULL,
      from_present TINYINT NULL,
      to_present TINYINT NOT NULL,
      changed_by CHAR(36) NOT NULL,
      changed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (attendance_id, revision),
      KEY ix_attendance_history_screening (screening_id, changed_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE demo_seeds (
      demo_key VARCHAR(100) NOT NULL,
      done_at DATETIME(3) NOT NULL,
      PRIMARY KEY (demo_key)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'demo_seeds',
      'attendance_history',
      'attendance',
      'booked_seats',
      'screening_bookings',
      'screenings',
      'film_approvals',
      'films',
      'roster_students',
      'known_organisations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
