import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccounts1764300000100 implements MigrationInterface {
  name = 'CreateAccounts1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE accounts (
      id CHAR(36) NOT NULL,
      email VARCHAR(254) NOT NULL,
      password_hash VARCHAR(200) NOT NULL,
      display_name VARCHAR(100) NOT NULL,
      role VARCHAR(40) NOT NULL,
      organisation_id CHAR(36) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_accounts_email (email)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE accounts');
  }
}
