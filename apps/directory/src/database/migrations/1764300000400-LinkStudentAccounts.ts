import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A student account may name its roster student: one account per student at most. */
export class LinkStudentAccounts1764300000400 implements MigrationInterface {
  name = 'LinkStudentAccounts1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts ADD COLUMN student_id CHAR(36) NULL');
    await q.query('ALTER TABLE accounts ADD UNIQUE KEY ux_accounts_student (student_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts DROP INDEX ux_accounts_student');
    await q.query('ALTER TABLE accounts DROP COLUMN student_id');
  }
}
