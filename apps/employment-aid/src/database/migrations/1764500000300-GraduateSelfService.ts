import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The graduate's own view: accounts learn their organisation (now carried by
 * `directory.account.created.v1`), a graduate record names at most one account and an account
 * at most one graduate, mentors may share a contact, sessions may carry a summary written for
 * the graduate.
 */
export class GraduateSelfService1764500000300 implements MigrationInterface {
  name = 'GraduateSelfService1764500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE aid_accounts ADD COLUMN organisation_id CHAR(36) NULL');
    await q.query('ALTER TABLE aid_graduates ADD COLUMN account_id CHAR(36) NULL');
    await q.query(
      'ALTER TABLE aid_graduates ADD CONSTRAINT ux_aid_graduates_account UNIQUE (account_id)',
    );
    await q.query('ALTER TABLE aid_mentors ADD COLUMN shared_contact VARCHAR(200) NULL');
    await q.query('ALTER TABLE aid_sessions ADD COLUMN shared_summary VARCHAR(1000) NULL');
    await q.query('ALTER TABLE aid_session_revisions ADD COLUMN shared_summary VARCHAR(1000) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE aid_session_revisions DROP COLUMN shared_summary');
    await q.query('ALTER TABLE aid_sessions DROP COLUMN shared_summary');
    await q.query('ALTER TABLE aid_mentors DROP COLUMN shared_contact');
    await q.query('ALTER TABLE aid_graduates DROP INDEX ux_aid_graduates_account');
    await q.query('ALTER TABLE aid_graduates DROP COLUMN account_id');
    await q.query('ALTER TABLE aid_accounts DROP COLUMN organisation_id');
  }
}
