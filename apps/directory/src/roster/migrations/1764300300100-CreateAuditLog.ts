import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who read which sensitive fields of whom, and when. No foreign keys: the trail outlives
 * the accounts and records it names.
 */
export class CreateAuditLog1764300300100 implements MigrationInterface {
  name = 'CreateAuditLog1764300300100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      id CHAR(36) NOT NULL,
      occurred_at DATETIME(3) NOT NULL,
      actor_account_id CHAR(36) NOT NULL,
      actor_role VARCHAR(40) NOT NULL,
      actor_organisation_id CHAR(36) NULL,
      action VARCHAR(100) NOT NULL,
      subject_type VARCHAR(50) NOT NULL,
      subject_id CHAR(36) NOT NULL,
      subject_organisation_id CHAR(36) NULL,
      fields LONGTEXT NOT NULL,
      request_id VARCHAR(100) NULL,
      PRIMARY KEY (id),
      KEY ix_audit_log_subject (subject_type, subject_id, occurred_at),
      KEY ix_audit_log_actor (actor_account_id, occurred_at),
      KEY ix_audit_log_organisation (subject_organisation_id, occurred_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
  }
}
