/**
 * Class bookings and roll calls through the gateway: `npm run bench:screenings` (with
 * TEST_KAFKA_PORT / TEST_DB_PREFIX-style infrastructure from scripts/test-infra.ts). Starts
 * every service and the gateway as processes on the test broker with their own databases
 * (`studentpass_benchscr_*`), enrols BENCH_CLASSES classes of BENCH_CLASS_SIZE students at the
 * demo school through the roster API, then measures
 *   1. contention: every class books one screening of BENCH_SEATS seats at once;
 *   2. overlap races: BENCH_ROUNDS rounds, each class booked into two overlapping screenings
 *      at once (exactly one may succeed per class);
 *   3. roll calls: one request marking every booked student of a screening, then the same
 *      request again (nothing changes, nothing is published).
 * After each run the database is checked: seats taken equal the active seats and never
 * exceed the seats, no student holds two overlapping seats, and the outbox holds exactly one
 * attendance event per mark.
 *
 * Env: BENCH_CLASSES (12), BENCH_CLASS_SIZE (30), BENCH_SEATS (150), BENCH_ROUNDS (5).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { schoolYearOfDate } from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { addDays, shanghaiDateOf } from '@app/time';
import { screeningsDatabase } from '../apps/screenings/src/database/database.js';
import { GATEWAY, SERVICES } from './services.js';
import { prepareTestInfrastructure, testAppEnv } from './test-infra.js';
import { adminKafka } from './prepare.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const classCount = Number(process.env.BENCH_CLASSES ?? 12);
const classSize = Number(process.env.BENCH_CLASS_SIZE ?? 30);
const seats = Number(process.env.BENCH_SEATS ?? 150);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const PORT = 3312;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'Demo-Admin-2026!';
const children: ChildProcess[] = [];

const env = testAppEnv({
  DB_PREFIX: 'studentpass_benchscr_',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'true',
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  // Screenings days ahead may take attendance now.
  ATTENDANCE_EARLY_MINUTES: '525600',
  PORT: String(PORT),
});

function start(main: string): void {
  const child = spawn(process.execPath, [`${root}${main}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function api(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, body: json, ms: performance.now() - t0 };
}

async function must(
  method: string,
  path: string,
  token: string,
  body: unknown,
  status: number,
): Promise<Record<string, unknown>> {
  const res = await api(method, path, token, body);
  if (res.status !== status) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(items.slice(i, i + width).map(work));
  }
}

async function main(): Promise<void> {
  console.log('bench-screenings: preparing Kafka, topics and the bench databases');
  await prepareTestInfrastructure();
  const { prepareInfrastructure } = await import('./prepare.js');
  await prepareInfrastructure({
    kafka: adminKafka(env.KAFKA_BROKERS.split(',')),
    MYSQL_URL: env.MYSQL_URL,
    DB_PREFIX: env.DB_PREFIX,
  });
  for (const service of SERVICES) start(service.main);
  start(GATEWAY.main);
  await until(
    async () => ((await fetch(`${BASE}/health/ready`)).status === 200 ? true : undefined),
    'readiness',
  );
  const login = async (email: string) =>
    (await must('POST', '/auth/login', '', { email, password: PASSWORD }, 200))
      .accessToken as string;
  const admin = await login('admin@studentpass.local');
  const teacher = await login('teacher@studentpass.local');
  const lixia = await login('lixia.admin@studentpass.local');
  const schoolId = (await must('GET', '/me', teacher, undefined, 200)).organisationId as string;

  const run = randomUUID().slice(0, 6);
  const firstDay = addDays(shanghaiDateOf(new Date()), 20);
  const schoolYear = schoolYearOfDate(firstDay);
  console.log(`bench-screenings: enrolling ${classCount} × ${classSize} students`);
  const classIds: string[] = [];
  for (let c = 0; c < classCount; c++) {
    const created = await must(
      'POST',
      '/roster/classes',
      teacher,
      { schoolId, schoolYear, grade: 4, name: `压测${run}-${c}班` },
      201,
    );
    classIds.push(created.id as string);
    await inBatches([...Array(classSize).keys()], 8, async (i) => {
      await must(
        'POST',
        '/roster/students',
        teacher,
        {
          classId: created.id,
          studentNumber: `B${run}${c}x${i}`,
          name: `压测学生${i}`,
          gender: i % 2 ? 'male' : 'female',
          dateOfBirth: '2016-03-01',
        },
        201,
      );
    });
  }
  const db = new DataSource(
    dataSourceOptions(screeningsDatabase({ MYSQL_URL: env.MYSQL_URL, DB_PREFIX: env.DB_PREFIX })),
  );
  await db.initialize();
  await until(async () => {
    const [row]: { n: string }[] = await db.query(
      'SELECT COUNT(*) AS n FROM roster_students WHERE class_id IN (?) AND active = 1',
      [classIds],
    );
    return Number(row.n) === classCount * classSize ? true : undefined;
  }, 'the roster in the screenings read model');

  const film = await must(
    'POST',
    '/screenings/films',
    admin,
    {
      title: `压测影片 ${run}`,
      year: 2024,
      runningMinutes: 90,
      grades: [4, 5, 6],
      synopsis: '压测',
      language: '普通话',
      subtitles: true,
      audioDescription: false,
    },
    201,
  );
  await must(
    'POST',
    `/screenings/films/${film.id as string}/approvals`,
    lixia,
    { schoolYear },
    201,
  );
  const schedule = async (localDate: string, startTime: string, seatCount: number) =>
    (
      await must(
        'POST',
        '/screenings',
        teacher,
        {
          filmId: film.id,
          localDate,
          startTime,
          seats: seatCount,
          placeKind: 'school_hall',
          hallName: '礼堂',
        },
        201,
      )
    ).id as string;
  const book = (screeningId: string, classId: string) =>
    api('POST', `/screenings/${screeningId}/bookings`, teacher, { classId });

  // 1. contention: every class at once for one screening.
  const contended = await schedule(firstDay, '09:00', seats);
  const t1 = performance.now();
  const contention = await Promise.all(classIds.map((classId) => book(contended, classId)));
  const contentionSeconds = (performance.now() - t1) / 1000;
  const [seatCheck]: { taken: string; active: string; seats: string }[] = await db.query(
    `SELECT s.seats_taken AS taken, s.seats AS seats,
       (SELECT COUNT(*) FROM booked_seats b WHERE b.screening_id = s.id AND b.active_flag = 1) AS active
     FROM screenings s WHERE s.id = ?`,
    [contended],
  );

  // 2. overlap races: each class into two overlapping screenings at once.
  const raceLatencies: number[] = [];
  let raceBooked = 0;
  let raceConflicts = 0;
  let raceOther = 0;
  const raced: string[] = [];
  for (let r = 0; r < rounds; r++) {
    const day = addDays(firstDay, r + 1);
    const first = await schedule(day, '09:00', classCount * classSize);
    const second = await schedule(day, '09:45', classCount * classSize);
    raced.push(first, second);
    const results = await Promise.all(
      classIds.flatMap((classId) => [book(first, classId), book(second, classId)]),
    );
    for (const res of results) {
      raceLatencies.push(res.ms);
      if (res.status === 201) raceBooked++;
      else if (res.body.code === 'SCREENING_TIME_CONFLICT') raceConflicts++;
      else raceOther++;
    }
  }
  const [doubles]: { n: string }[] = await db.query(
    `SELECT COUNT(*) AS n FROM booked_seats a JOIN booked_seats b
       ON a.student_id = b.student_id AND a.screening_id < b.screening_id
       AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
     WHERE a.active_flag = 1 AND b.active_flag = 1 AND a.student_id IN
       (SELECT student_id FROM roster_students WHERE class_id IN (?))`,
    [classIds],
  );

  // 3. roll calls: each raced screening, every booked student, then the same again.
  const rollCallMs: number[] = [];
  const repeatMs: number[] = [];
  let marks = 0;
  for (const screeningId of raced) {
    const seated: { student_id: string }[] = await db.query(
      'SELECT student_id FROM booked_seats WHERE screening_id = ? AND active_flag = 1',
      [screeningId],
    );
    if (seated.length === 0) continue;
    const body = {
      marks: seated.map((s, i) => ({ studentId: s.student_id, present: i % 10 !== 0 })),
    };
    const res = await api('POST', `/screenings/${screeningId}/roll-call`, teacher, body);
    if (res.status !== 200) throw new Error(`roll call: ${res.status} ${JSON.stringify(res.body)}`);
    rollCallMs.push(res.ms);
    marks += seated.length;
    const again = await api('POST', `/screenings/${screeningId}/roll-call`, teacher, body);
    if (again.body.changed !== 0) throw new Error('a repeated roll call changed marks');
    repeatMs.push(again.ms);
  }
  const [events]: { n: string }[] = await db.query(
    `SELECT COUNT(*) AS n FROM outbox_events WHERE topic = 'screenings.attendance.recorded.v1'
       AND envelope LIKE ?`,
    [`%"filmId":"${film.id as string}"%`],
  );
  await db.destroy();

  const booked = contention.filter((r) => r.status === 201).length;
  const full = contention.filter((r) => r.body.code === 'SCREENING_FULL').length;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    [
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; broker, MariaDB, services, gateway and load on this machine.`,
      '',
      '| run | requests | booked | refused | other | p50 ms | p99 ms | check |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      `| contention: ${classCount} classes of ${classSize} at once, ${seats} seats | ${contention.length} | ${booked} | ${full} SCREENING_FULL | ${contention.length - booked - full} | ${percentile(
        contention.map((r) => r.ms),
        50,
      ).toFixed(0)} | ${percentile(
        contention.map((r) => r.ms),
        99,
      ).toFixed(
        0,
      )} | ${seatCheck.taken} taken = ${seatCheck.active} active seats ≤ ${seatCheck.seats} (${contentionSeconds.toFixed(2)} s) |`,
      `| overlap races: ${rounds} rounds × ${classCount} classes into 2 overlapping screenings | ${raceLatencies.length} | ${raceBooked} | ${raceConflicts} SCREENING_TIME_CONFLICT | ${raceOther} | ${percentile(raceLatencies, 50).toFixed(0)} | ${percentile(raceLatencies, 99).toFixed(0)} | ${doubles.n} students double-booked |`,
      `| roll calls: ${rollCallMs.length} screenings, ${marks} marks | ${rollCallMs.length} | — | — | — | ${percentile(rollCallMs, 50).toFixed(0)} | ${percentile(rollCallMs, 99).toFixed(0)} | ${events.n} attendance events for ${marks} marks |`,
      `| repeated roll calls (no change) | ${repeatMs.length} | — | — | — | ${percentile(repeatMs, 50).toFixed(0)} | ${percentile(repeatMs, 99).toFixed(0)} | nothing new published |`,
    ].join('\n'),
  );
  const wrong =
    Number(seatCheck.taken) !== Number(seatCheck.active) ||
    Number(seatCheck.taken) > Number(seatCheck.seats) ||
    Number(doubles.n) > 0 ||
    raceBooked !== rounds * classCount ||
    Number(events.n) !== marks;
  if (wrong) throw new Error('BENCH CHECK FAILED');
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
  });
