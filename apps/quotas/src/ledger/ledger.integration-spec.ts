import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions, migrateDatabase } from '@app/database';
import { testAppEnv } from '../../../../scripts/test-infra.js';
import { QuotaAccess } from '../access/quota-access.js';
import { Clock } from '@app/time';
import { QuotasConfig } from '../config.js';
import { quotasDatabase } from '../database/database.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import type { BookingFact, LedgerFact } from './ledger-events.js';
import { LedgerRepository } from './ledger.repository.js';
import { LedgerService } from './ledger.service.js';

/**
 * Chunks of different topics touching the same students, applied at the same time against
 * the real migrated database: no chunk may lose another one's count.
 */
describe('quotas ledger under concurrent chunks (real MySQL, real migrations)', () => {
  let db: DataSource;
  // Two replicas of the service: chunks in one take turns, chunks of both meet in the database.
  let ledger: LedgerService;
  let replica: LedgerService;
  const database = quotasDatabase(loadConfig(QuotasConfig, testAppEnv()));
  // A date far in the future: the bookings are upcoming whatever day the test runs.
  const day = '2099-10-12';
  const year = '2099-2100';

  beforeAll(async () => {
    await migrateDatabase(database);
    db = new DataSource(dataSourceOptions(database));
    await db.initialize();
    const service = () => {
      const readModel = new ReadModelRepository(db);
      return new LedgerService(
        new LedgerRepository(db),
        readModel,
        new Clock(),
        new QuotaAccess(readModel),
      );
    };
    ledger = service();
    replica = service();
  });
  afterAll(async () => {
    await db.destroy();
  });

  const fact = (studentId: string, schoolId: string, kind: LedgerFact['kind']): LedgerFact => ({
    sourceId: randomUUID(),
    kind,
    revision: 1,
    studentId,
    schoolId,
    subjectId: randomUUID(),
    localDate: day,
    counts: true,
    eventId: randomUUID(),
  });

  const countsOf = async (studentIds: string[]) => {
    const rows: { student_id: string; kind: string; counted: number; booked: number }[] =
      await db.query(
        `SELECT student_id, kind, counted, booked FROM q_counts
          WHERE student_id IN (?) AND period_key = ?`,
        [studentIds, year],
      );
    return new Map(rows.map((r) => [`${r.student_id}|${r.kind}`, [r.counted, r.booked]]));
  };

  it('keeps every count when a film, a visit, a study tour and a booking chunk of the same students run at once in two replicas', async () => {
    const schoolId = randomUUID();
    const students = Array.from({ length: 300 }, () => randomUUID());
    for (let round = 0; round < 3; round++) {
      const films = students.map((s) => fact(s, schoolId, 'film'));
      const visits = students.map((s) => fact(s, schoolId, 'venue_visit'));
      const tours = students.map((s) => fact(s, schoolId, 'study_tour'));
      const bookings: BookingFact[] = students.map((studentId) => ({
        bookingId: randomUUID(),
        studentId,
        kind: 'film' as const,
        subjectId: randomUUID(),
        schoolId,
        localDate: day,
        active: true,
      }));
      await Promise.all([
        ledger.apply(films, []),
        replica.apply(visits, []),
        ledger.apply(tours, []),
        replica.apply([], bookings),
      ]);
    }
    const counts = await countsOf(students);
    const wrong = students.flatMap((s) =>
      (
        [
          ['film', [3, 3]],
          ['venue_visit', [3, 0]],
          ['study_tour', [3, 0]],
        ] as const
      )
        .filter(([kind, expected]) => {
          const got = counts.get(`${s}|${kind}`);
          return got?.[0] !== expected[0] || got?.[1] !== expected[1];
        })
        .map(([kind]) => `${s} ${kind}: ${JSON.stringify(counts.get(`${s}|${kind}`))}`),
    );
    expect(wrong).toEqual([]);
  });

  it('counts a booking cancelled in one replica while another is booked in the other', async () => {
    const schoolId = randomUUID();
    const students = Array.from({ length: 200 }, () => randomUUID());
    const booking = (studentId: string, active: boolean, bookingId = randomUUID()) => ({
      bookingId,
      studentId,
      kind: 'film' as const,
      subjectId: randomUUID(),
      schoolId,
      localDate: day,
      active,
    });
    const first = students.map((s) => booking(s, true));
    await ledger.apply([], first);
    // The first booking cancelled (one topic) while a second is booked (another topic).
    await Promise.all([
      ledger.apply(
        [],
        first.map((b) => ({ ...b, active: false })),
      ),
      replica.apply(
        [],
        students.map((s) => booking(s, true)),
      ),
    ]);
    const counts = await countsOf(students);
    const wrong = students.filter((s) => counts.get(`${s}|film`)?.[1] !== 1);
    expect(wrong).toEqual([]);
  });

  it('counts a confirmed study tour as booked until its programme is counted; a cancellation read first stays final', async () => {
    const schoolId = randomUUID();
    const [planned, done, cancelledFirst] = [randomUUID(), randomUUID(), randomUUID()];
    const programmeId = randomUUID();
    const tour = (studentId: string, active: boolean, bookingId = randomUUID()): BookingFact => ({
      bookingId,
      studentId,
      kind: 'study_tour',
      subjectId: programmeId,
      schoolId,
      localDate: day,
      active,
    });
    const late = randomUUID();
    // The cancelled topic read before the confirmed one: the booking stays cancelled.
    await ledger.apply([], [tour(cancelledFirst, false, late)]);
    await ledger.apply([], [tour(cancelledFirst, true, late)]);
    await ledger.apply([], [tour(planned, true), tour(done, true)]);
    await ledger.apply([{ ...fact(done, schoolId, 'study_tour'), subjectId: programmeId }], []);
    const counts = await countsOf([planned, done, cancelledFirst]);
    expect(counts.get(`${planned}|study_tour`)).toEqual([0, 1]);
    expect(counts.get(`${done}|study_tour`)).toEqual([1, 0]);
    expect(counts.get(`${cancelledFirst}|study_tour`)?.[1] ?? 0).toBe(0);
    expect(counts.get(`${planned}|film`)).toBeUndefined();
  });
});
