import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time of the roster event a student's row comes from: the shared roster consumer keeps
 * a row whose event is later (the four roster topics are ordered per student only within a
 * topic). Rows written before have the earliest time, so any event may replace them.
 */
export class StudentPlacementTime1764600000300 implements MigrationInterface {
  name = 'StudentPlacementTime1764600000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "ALTER TABLE q_students ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT '1970-01-01 00:00:00.000'",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE q_students DROP COLUMN updated_at');
  }
}
