import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The read model of the directory's calendar (fed by `directory.calendar.changed.v1`):
 * holidays and make-up working days, and vacations, per area. A screening is scheduled on a
 * school day only (unless the request says otherwise); these tables say which days are not.
 */
export class CreateAreaCalendar1764600000100 implements MigrationInterface {
  name = 'CreateAreaCalendar1764600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE area_holidays (
      id CHAR(36) NOT NULL,
      area_code CHAR(6) CHARACTER SET ascii NOT NULL,
      on_date DATE NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(50) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_area_holidays_area_date (area_code, on_date)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE area_vacations (
      id CHAR(36) NOT NULL,
      area_code CHAR(6) CHARACTER SET ascii NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      kind VARCHAR(10) NOT NULL,
      name VARCHAR(50) NULL,
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      PRIMARY KEY (id),
      KEY ix_area_vacations_area (area_code)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE area_vacations');
    await q.query('DROP TABLE area_holidays');
  }
}
