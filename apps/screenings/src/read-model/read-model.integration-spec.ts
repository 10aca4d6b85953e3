import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import { testAppEnv } from '../../../../scripts/test-infra.js';
import { ScreeningsConfig } from '../config.js';
import { screeningsDatabase } from '../database/database.js';
import { ReadModelRepository } from './read-model.repository.js';

/** The roster read model and the seat backstop, against the real migrated database. */
describe('screenings read model and seats (real MySQL, real migrations)', () => {
  let db: DataSource;
  let readModel: ReadModelRepository;
  const database = screeningsDatabase(loadConfig(ScreeningsConfig, testAppEnv()));

  beforeAll(async () => {
    await migrateDatabase(database);
    db = new DataSource(dataSourceOptions(database));
    await db.initialize();
    readModel = new ReadModelRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('keeps the latest placement when roster events of two topics arrive out of order', async () => {
    const studentId = randomUUID();
    const schoolId = randomUUID();
    const [classA, classB] = [randomUUID(), randomUUID()];
    const placement = (classId: string, enrolled: boolean, at: string) => ({
      studentId,
      schoolId,
      classId,
      grade: 4,
      schoolYear: '2026-2027',
      enrolled,
      occurredAt: new Date(at),
    });
    // The move (later) is applied before the enrolment (earlier): the move must win.
    await readModel.placeStudents(db.manager, [placement(classB, true, '2026-11-02T00:00:00Z')]);
    await readModel.placeStudents(db.manager, [placement(classA, true, '2026-11-01T00:00:00Z')]);
    expect(await readModel.classStudents(db.manager, schoolId, classA, false)).toEqual([]);
    expect(await readModel.classStudents(db.manager, schoolId, classB, false)).toEqual([
      { studentId, schoolId, classId: classB, grade: 4 },
    ]);
    // A withdrawal afterwards takes the student off every class list.
    await readModel.placeStudents(db.manager, [placement(classB, false, '2026-11-03T00:00:00Z')]);
    expect(await readModel.classStudents(db.manager, schoolId, classB, false)).toEqual([]);
  });

  it('changes nothing when a batch is delivered again', async () => {
    const schoolId = randomUUID();
    const [classA, classB] = [randomUUID(), randomUUID()];
    const [first, second] = [randomUUID(), randomUUID()].sort();
    const row = (studentId: string, classId: string, at: string) => ({
      studentId,
      schoolId,
      classId,
      grade: 5,
      schoolYear: '2026-2027',
      enrolled: true,
      occurredAt: new Date(at),
    });
    const batch = [
      row(first, classA, '2026-11-01T00:00:00Z'),
      row(second, classA, '2026-11-01T00:00:00Z'),
    ];
    await readModel.placeStudents(db.manager, batch);
    await readModel.placeStudents(db.manager, [row(first, classB, '2026-11-02T00:00:00Z')]);
    // The first batch again (a redelivery): the later move of the first student stays.
    await readModel.placeStudents(db.manager, batch);
    expect(await readModel.classStudents(db.manager, schoolId, classA, false)).toEqual([
      { studentId: second, schoolId, classId: classA, grade: 5 },
    ]);
    expect(await readModel.classStudents(db.manager, schoolId, classB, false)).toEqual([
      { studentId: first, schoolId, classId: classB, grade: 5 },
    ]);
  });

  it('refuses, as a backstop, any write that would take more seats than a screening has', async () => {
    const id = randomUUID();
    const now = new Date();
    await db.query(
      `INSERT INTO screenings (id, school_id, school_year, film_id, place_kind, venue_organisation_id,
         hall_name, local_date, start_time, starts_at, ends_at, seats, seats_taken, status,
         cancel_reason, created_by, created_at, updated_at)
       VALUES (?, ?, '2026-2027', ?, 'school_hall', NULL, '礼堂', '2026-12-01', '09:00', ?, ?, 2, 0,
         'scheduled', NULL, ?, ?, ?)`,
      [id, randomUUID(), randomUUID(), now, now, randomUUID(), now, now],
    );
    await expect(
      db.query('UPDATE screenings SET seats_taken = 3 WHERE id = ?', [id]),
    ).rejects.toThrow();
    const [row]: { seats_taken: number }[] = await db.query(
      'SELECT seats_taken FROM screenings WHERE id = ?',
      [id],
    );
    expect(Number(row.seats_taken)).toBe(0);
    await db.query('DELETE FROM screenings WHERE id = ?', [id]);
  });
});
