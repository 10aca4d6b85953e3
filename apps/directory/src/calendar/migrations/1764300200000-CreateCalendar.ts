import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Terms, vacations and dated entries (holidays, make-up working days) per area. Local dates
 * are DATE columns; CHECK constraints are enforced by MySQL ≥ 8.0.16 and MariaDB ≥ 10.2.
 */
export class CreateCalendar1764300200000 implements MigrationInterface {
  name = 'CreateCalendar1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_terms (
      id CHAR(36) NOT NULL,
      area_code CHAR(6) CHARACTER SET ascii NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      term TINYINT NOT NULL,
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_calendar_terms_area_year_term (area_code, school_year, term),
      CONSTRAINT ck_calendar_terms_term CHECK (term IN (1, 2)),
      CONSTRAINT ck_calendar_terms_dates CHECK (ends_on >= starts_on)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE calendar_vacations (
      id CHAR(36) NOT NULL,
      area_code CHAR(6) CHARACTER SET ascii NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      kind VARCHAR(10) NOT NULL,
      name VARCHAR(50) NULL,
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_calendar_vacations_area_year_kind (area_code, school_year, kind),
      CONSTRAINT ck_calendar_vacations_kind CHECK (kind IN ('winter', 'summer')),
      CONSTRAINT ck_calendar_vacations_dates CHECK (ends_on >= starts_on)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE calendar_holidays (
      id CHAR(36) NOT NULL,
      area_code CHAR(6) CHARACTER SET ascii NOT NULL,
      on_date DATE NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(50) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_calendar_holidays_area_date (area_code, on_date),
      CONSTRAINT ck_calendar_holidays_kind CHECK (kind IN ('holiday', 'makeup_workday'))
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE calendar_holidays');
    await q.query('DROP TABLE calendar_vacations');
    await q.query('DROP TABLE calendar_terms');
  }
}
