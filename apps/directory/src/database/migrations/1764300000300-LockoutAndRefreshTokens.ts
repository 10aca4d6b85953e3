import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LockoutAndRefreshTokens1764300000300 implements MigrationInterface {
  name = 'LockoutAndRefreshTokens1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts ADD COLUMN failed_login_count INT NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE accounts ADD COLUMN locked_until DATETIME(3) NULL');
    await q.query(`CREATE TABLE refresh_tokens (
      id CHAR(36) NOT NULL,
      account_id CHAR(36) NOT NULL,
      family_id CHAR(36) NOT NULL,
      secret_hash CHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_refresh_tokens_family (family_id),
      KEY ix_refresh_tokens_account (account_id),
      CONSTRAINT fk_refresh_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refresh_tokens');
    await q.query('ALTER TABLE accounts DROP COLUMN locked_until');
    await q.query('ALTER TABLE accounts DROP COLUMN failed_login_count');
  }
}
