import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people can manage (issue 18): a deactivated account (`deactivated_at` set) cannot
 * sign in; an admin's password reset sets `must_change_password` until the owner picks one.
 */
export class AccountManagement1765140000500 implements MigrationInterface {
  name = 'AccountManagement1765140000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts
      ADD COLUMN deactivated_at DATETIME(3) NULL,
      ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0,
      ADD COLUMN updated_at DATETIME(3) NULL,
      ADD KEY ix_accounts_role (role),
      ADD KEY ix_accounts_organisation (organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE accounts
      DROP KEY ix_accounts_organisation,
      DROP KEY ix_accounts_role,
      DROP COLUMN updated_at,
      DROP COLUMN must_change_password,
      DROP COLUMN deactivated_at`);
  }
}
