import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `q_student_names`: who a roster student is (name, student number, class name), from the
 * directory's roster events, for the rows a report lists (issue 18). Apart from `q_students`
 * so the aggregates never read it; keyed by the student in the ascii keys of `AsciiKeys`.
 * Never a national ID.
 */
export class StudentNames1765200000000 implements MigrationInterface {
  name = 'StudentNames1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE q_student_names (
      student_id CHAR(36) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
      name VARCHAR(100) NULL,
      student_number VARCHAR(32) NULL,
      class_name VARCHAR(50) NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (student_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE q_student_names');
  }
}
