import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Read models of directory data (organisations, holidays, vacations), venues with their
 * opening rules and closures, slots and bookings. The CHECK constraints on slots are the
 * backstop of the conditional UPDATE that takes places: capacity can never be exceeded.
 */
export class CreateVenues1764400000000 implements MigrationInterface {
  name = 'CreateVenues1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE known_organisations (
      id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(200) NOT NULL,
      region_code CHAR(6) CHARACTER SET ascii NOT NULL,
      PRIMARY KEY (id),
      KEY ix_known_organisations_name (name)
    ) ${TABLE_OPTIONS}`);
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
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      PRIMARY KEY (id),
      KEY ix_area_vacations_area (area_code)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE venues (
      id CHAR(36) NOT NULL,
      organisation_id CHAR(36) NOT NULL,
      name VARCHAR(200) NOT NULL,
      category VARCHAR(30) NOT NULL,
      student_price_fen INT NULL,
      region_code CHAR(6) CHARACTER SET ascii NOT NULL,
      address VARCHAR(500) NULL,
      description TEXT NULL,
      accessibility TEXT NULL,
      contact VARCHAR(200) NULL,
      weekly_hours LONGTEXT NOT NULL,
      extended_hours LONGTEXT NULL,
      holiday_on_closed_day VARCHAR(10) NOT NULL,
      slot_minutes INT NOT NULL,
      individual_capacity INT NOT NULL,
      group_capacity INT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_venues_organisation (organisation_id),
      KEY ix_venues_region (region_code),
      CONSTRAINT ck_venues_free_price CHECK (
        student_price_fen IS NULL
        OR category NOT IN ('museum', 'memorial_hall', 'cultural_centre', 'library', 'art_gallery')
      ),
      CONSTRAINT ck_venues_capacity CHECK (individual_capacity >= 0 AND group_capacity >= 0)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE venue_closures (
      venue_id CHAR(36) NOT NULL,
      on_date DATE NOT NULL,
      reason VARCHAR(200) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (venue_id, on_date)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE slots (
      id CHAR(36) NOT NULL,
      venue_id CHAR(36) NOT NULL,
      local_date DATE NOT NULL,
      starts_at DATETIME(3) NOT NULL,
      ends_at DATETIME(3) NOT NULL,
      profile VARCHAR(10) NOT NULL,
      reason VARCHAR(80) NOT NULL,
      status VARCHAR(10) NOT NULL,
      individual_capacity INT NOT NULL,
      individual_taken INT NOT NULL DEFAULT 0,
      group_capacity INT NOT NULL,
      group_taken INT NOT NULL DEFAULT 0,
      PRIMARY KEY (id),
      UNIQUE KEY uq_slots_venue_start (venue_id, starts_at),
      KEY ix_slots_venue_date (venue_id, local_date),
      CONSTRAINT ck_slots_individual CHECK (individual_taken >= 0 AND individual_taken <= individual_capacity),
      CONSTRAINT ck_slots_group CHECK (group_taken >= 0 AND group_taken <= group_capacity)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE bookings (
      id CHAR(36) NOT NULL,
      kind VARCHAR(10) NOT NULL,
      status VARCHAR(12) NOT NULL,
      venue_id CHAR(36) NOT NULL,
      venue_organisation_id CHAR(36) NOT NULL,
      slot_id CHAR(36) NOT NULL,
      local_date DATE NOT NULL,
      slot_starts_at DATETIME(3) NOT NULL,
      slot_ends_at DATETIME(3) NOT NULL,
      booker_account_id CHAR(36) NOT NULL,
      school_organisation_id CHAR(36) NULL,
      student_ids LONGTEXT NOT NULL,
      student_count INT NOT NULL,
      teacher_count INT NOT NULL,
      places INT NOT NULL,
      note VARCHAR(500) NULL,
      decline_reason VARCHAR(500) NULL,
      decision_deadline DATETIME(3) NULL,
      slot_withdrawn TINYINT NOT NULL DEFAULT 0,
      idempotency_key VARCHAR(100) NULL,
      request_hash CHAR(64) CHARACTER SET ascii NULL,
      day_key VARCHAR(120) CHARACTER SET ascii NULL,
      checked_in_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_bookings_idempotency (booker_account_id, idempotency_key),
      UNIQUE KEY uq_bookings_day (day_key),
      KEY ix_bookings_slot (slot_id, status),
      KEY ix_bookings_venue_status (venue_id, status, created_at),
      KEY ix_bookings_booker (booker_account_id, created_at),
      KEY ix_bookings_due (status, slot_ends_at),
      CONSTRAINT ck_bookings_places CHECK (places > 0)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bookings');
    await q.query('DROP TABLE slots');
    await q.query('DROP TABLE venue_closures');
    await q.query('DROP TABLE venues');
    await q.query('DROP TABLE area_vacations');
    await q.query('DROP TABLE area_holidays');
    await q.query('DROP TABLE known_organisations');
  }
}
