import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import type { RosterPlacement } from '@app/messaging';
import { migrateDatabase } from '@app/database';
import { testAppEnv } from '../../../../scripts/test-infra.js';
import { BookingsRepository, type NewBooking } from '../bookings/bookings.repository.js';
import { VenuesConfig } from '../config.js';
import { venuesDatabase, venuesDataSourceOptions } from '../database/database.js';
import { allEnrolledCondition, ReadModelRepository } from './read-model.repository.js';

/**
 * The venues roster (`venue_students`, real migrations and MySQL): the shared roster read
 * model's placements, and the booking statement that refuses students of another school.
 */
describe('venues roster and the booking guard (real MySQL, real migrations)', () => {
  const config = loadConfig(VenuesConfig, testAppEnv());
  let db: DataSource;
  let readModel: ReadModelRepository;
  let bookings: BookingsRepository;
  const schoolA = randomUUID();
  const schoolB = randomUUID();

  const placement = (
    studentId: string,
    schoolId: string,
    at: string,
    enrolled = true,
  ): RosterPlacement => ({
    studentId,
    schoolId,
    classId: null,
    grade: 5,
    schoolYear: '2026-2027',
    enrolled,
    occurredAt: new Date(at),
  });

  const place = (placements: RosterPlacement[]) =>
    db.transaction((manager) =>
      readModel.placeStudents(
        manager,
        [...placements].sort((x, y) => x.studentId.localeCompare(y.studentId)),
      ),
    );

  beforeAll(async () => {
    await migrateDatabase(venuesDatabase(config));
    db = new DataSource(venuesDataSourceOptions(config));
    await db.initialize();
    readModel = new ReadModelRepository(db);
    bookings = new BookingsRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('keeps each student at the latest roster event, and names the ids not enrolled at a school', async () => {
    const [stays, transferred, withdrawn] = [randomUUID(), randomUUID(), randomUUID()];
    await place([
      placement(stays, schoolA, '2026-11-01T00:00:00Z'),
      placement(transferred, schoolB, '2026-11-03T00:00:00Z'),
      placement(withdrawn, schoolA, '2026-11-04T00:00:00Z', false),
    ]);
    // Older events arriving later (another topic) change nothing.
    await place([
      placement(transferred, schoolA, '2026-11-01T00:00:00Z'),
      placement(withdrawn, schoolA, '2026-11-01T00:00:00Z'),
    ]);
    const unknown = randomUUID();
    expect(
      await readModel.studentsNotInSchool(schoolA, [stays, transferred, withdrawn, unknown]),
    ).toEqual([transferred, withdrawn, unknown]);
    expect(await readModel.studentsNotInSchool(schoolB, [transferred])).toEqual([]);
    // A school with no roster rows at all, or no school: every id is refused.
    expect(await readModel.studentsNotInSchool(randomUUID(), [stays])).toEqual([stays]);
    expect(await readModel.studentsNotInSchool(null, [stays])).toEqual([stays]);
  });

  it('takes no places and writes no booking when the listed students are not all enrolled at the school', async () => {
    const [a1, a2, b1] = [randomUUID(), randomUUID(), randomUUID()];
    await place([
      placement(a1, schoolA, '2026-11-01T00:00:00Z'),
      placement(a2, schoolA, '2026-11-01T00:00:00Z'),
      placement(b1, schoolB, '2026-11-01T00:00:00Z'),
    ]);
    const slotId = randomUUID();
    const venueId = randomUUID();
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    await db.query(
      `INSERT INTO slots (id, venue_id, local_date, starts_at, ends_at, profile, reason, status,
         individual_capacity, group_capacity) VALUES (?, ?, ?, ?, ?, 'ordinary', 'weekday', 'open', 0, 100)`,
      [
        slotId,
        venueId,
        startsAt.toISOString().slice(0, 10),
        startsAt,
        new Date(startsAt.getTime() + 3600_000),
      ],
    );
    const request = (studentIds: string[]): NewBooking => ({
      id: randomUUID(),
      activity_id: null,
      venue_id: venueId,
      venue_organisation_id: randomUUID(),
      slot_id: slotId,
      local_date: startsAt.toISOString().slice(0, 10),
      slot_starts_at: startsAt,
      slot_ends_at: new Date(startsAt.getTime() + 3600_000),
      booker_account_id: randomUUID(),
      note: null,
      decision_deadline: startsAt,
      created_at: new Date(),
      kind: 'group',
      status: 'pending',
      school_organisation_id: schoolA,
      student_ids: JSON.stringify(studentIds),
      student_count: studentIds.length,
      teacher_count: 1,
      places: studentIds.length + 1,
      idempotency_key: null,
      request_hash: null,
      day_key: null,
    });
    const book = (studentIds: string[]) =>
      bookings.takePlacesAndInsert(
        request(studentIds),
        'group',
        new Date(),
        null,
        allEnrolledCondition(schoolA, studentIds),
      );
    const state = async () => {
      const [row] = await db.query(
        `SELECT s.group_taken, (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id) AS n
           FROM slots s WHERE s.id = ?`,
        [slotId],
      );
      return [Number(row.group_taken), Number(row.n)];
    };

    expect(await book([a1, b1])).toBe(false);
    expect(await book([a1, randomUUID()])).toBe(false);
    expect(await state()).toEqual([0, 0]);
    expect(await book([a1, a2])).toBe(true);
    expect(await state()).toEqual([3, 1]);
  });
});
