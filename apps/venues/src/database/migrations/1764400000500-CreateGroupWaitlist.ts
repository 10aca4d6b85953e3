import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waiting list of slots' group pools (issue 18): a school's queued request (students and
 * teachers); an open offer holds its places until it is accepted or lapses.
 */
export class CreateGroupWaitlist1764400000500 implements MigrationInterface {
  name = 'CreateGroupWaitlist1764400000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE group_waitlist_entries (
      id CHAR(36) NOT NULL,
      slot_id CHAR(36) NOT NULL,
      venue_id CHAR(36) NOT NULL,
      account_id CHAR(36) NOT NULL,
      school_organisation_id CHAR(36) NOT NULL,
      student_ids TEXT NOT NULL,
      teacher_count INT NOT NULL,
      places INT NOT NULL,
      note VARCHAR(500) NULL,
      status VARCHAR(10) NOT NULL,
      offer_expires_at DATETIME(3) NULL,
      booking_id CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_group_waitlist_slot_status (slot_id, status, created_at),
      KEY ix_group_waitlist_offers (status, offer_expires_at),
      KEY ix_group_waitlist_school (school_organisation_id, created_at),
      CONSTRAINT ck_group_waitlist_places CHECK (places >= 1),
      CONSTRAINT ck_group_waitlist_status CHECK (status IN ('waiting', 'offered', 'accepted', 'expired'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE group_waitlist_entries');
  }
}
