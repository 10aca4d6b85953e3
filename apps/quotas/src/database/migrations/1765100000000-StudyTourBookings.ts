import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `q_bookings` holds study-tour bookings beside screening bookings (issue 21): a `kind`
 * (`film` for the rows there already) and `subject_id`, the film or the study-tour
 * programme (was `film_id`), in the ascii keys of `AsciiKeys`.
 */
export class StudyTourBookings1765100000000 implements MigrationInterface {
  name = 'StudyTourBookings1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE q_bookings
      CHANGE film_id subject_id CHAR(36) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
      ADD COLUMN kind VARCHAR(20) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL DEFAULT 'film' AFTER student_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DELETE FROM q_bookings WHERE kind <> 'film'");
    await q.query(`ALTER TABLE q_bookings DROP COLUMN kind,
      CHANGE subject_id film_id CHAR(36) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL`);
  }
}
