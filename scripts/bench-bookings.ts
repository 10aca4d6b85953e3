/**
 * Booking throughput through the gateway: `npm run build && node dist/scripts/bench-bookings.js`
 * (with TEST_KAFKA_PORT / TEST_DB_PREFIX-style infrastructure from scripts/test-infra.ts).
 * Starts every service and the gateway as processes on the test broker with their own
 * databases (`<TEST_DB_PREFIX>benchven_*`), creates a bench venue, then measures
 *   1. contention: every request for one slot with BENCH_CONTENDED_CAPACITY places;
 *   2. spread: requests round-robin over every slot of the venue (2 weeks, 15-minute slots).
 * Each request is a different student (tokens signed like the directory's), so the
 * one-per-day rule does not interfere, and carries an Idempotency-Key, as a real client's would. After each run the database is checked: no slot has
 * more places taken than its capacity, and each slot's count equals its confirmed bookings.
 *
 * Env: BENCH_CONNECTIONS (64), BENCH_SECONDS (15), BENCH_CONTENDED_REQUESTS (3000),
 * BENCH_CONTENDED_CAPACITY (500), BENCH_PROFILE (a directory: the venues service's V8 tick log).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { venuesDatabase } from '../apps/venues/src/database/database.js';
import { GATEWAY, SERVICES } from './services.js';
import { prepareTestInfrastructure, signAccessToken, testAppEnv, testEnv } from './test-infra.js';
import { adminKafka } from './prepare.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const contendedRequests = Number(process.env.BENCH_CONTENDED_REQUESTS ?? 3000);
const contendedCapacity = Number(process.env.BENCH_CONTENDED_CAPACITY ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3311);
const BASE = `http://127.0.0.1:${PORT}`;
const children: ChildProcess[] = [];
const childByName = new Map<string, ChildProcess>();

/**
 * CPU time (user + system, ms) a child has used so far, from /proc (Linux). Per booking it
 * hardly depends on what else loads the machine, unlike bookings per second.
 */
function cpuMsOf(name: string): number {
  const pid = childByName.get(name)?.pid;
  if (!pid) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

const env = testAppEnv({
  // Its own databases, beside the tests' (helpers sharing a machine use their own prefix).
  DB_PREFIX: `${testEnv.dbPrefix}benchven_`,
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'true',
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  PORT: String(PORT),
});

/** BENCH_PROFILE=<dir>: the venues service writes a V8 tick log there (`node --prof-process`). */
const profileDir = process.env.BENCH_PROFILE;

function start(main: string): void {
  const profile =
    profileDir && main.includes('/venues/')
      ? ['--prof', '--no-logfile-per-isolate', `--logfile=${profileDir}/venues.v8.log`]
      : [];
  const child = spawn(process.execPath, [...profile, `${root}${main}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  childByName.set(main.split('/')[2] ?? main, child);
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
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
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...extraHeaders,
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

const studentToken = (schoolId: string | null): string =>
  signAccessToken(env.JWT_SECRET, { role: 'student', org: schoolId }, 3600);

interface Figures {
  label: string;
  requests: number;
  confirmed: number;
  full: number;
  other: number;
  seconds: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `connections` workers booking until `stop()` says so; one fresh student per request. */
async function load(
  label: string,
  nextSlot: () => string,
  stop: (sent: number, startedAt: number) => boolean,
): Promise<Figures> {
  const latencies: number[] = [];
  let sent = 0;
  let confirmed = 0;
  let full = 0;
  let other = 0;
  const tokens = Array.from({ length: 2000 }, () => studentToken(null));
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!stop(sent, startedAt)) {
        const token = sent < tokens.length ? tokens[sent] : studentToken(null);
        sent++;
        const t0 = performance.now();
        const res = await api(
          'POST',
          '/venues/bookings/individual',
          token,
          { slotId: nextSlot() },
          {
            'idempotency-key': randomUUID(),
          },
        );
        latencies.push(performance.now() - t0);
        if (res.status === 201) confirmed++;
        else if (res.body.code === 'SLOT_FULL') full++;
        else other++;
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    requests: latencies.length,
    confirmed,
    full,
    other,
    seconds: elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Zero overbooking: no pool over capacity, and every count matches its bookings and open offers. */
async function overbooked(db: DataSource): Promise<number> {
  const [row]: { n: string }[] = await db.query(
    `SELECT COUNT(*) AS n FROM slots s WHERE s.individual_taken > s.individual_capacity
       OR s.individual_taken <> (
         (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.kind = 'individual'
         AND b.status IN ('confirmed', 'checked_in', 'no_show'))
         + (SELECT COUNT(*) FROM waitlist_entries w WHERE w.slot_id = s.id AND w.status = 'offered'))`,
  );
  return Number(row.n);
}

async function main(): Promise<void> {
  console.log('bench-bookings: preparing Kafka, topics and the bench databases');
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

  const admin = (
    await api('POST', '/auth/login', null, {
      email: 'admin@studentpass.local',
      password: 'Demo-Admin-2026!',
    })
  ).body.accessToken as string;
  const bureaus = (await api('GET', '/organisations?kind=bureau&pageSize=100', admin)).body
    .items as { id: string; regionCode: string }[];
  const jinan = bureaus.find((b) => b.regionCode === '370100');
  const org = await api('POST', '/organisations', admin, {
    kind: 'venue',
    name: `压测场馆 ${randomUUID().slice(0, 8)}`,
    parentId: jinan?.id,
    regionCode: '370191',
    operator: 'bench',
  });
  const allDay = { opens: '00:00', closes: '23:45' };
  const venueId = await until(async () => {
    const res = await api('POST', '/venues', admin, {
      organisationId: org.body.id,
      name: '压测科技馆',
      category: 'science_venue',
      studentPriceFen: 0,
      weeklyHours: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay]),
      ),
      slotMinutes: 15,
      individualCapacity: 100_000,
      groupCapacity: 0,
    });
    return res.status === 201 ? (res.body.id as string) : undefined;
  }, 'the bench venue');

  const db = new DataSource(
    dataSourceOptions(venuesDatabase({ MYSQL_URL: env.MYSQL_URL, DB_PREFIX: env.DB_PREFIX })),
  );
  await db.initialize();
  const slotRows: { id: string }[] = await db.query(
    `SELECT id FROM slots WHERE venue_id = ? AND starts_at > ? ORDER BY starts_at`,
    [venueId, new Date(Date.now() + 3600_000)],
  );
  const slotIds = slotRows.map((r) => r.id);
  const contended = slotIds[0];
  await db.query('UPDATE slots SET individual_capacity = ? WHERE id = ?', [
    contendedCapacity,
    contended,
  ]);

  // Warm-up on other slots, then the two runs.
  let warm = 0;
  await load(
    'warm-up',
    () => slotIds[1 + (warm++ % (slotIds.length - 1))],
    (_s, t) => performance.now() - t > 3000,
  );
  const contention = await load(
    `contention: ${contendedRequests} requests for 1 slot of ${contendedCapacity}`,
    () => contended,
    (sent) => sent >= contendedRequests,
  );
  const contentionOver = await overbooked(db);
  let next = 0;
  const cpuBefore = { venues: cpuMsOf('venues'), gateway: cpuMsOf('gateway') };
  const spread = await load(
    `spread: ${seconds} s over ${slotIds.length - 1} slots`,
    () => slotIds[1 + (next++ % (slotIds.length - 1))],
    (_s, t) => performance.now() - t > seconds * 1000,
  );
  const spreadOver = await overbooked(db);
  const cpuPerBooking = (name: 'venues' | 'gateway') =>
    ((cpuMsOf(name) - cpuBefore[name]) / Math.max(1, spread.confirmed)).toFixed(2);
  const [taken]: { taken: string }[] = await db.query(
    'SELECT individual_taken AS taken FROM slots WHERE id = ?',
    [contended],
  );
  // The relay marks a batch published at one instant: events per batch, over the whole run.
  const [relay]: { events: string; batches: string }[] = await db.query(
    `SELECT COUNT(*) AS events, COUNT(DISTINCT published_at) AS batches FROM outbox_events
     WHERE published_at IS NOT NULL`,
  );
  await db.destroy();

  const row = (f: Figures, over: number) =>
    `| ${f.label} | ${f.requests} | ${f.confirmed} | ${f.full} | ${f.other} | ${(f.requests / f.seconds).toFixed(0)} | ${(f.confirmed / f.seconds).toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${over} |`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    [
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), Node ${process.version}, Kafka client ${env.KAFKA_CLIENT ?? 'platformatic'}; broker, MariaDB, services, gateway and load on this machine; ${connections} connections; POST /venues/bookings/individual, one student and one Idempotency-Key per request.`,
      '',
      '| run | requests | confirmed | SLOT_FULL | other | answers/s | bookings/s | p50 ms | p99 ms | overbooked slots |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      row(contention, contentionOver),
      row(spread, spreadOver),
      '',
      `Contended slot: ${taken.taken} of ${contendedCapacity} places taken.`,
      `CPU per booking in the spread run: venues ${cpuPerBooking('venues')} ms, gateway ${cpuPerBooking('gateway')} ms; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          ' ',
        )}; outbox relay: ${(Number(relay.events) / Math.max(1, Number(relay.batches))).toFixed(1)} events per batch.`,
    ].join('\n'),
  );
  if (
    contentionOver + spreadOver > 0 ||
    Number(taken.taken) !== Math.min(contendedCapacity, contention.confirmed)
  ) {
    throw new Error('OVERBOOKING DETECTED');
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
  });
