import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of the directory's accounts, from `directory.account.created.v1`. */
export class CreateAccounts1764500000200 implements MigrationInterface {
  name = 'CreateAccounts1764500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE aid_accounts (
      id CHAR(36) NOT NULL,
      email VARCHAR(254) NOT NULL,
      role VARCHAR(40) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_aid_accounts_email (email)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE aid_accounts');
  }
}
