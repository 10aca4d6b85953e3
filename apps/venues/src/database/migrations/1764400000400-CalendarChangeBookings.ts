import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a calendar or opening change did to a booking (issue 18): moved to the new slot that
 * covers its start (`change_reason` and the time it had before), or cancelled
 * (`change_reason` as the cancellation's reason: `calendar_change`, `venue_closed`).
 */
export class CalendarChangeBookings1764400000400 implements MigrationInterface {
  name = 'CalendarChangeBookings1764400000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings
      ADD COLUMN change_reason VARCHAR(40) NULL,
      ADD COLUMN previous_slot_starts_at DATETIME(3) NULL,
      ADD COLUMN previous_slot_ends_at DATETIME(3) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bookings
      DROP COLUMN previous_slot_ends_at,
      DROP COLUMN previous_slot_starts_at,
      DROP COLUMN change_reason`);
  }
}
