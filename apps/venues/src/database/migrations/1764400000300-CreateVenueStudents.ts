import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The venues service's copy of the directory's roster (school, class, grade, enrolled), fed by
 * the shared roster read model (consumer group `venues-roster`): a group booking's students
 * and a linked student's own id are checked against it. `updated_at` is the time of the
 * roster event a row comes from, so an older event never overwrites a newer placement.
 */
export class CreateVenueStudents1764400000300 implements MigrationInterface {
  name = 'CreateVenueStudents1764400000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE venue_students (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      grade TINYINT NOT NULL,
      enrolled TINYINT NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_venue_students_school (school_id, enrolled)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE venue_students');
  }
}
