import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The default rule every installation starts with: 2 distinct films per term, primary and secondary. */
export const DEFAULT_RULE_ID = 'a0a0a0a0-0000-4000-8000-000000000001';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Read models (organisations, roster, terms), rules, the ledger (facts, bookings, counts), notices. */
export class CreateQuotas1764600000000 implements MigrationInterface {
  name = 'CreateQuotas1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE q_organisations (
      id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(200) NOT NULL,
      region_code CHAR(6) NOT NULL,
      stage VARCHAR(30) NULL,
      PRIMARY KEY (id),
      KEY ix_q_org_kind_region (kind, region_code)
    ) ${TABLE}`);
    // Stage and region are copied from the school so a city report needs no join.
    await q.query(`CREATE TABLE q_students (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      grade TINYINT NOT NULL,
      school_year CHAR(9) NULL,
      active TINYINT NOT NULL DEFAULT 1,
      region_code CHAR(6) NULL,
      stage VARCHAR(30) NULL,
      PRIMARY KEY (id),
      KEY ix_q_students_school (school_id, class_id),
      KEY ix_q_students_class (class_id),
      KEY ix_q_students_region (region_code, active, grade, stage)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE q_terms (
      id CHAR(36) NOT NULL,
      area_code CHAR(6) NOT NULL,
      school_year CHAR(9) NOT NULL,
      term_no TINYINT NOT NULL,
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      PRIMARY KEY (id),
      KEY ix_q_terms_area (area_code, school_year)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE q_rules (
      id CHAR(36) NOT NULL,
      name VARCHAR(100) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      period VARCHAR(20) NOT NULL,
      minimum INT NULL,
      maximum INT NULL,
      stages VARCHAR(200) NOT NULL,
      min_grade TINYINT NOT NULL,
      max_grade TINYINT NOT NULL,
      area_code CHAR(6) NOT NULL,
      is_default TINYINT NOT NULL DEFAULT 0,
      created_by CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id)
    ) ${TABLE}`);
    await q.query(
      `INSERT INTO q_rules (id, name, kind, period, minimum, maximum, stages, min_grade, max_grade,
         area_code, is_default, created_by, created_at)
       VALUES (?, ?, 'film', 'term', 2, NULL, ?, 1, 12, '000000', 1, NULL, NOW(3))`,
      [
        DEFAULT_RULE_ID,
        '每学期至少观看2部优秀影片',
        'primary,junior_secondary,senior_secondary,nine_year,twelve_year',
      ],
    );
    // One row per attendance / participation / (visit, student): the latest revision wins.
    await q.query(`CREATE TABLE q_facts (
      source_id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      revision INT NOT NULL,
      student_id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      subject_id CHAR(36) NOT NULL,
      local_date DATE NOT NULL,
      counts TINYINT NOT NULL,
      school_year CHAR(9) NOT NULL,
      term_no TINYINT NULL,
      event_id CHAR(36) NOT NULL,
      PRIMARY KEY (source_id),
      KEY ix_q_facts_student (student_id, kind),
      KEY ix_q_facts_school_date (school_id, local_date)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE q_bookings (
      booking_id CHAR(36) NOT NULL,
      student_id CHAR(36) NOT NULL,
      film_id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      local_date DATE NOT NULL,
      active TINYINT NOT NULL,
      school_year CHAR(9) NOT NULL,
      term_no TINYINT NULL,
      PRIMARY KEY (booking_id, student_id),
      KEY ix_q_bookings_student (student_id)
    ) ${TABLE}`);
    // Per student, kind and period: what counted and what is booked (the standing follows).
    await q.query(`CREATE TABLE q_counts (
      kind VARCHAR(20) NOT NULL,
      period_key VARCHAR(12) NOT NULL,
      student_id CHAR(36) NOT NULL,
      counted INT NOT NULL,
      booked INT NOT NULL,
      PRIMARY KEY (kind, period_key, student_id),
      KEY ix_q_counts_student (student_id)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE q_short_notices (
      rule_id CHAR(36) NOT NULL,
      period_key VARCHAR(12) NOT NULL,
      student_id CHAR(36) NOT NULL,
      notified_at DATETIME(3) NOT NULL,
      PRIMARY KEY (rule_id, period_key, student_id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'q_short_notices',
      'q_counts',
      'q_bookings',
      'q_facts',
      'q_rules',
      'q_terms',
      'q_students',
      'q_organisations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
