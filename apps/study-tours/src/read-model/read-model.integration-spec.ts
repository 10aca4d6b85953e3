import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import type { RosterPlacement } from '@app/messaging';
import { testAppEnv } from '../../../../scripts/test-infra.js';
import { StudyToursConfig } from '../config.js';
import { studyToursDatabase } from '../database/database.js';
import { ReadModelRepository } from './read-model.repository.js';

/** The roster read model of study tours, against the real migrated database. */
describe('study-tours roster read model (real MySQL, real migrations)', () => {
  let db: DataSource;
  let readModel: ReadModelRepository;
  const database = studyToursDatabase(loadConfig(StudyToursConfig, testAppEnv()));

  beforeAll(async () => {
    await migrateDatabase(database);
    db = new DataSource(dataSourceOptions(database));
    await db.initialize();
    readModel = new ReadModelRepository(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  const placement = (
    studentId: string,
    schoolId: string,
    classId: string,
    at: string,
    enrolled = true,
  ): RosterPlacement => ({
    studentId,
    schoolId,
    classId,
    grade: 5,
    schoolYear: '2026-2027',
    enrolled,
    occurredAt: new Date(at),
  });

  it('keeps the school roster at the latest events, a redelivered older batch changing nothing', async () => {
    const [schoolA, schoolB] = [randomUUID(), randomUUID()];
    const classId = randomUUID();
    const [stays, transferred, withdrawn] = [randomUUID(), randomUUID(), randomUUID()].sort();
    const enrolments = [
      placement(stays, schoolA, classId, '2026-11-01T00:00:00Z'),
      placement(transferred, schoolA, classId, '2026-11-01T00:00:00Z'),
      placement(withdrawn, schoolA, classId, '2026-11-01T00:00:00Z'),
    ];
    await db.transaction((m) => readModel.placeStudents(m, enrolments));
    await db.transaction((m) =>
      readModel.placeStudents(m, [
        placement(transferred, schoolB, randomUUID(), '2026-11-02T00:00:00Z'),
        placement(withdrawn, schoolA, classId, '2026-11-02T00:00:00Z', false),
      ]),
    );
    // The enrolments again, as after a redelivery: the transfer and withdrawal stay.
    await db.transaction((m) => readModel.placeStudents(m, enrolments));
    expect(await readModel.enrolledStudentIds(schoolA)).toEqual([stays]);
    expect(await readModel.enrolledStudentIds(schoolB)).toEqual([transferred]);
  });
});
