import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The waiting list of slots' individual pools; an open offer holds one taken place. */
export class CreateWaitlist1764400000100 implements MigrationInterface {
  name = 'CreateWaitlist1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE waitlist_entries (
      id CHAR(36) NOT NULL,
      slot_id CHAR(36) NOT NULL,
      venue_id CHAR(36) NOT NULL,
      account_id CHAR(36) NOT NULL,
      school_organisation_id CHAR(36) NULL,
      status VARCHAR(10) NOT NULL,
      offer_expires_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_waitlist_slot_account (slot_id, account_id),
      KEY ix_waitlist_slot_status (slot_id, status, created_at),
      KEY ix_waitlist_offers (status, offer_expires_at),
      CONSTRAINT ck_waitlist_status CHECK (status IN ('waiting', 'offered', 'accepted', 'expired'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE waitlist_entries');
  }
}
