import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

const STATUSES_BEFORE = `'draft', 'awaiting_approval', 'submitted', 'confirmed', 'declined', 'cancelled', 'completed'`;

/**
 * Issue 18 item 6: a submitted booking has a decision deadline (`decide_by`; it expires
 * unanswered, status `expired`); programmes are edited after publishing (`updated_at`,
 * `updated_by`, every change in `st_programme_changes`) and may close future days
 * (`st_programme_days.closed`). Bookings submitted before keep no deadline (`decide_by`
 * NULL): they wait as they did, rather than all expiring at once when this is deployed.
 */
export class TourDeadlinesAndProgrammeEdits1765200000000 implements MigrationInterface {
  name = 'TourDeadlinesAndProgrammeEdits1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE st_bookings DROP CONSTRAINT ck_st_booking_status');
    await q.query(`ALTER TABLE st_bookings
      ADD COLUMN decide_by DATETIME(3) NULL,
      ADD COLUMN expiry_reason VARCHAR(500) NULL,
      ADD COLUMN wait_if_full TINYINT NOT NULL DEFAULT 0,
      ADD COLUMN waitlisted_at DATETIME(3) NULL,
      ADD COLUMN offer_until DATETIME(3) NULL,
      ADD KEY ix_st_bookings_due (status, decide_by),
      ADD KEY ix_st_bookings_queue (programme_id, status, waitlisted_at),
      ADD CONSTRAINT ck_st_booking_status CHECK (status IN (${STATUSES_BEFORE}, 'expired', 'waitlisted', 'offered'))`);
    await q.query(`ALTER TABLE st_programmes
      ADD COLUMN updated_at DATETIME(3) NULL,
      ADD COLUMN updated_by CHAR(36) NULL`);
    await q.query('UPDATE st_programmes SET updated_at = created_at');
    await q.query('ALTER TABLE st_programmes MODIFY updated_at DATETIME(3) NOT NULL');
    await q.query('ALTER TABLE st_programme_days ADD COLUMN closed TINYINT NOT NULL DEFAULT 0');
    await q.query(`CREATE TABLE st_programme_changes (
      id CHAR(36) NOT NULL,
      programme_id CHAR(36) NOT NULL,
      changed_by CHAR(36) NOT NULL,
      changed_at DATETIME(3) NOT NULL,
      changes LONGTEXT NOT NULL,
      PRIMARY KEY (id),
      KEY ix_st_programme_changes (programme_id, changed_at)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE st_programme_changes');
    await q.query('ALTER TABLE st_programme_days DROP COLUMN closed');
    await q.query('ALTER TABLE st_programmes DROP COLUMN updated_at, DROP COLUMN updated_by');
    // An expired or queued booking reads as declined before (it never held the base's word).
    await q.query(
      `UPDATE st_bookings SET status = 'declined', holds_places = 0, decline_reason = COALESCE(expiry_reason, status)
        WHERE status IN ('expired', 'waitlisted', 'offered')`,
    );
    await q.query('ALTER TABLE st_bookings DROP CONSTRAINT ck_st_booking_status');
    await q.query(`ALTER TABLE st_bookings
      DROP KEY ix_st_bookings_due,
      DROP KEY ix_st_bookings_queue,
      DROP COLUMN wait_if_full,
      DROP COLUMN waitlisted_at,
      DROP COLUMN offer_until,
      DROP COLUMN decide_by,
      DROP COLUMN expiry_reason,
      ADD CONSTRAINT ck_st_booking_status CHECK (status IN (${STATUSES_BEFORE}))`);
  }
}
