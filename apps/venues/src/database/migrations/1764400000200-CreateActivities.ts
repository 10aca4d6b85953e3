import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities (a workshop, a guided tour, a show) with their own date, time and capacity.
 * An activity's places live in a slot row of its own (`slots.activity_id` = the activity's
 * id, and the slot's id is the activity's id too), so booking, the conditional UPDATE, the
 * CHECK constraints, decisions, check-in, no-shows and the waiting list work unchanged.
 * `activity_id` is '' on the slots the planner makes from the opening rules (not NULL, so
 * that the unique key still holds one planner slot per venue and start).
 */
export class CreateActivities1764400000200 implements MigrationInterface {
  name = 'CreateActivities1764400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE slots
      ADD COLUMN activity_id CHAR(36) NOT NULL DEFAULT '',
      DROP INDEX uq_slots_venue_start,
      ADD UNIQUE KEY uq_slots_venue_activity_start (venue_id, activity_id, starts_at),
      DROP INDEX ix_slots_venue_date,
      ADD KEY ix_slots_venue_activity_date (venue_id, activity_id, local_date)`);
    await q.query(`ALTER TABLE bookings
      ADD COLUMN activity_id CHAR(36) NULL,
      ADD COLUMN cancel_reason VARCHAR(500) NULL`);
    await q.query(`CREATE TABLE activities (
      id CHAR(36) NOT NULL,
      venue_id CHAR(36) NOT NULL,
      title VARCHAR(200) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      description TEXT NULL,
      grades_mask INT NOT NULL,
      student_price_fen INT NULL,
      status VARCHAR(10) NOT NULL,
      cancel_reason VARCHAR(500) NULL,
      local_date DATE NOT NULL,
      starts_at DATETIME(3) NOT NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_activities_venue_start (venue_id, status, starts_at),
      KEY ix_activities_start (status, starts_at),
      CONSTRAINT ck_activities_status CHECK (status IN ('scheduled', 'cancelled')),
      CONSTRAINT ck_activities_kind CHECK (kind IN ('workshop', 'guided_tour', 'show', 'other')),
      CONSTRAINT ck_activities_grades CHECK (grades_mask > 0)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE activities');
    await q.query('ALTER TABLE bookings DROP COLUMN cancel_reason, DROP COLUMN activity_id');
    await q.query(`DELETE FROM slots WHERE activity_id <> ''`);
    await q.query(`ALTER TABLE slots
      DROP INDEX uq_slots_venue_activity_start,
      ADD UNIQUE KEY uq_slots_venue_start (venue_id, starts_at),
      DROP INDEX ix_slots_venue_activity_date,
      ADD KEY ix_slots_venue_date (venue_id, local_date),
      DROP COLUMN activity_id`);
  }
}
