import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong passwords are counted per account AND client address, so an attacker's failures
 * lock only the attacker's address out, never the owner signing in from elsewhere. The
 * account-wide count and lock columns go: one mechanism, not two.
 */
export class LoginFailuresPerAddress1765130000100 implements MigrationInterface {
  name = 'LoginFailuresPerAddress1765130000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_failures (
      account_id CHAR(36) NOT NULL,
      client_address VARCHAR(64) NOT NULL,
      failure_count INT NOT NULL,
      locked_until DATETIME(3) NULL,
      last_failed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (account_id, client_address),
      CONSTRAINT fk_login_failures_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('ALTER TABLE accounts DROP COLUMN locked_until');
    await q.query('ALTER TABLE accounts DROP COLUMN failed_login_count');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts ADD COLUMN failed_login_count INT NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE accounts ADD COLUMN locked_until DATETIME(3) NULL');
    await q.query('DROP TABLE login_failures');
  }
}
