import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import type { RosterPlacement } from '@app/messaging';
import { testAppEnv } from '../../../../scripts/test-infra.js';
import { QuotasConfig } from '../config.js';
import { quotasDatabase } from '../database/database.js';
import { ReadModelRepository } from './read-model.repository.js';

/** The roster read model of quotas, against the real migrated database. */
describe('quotas roster read model (real MySQL, real migrations)', () => {
  let db: DataSource;
  let readModel: ReadModelRepository;
  const database = quotasDatabase(loadConfig(QuotasConfig, testAppEnv()));

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
    grade: 3,
    schoolYear: '2026-2027',
    enrolled,
    occurredAt: new Date(at),
  });

  it("keeps a student's latest placement and takes region and stage from the school", async () => {
    const [known, unknown] = [randomUUID(), randomUUID()];
    const [classA, classB] = [randomUUID(), randomUUID()];
    const [moved, withdrawn, early] = [randomUUID(), randomUUID(), randomUUID()].sort();
    await readModel.saveOrganisation(db.manager, {
      id: known,
      kind: 'school',
      name: `school ${known}`,
      regionCode: '370102',
      stage: 'primary',
    });
    // The later placements are applied first: the earlier ones, delivered late, lose.
    await db.transaction((m) =>
      readModel.placeStudents(m, [
        placement(moved, known, classB, '2026-11-02T00:00:00Z'),
        placement(withdrawn, known, classA, '2026-11-03T00:00:00Z', false),
      ]),
    );
    await db.transaction((m) =>
      readModel.placeStudents(m, [
        placement(early, unknown, classA, '2026-11-01T00:00:00Z'),
        placement(moved, known, classA, '2026-11-01T00:00:00Z'),
        placement(withdrawn, known, classA, '2026-11-01T00:00:00Z'),
      ]),
    );
    expect(await readModel.findStudent(moved)).toEqual({
      studentId: moved,
      schoolId: known,
      classId: classB,
      grade: 3,
      schoolYear: '2026-2027',
    });
    expect(await readModel.findStudent(withdrawn)).toBeNull();
    const rows: { id: string; region_code: string | null; stage: string | null }[] = await db.query(
      'SELECT id, region_code, stage FROM q_students WHERE id IN (?) ORDER BY id',
      [[moved, early]],
    );
    // A school whose event has not arrived yet: region and stage come with its event.
    expect(rows).toEqual(
      [
        { id: moved, region_code: '370102', stage: 'primary' },
        { id: early, region_code: null, stage: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    await readModel.saveOrganisation(db.manager, {
      id: unknown,
      kind: 'school',
      name: `school ${unknown}`,
      regionCode: '370103',
      stage: 'junior',
    });
    const [late]: { region_code: string }[] = await db.query(
      'SELECT region_code FROM q_students WHERE id = ?',
      [early],
    );
    expect(late.region_code).toBe('370103');
  });

  it("keeps each student's latest name, number and class; an older event delivered late loses", async () => {
    const student = randomUUID();
    const names = (at: string, name: string, className: string | null) => ({
      studentId: student,
      name,
      studentNumber: `N-${name}`,
      className,
      occurredAt: new Date(at),
    });
    await db.transaction((m) =>
      readModel.saveNames(m, [names('2026-11-02T00:00:00Z', '李四', '三年级2班')]),
    );
    await db.transaction((m) =>
      readModel.saveNames(m, [names('2026-11-01T00:00:00Z', '张三', '三年级1班')]),
    );
    expect((await readModel.identitiesOf([student])).get(student)).toEqual({
      name: '李四',
      studentNumber: 'N-李四',
      className: '三年级2班',
    });
    // Transferred in without a class: the class name goes, the name stays.
    await db.transaction((m) =>
      readModel.saveNames(m, [names('2026-11-03T00:00:00Z', '李四', null)]),
    );
    expect((await readModel.identitiesOf([student])).get(student)?.className).toBeNull();
    expect((await readModel.identitiesOf([randomUUID()])).size).toBe(0);
  });
});
