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
    const placement = (classId: string) => ({
      studentId,
      schoolId,
      classId,
      grade: 4,
      schoolYear: '2026-2027',
    });
    // The move (later) is applied before the enrolment (earlier): the move must win.
    await readModel.placeStudents(db.manager, [
      { placement: placement(classB), active: true, occurredAt: new Date('2026-11-02T00:00:00Z') },
    ]);
    await readModel.placeStudents(db.manager, [
      { placement: placement(classA), active: true, occurredAt: new Date('2026-11-01T00:00:00Z') },
    ]);
    expect(await readModel.classStudents(db.manager, schoolId, classA, false)).toEqual([]);
    expect(await readModel.classStudents(db.manager, schoolId, classB, false)).toEqual([
      { studentId, schoolId, classId: classB, grade: 4 },
    ]);
    // A withdrawal afterwards takes the student off every class list.
    await readModel.placeStudents(db.manager, [
      { placement: placement(classB), active: false, occurredAt: new Date('2026-11-03T00:00:00Z') },
    ]);
    expect(await readModel.classStudents(db.manager, schoolId, classB, false)).toEqual([]);
  });

  it('applies a batch in order, one student twice included', async () => {
    const studentId = randomUUID();
    const schoolId = randomUUID();
    const [classA, classB] = [randomUUID(), randomUUID()];
    const at = (iso: string) => new Date(iso);
    const row = (classId: string, occurredAt: Date) => ({
      placement: { studentId, schoolId, classId, grade: 5, schoolYear: '2026-2027' },
      active: true,
      occurredAt,
    });
    await readModel.placeStudents(db.manager, [
      row(classA, at('2026-11-01T00:00:00Z')),
      row(classB, at('2026-11-02T00:00:00Z')),
    ]);
    expect(await readModel.classStudents(db.manager, schoolId, classB, false)).toHaveLength(1);
    // The same batch again (a redelivery) changes nothing.
    await readModel.placeStudents(db.manager, [
      row(classA, at('2026-11-01T00:00:00Z')),
      row(classB, at('2026-11-02T00:00:00Z')),
    ]);
    expect(await readModel.classStudents(db.manager, schoolId, classA, false)).toEqual([]);
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
