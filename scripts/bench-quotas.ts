/**
 * Quotas ledger and reports: `npm run bench:quotas` (on the TEST_KAFKA_PORT broker).
 *
 * 1. Seeds the quotas read model directly with `bulkInsert` (not through the directory: that
 *    would bench the directory): one city (370800) of BENCH_SCHOOLS schools in 10 counties,
 *    BENCH_STUDENTS students in all, and the city's first term of 2026-2027.
 * 2. Produces BENCH_EVENTS `screenings.attendance.recorded.v1` events onto the real topic,
 *    in the envelope and headers of the outbox relay (batched producer), with the quotas
 *    service stopped: a backlog, as after an outage or a replay.
 * 3. Starts the quotas service (its own process, a fresh ledger consumer group positioned at
 *    the end of the older messages) and measures events per second until its committed
 *    offsets cover every event, then checks the ledger holds them all.
 * 4. Starts the gateway and times the compliance report for one school and for the city.
 *
 * Env: BENCH_EVENTS (1000000), BENCH_STUDENTS (500000), BENCH_SCHOOLS (500).
 */
import 'reflect-metadata';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import kafkajs, { type Message } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ScreeningsEventTopics, type EventEnvelope } from '@app/contracts';
import { bulkInsert, dataSourceOptions, dropDatabase, databaseName } from '@app/database';
import { cloudEventHeaders, createKafka } from '@app/messaging';
import { quotasDatabase } from '../apps/quotas/src/database/database.js';
import { LEDGER_TOPICS } from '../apps/quotas/src/ledger/ledger-events.js';
import { StudentEntity } from '../apps/quotas/src/read-model/student.entity.js';
import { GATEWAY, SERVICES } from './services.js';
import { prepareTestInfrastructure, signAccessToken, testAppEnv } from './test-infra.js';
import { adminKafka } from './prepare.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 500_000);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 500);
const CITY = '370800';
const PERIOD = '2026-2027-T1';
const PORT = 3312;
const BASE = `http://127.0.0.1:${PORT}`;
const GROUP = `quotas-ledger-bench-${Date.now()}`;
const children: ChildProcess[] = [];
const { ConfigResourceTypes } = kafkajs;

const env = testAppEnv({
  DB_PREFIX: 'studentpass_benchquo_',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
  PORT: String(PORT),
  LEDGER_GROUP_ID: GROUP,
  REQUEST_TIMEOUT_MS: '60000',
});

function start(main: string): ChildProcess {
  const child = spawn(process.execPath, [`${root}${main}`], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const mariadbPid = (): number | undefined => {
  try {
    const pid = Number(
      execFileSync('pidof', ['mariadbd', 'mysqld']).toString().trim().split(' ')[0],
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/** InnoDB's own counters (server-wide): pages read from disk, pages written, fsyncs. */
async function innodbCounters(db: DataSource): Promise<Record<string, number>> {
  const rows: { Variable_name: string; Value: string }[] = await db.query(
    `SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_reads',
       'Innodb_buffer_pool_read_requests', 'Innodb_pages_written', 'Innodb_data_fsyncs')`,
  );
  return Object.fromEntries(rows.map((r) => [r.Variable_name, Number(r.Value)]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `BENCH_INNODB_POOL_MB`: the server's InnoDB buffer pool for this run, as an operator would
 * size it for the data (the default 128 MB holds about a tenth of the ledger after a million
 * events); unset, the server's own setting is measured.
 */
const POOL_MB = process.env.BENCH_INNODB_POOL_MB ? Number(process.env.BENCH_INNODB_POOL_MB) : null;
let restorePool: (() => void) | null = null;

/** One statement through the mariadb client (works after the bench's own connections closed). */
function mariadb(sql: string, what: string): void {
  const url = new URL(env.MYSQL_URL);
  try {
    execFileSync('mariadb', [
      '--protocol=tcp',
      `-h${url.hostname}`,
      `-P${url.port || '3306'}`,
      `-u${decodeURIComponent(url.username)}`,
      ...(url.password ? [`-p${decodeURIComponent(url.password)}`] : []),
      '-e',
      sql,
    ]);
    console.log(what);
  } catch (error) {
    console.error(`could not run: ${sql}`, error);
  }
}

const token = (role: string, org: string | null): string =>
  signAccessToken(env.JWT_SECRET, { role, org }, 7200);

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function seed(
  db: DataSource,
): Promise<{ schools: string[]; students: { id: string; school: string }[] }> {
  const schools = Array.from({ length: SCHOOLS }, () => randomUUID());
  const region = (i: number) => `3708${String(1 + (i % 10)).padStart(2, '0')}`;
  await db.query('INSERT INTO q_organisations (id, kind, name, region_code, stage) VALUES ?', [
    schools.map((id, i) => [
      id,
      'school',
      `压测学校${i}`,
      region(i),
      i % 2 === 0 ? 'primary' : 'junior_secondary',
    ]),
  ]);
  await db.query(
    `INSERT INTO q_terms (id, area_code, school_year, term_no, starts_on, ends_on)
     VALUES (?, ?, '2026-2027', 1, '2026-09-01', '2027-01-20')`,
    [randomUUID(), CITY],
  );
  const students: { id: string; school: string }[] = [];
  const perSchool = Math.ceil(STUDENTS / SCHOOLS);
  const classes = schools.map(() =>
    Array.from({ length: Math.ceil(perSchool / 50) }, () => randomUUID()),
  );
  for (let offset = 0; offset < STUDENTS; offset += 5000) {
    const rows: Partial<StudentEntity>[] = [];
    for (let n = offset; n < Math.min(STUDENTS, offset + 5000); n++) {
      const s = Math.floor(n / perSchool);
      const id = randomUUID();
      students.push({ id, school: schools[s] });
      rows.push({
        id,
        schoolId: schools[s],
        classId: classes[s][Math.floor((n % perSchool) / 50)],
        grade: 1 + (n % 6),
        schoolYear: '2026-2027',
        active: 1,
        regionCode: region(s),
        stage: s % 2 === 0 ? 'primary' : 'junior_secondary',
      });
    }
    await db.transaction((manager) => bulkInsert(manager, StudentEntity, rows));
  }
  return { schools, students };
}

async function main(): Promise<void> {
  console.log('bench-quotas: preparing Kafka, topics and the bench databases');
  await prepareTestInfrastructure();
  await dropDatabase(env.MYSQL_URL, databaseName(env.DB_PREFIX, 'quotas'));
  const { prepareInfrastructure } = await import('./prepare.js');
  await prepareInfrastructure({
    kafka: adminKafka(env.KAFKA_BROKERS.split(',')),
    MYSQL_URL: env.MYSQL_URL,
    DB_PREFIX: env.DB_PREFIX,
  });
  const db = new DataSource(
    dataSourceOptions(quotasDatabase({ MYSQL_URL: env.MYSQL_URL, DB_PREFIX: env.DB_PREFIX })),
  );
  await db.initialize();
  if (POOL_MB !== null) {
    // A server-wide setting: put back when the run ends, failed or not (`main().finally`).
    const [{ size }]: { size: string }[] = await db.query(
      'SELECT @@innodb_buffer_pool_size AS size',
    );
    restorePool = () =>
      mariadb(`SET GLOBAL innodb_buffer_pool_size = ${Number(size)}`, 'the buffer pool put back');
    await db.query(`SET GLOBAL innodb_buffer_pool_size = ${POOL_MB * 1048576}`);
    console.log(
      `InnoDB buffer pool set to ${POOL_MB} MB for this run (was ${Number(size) >> 20} MB)`,
    );
  }
  let t = performance.now();
  const { schools, students } = await seed(db);
  const seedSeconds = (performance.now() - t) / 1000;
  console.log(
    `seeded ${students.length} students in ${SCHOOLS} schools in ${seedSeconds.toFixed(1)} s`,
  );

  // The fresh ledger group starts at the end of what earlier runs and tests left on the topics.
  const kafka = createKafka(adminKafka(env.KAFKA_BROKERS.split(',')), 'bench-quotas');
  const admin = kafka.admin();
  await admin.connect();
  // The local broker keeps 64 MB a partition (deploy/local/kafka.sh): 1M events are ~900 MB,
  // so on this topic of the bench broker the backlog is kept whole, or it would be cut.
  await admin.alterConfigs({
    validateOnly: false,
    resources: [
      {
        type: ConfigResourceTypes.TOPIC,
        name: ScreeningsEventTopics.attendanceRecorded,
        configEntries: [{ name: 'retention.bytes', value: '-1' }],
      },
    ],
  });
  const startOffsets = new Map<string, Map<number, number>>();
  for (const topic of LEDGER_TOPICS) {
    const ends = await admin.fetchTopicOffsets(topic);
    startOffsets.set(topic, new Map(ends.map((e) => [e.partition, Number(e.high)])));
    await admin.setOffsets({
      groupId: GROUP,
      topic,
      partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
    });
  }

  // 2 events a student on average (films from 40, dates in the term; some repeats).
  const films = Array.from({ length: 40 }, () => randomUUID());
  const screenings = Array.from({ length: 400 }, (_, i) => ({
    id: randomUUID(),
    film: films[i % films.length],
    date: new Date(Date.UTC(2026, 8, 1) + (i % 140) * 86_400_000).toISOString().slice(0, 10),
  }));
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  t = performance.now();
  // Under the broker's 1 MB per partition batch (about 900 bytes an event, 3 partitions).
  const BATCH = 2000;
  const inFlight: Promise<unknown>[] = [];
  for (let offset = 0; offset < EVENTS; offset += BATCH) {
    const messages: Message[] = [];
    for (let n = offset; n < Math.min(EVENTS, offset + BATCH); n++) {
      const student = students[n % students.length];
      // A student's second event is at another screening (the run of 17:35 had both at the
      // same one: a repeat viewing, so every student had one film).
      const round = Math.floor(n / students.length);
      const screening = screenings[(n * 7919 + round * 13) % screenings.length];
      const envelope: EventEnvelope = {
        id: randomUUID(),
        type: ScreeningsEventTopics.attendanceRecorded,
        occurredAt: new Date().toISOString(),
        producer: 'screenings',
        correlationId: null,
        key: student.id,
        payload: {
          attendanceId: randomUUID(),
          revision: 1,
          screeningId: screening.id,
          filmId: screening.film,
          studentId: student.id,
          schoolId: student.school,
          classId: null,
          grade: 3,
          present: n % 10 !== 0,
          startsAt: `${screening.date}T02:00:00.000Z`,
          localDate: screening.date,
          recordedAt: new Date().toISOString(),
        },
      };
      messages.push({
        key: student.id,
        value: JSON.stringify(envelope),
        headers: cloudEventHeaders(envelope),
      });
    }
    const sending = producer.send({
      topic: ScreeningsEventTopics.attendanceRecorded,
      acks: -1,
      messages,
    });
    sending.catch(() => undefined); // awaited below; this only keeps Node from crashing first
    inFlight.push(sending);
    if (inFlight.length >= 6) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const produceSeconds = (performance.now() - t) / 1000;
  await producer.disconnect();
  console.log(
    `produced ${EVENTS} events in ${produceSeconds.toFixed(1)} s (${(EVENTS / produceSeconds).toFixed(0)}/s)`,
  );

  const quotas = SERVICES.find((s) => s.name === 'quotas');
  if (!quotas) throw new Error('quotas is not in SERVICES');
  const consumed = async (): Promise<number> => {
    let total = 0;
    for (const topic of [ScreeningsEventTopics.attendanceRecorded]) {
      const committed = await admin.fetchOffsets({ groupId: GROUP, topics: [topic] });
      for (const p of committed[0]?.partitions ?? []) {
        const from = startOffsets.get(topic)?.get(p.partition) ?? 0;
        total += Math.max(0, Number(p.offset) - from);
      }
    }
    return total;
  };
  const [server]: { version: string; poolMb: string }[] = await db.query(
    'SELECT VERSION() AS version, @@innodb_buffer_pool_size DIV 1048576 AS poolMb',
  );
  const loadBefore = os.loadavg();
  const dbPid = mariadbPid();
  const dbCpuBefore = cpuSecondsOf(dbPid);
  const innodbBefore = await innodbCounters(db);
  const quotasProcess = start(quotas.main);
  const startedAt = performance.now();
  let firstProgress: number | null = null;
  let done = 0;
  while (done < EVENTS) {
    await sleep(250);
    done = await consumed();
    if (done > 0 && firstProgress === null) firstProgress = performance.now();
    if (performance.now() - startedAt > 1_800_000)
      throw new Error(`only ${done} consumed in 30 min`);
  }
  const finished = performance.now();
  const loadDuring = os.loadavg();
  // Figures that do not depend on what else the machine runs (per 1 000 events): the quotas
  // process's CPU time, and InnoDB's disk reads and page writes (server-wide; other databases
  // on the server add to them). The MariaDB CPU time is server-wide too.
  const quotasCpu = cpuSecondsOf(quotasProcess.pid);
  const dbCpu = cpuSecondsOf(dbPid) - dbCpuBefore;
  const innodbAfter = await innodbCounters(db);
  const per1000 = (n: number) => ((n * 1000) / EVENTS).toFixed(2);
  const innodbDelta = (name: string) => (innodbAfter[name] ?? 0) - (innodbBefore[name] ?? 0);
  const consumeSeconds = (finished - (firstProgress ?? startedAt)) / 1000;
  const [facts]: { n: string }[] = await db.query('SELECT COUNT(*) AS n FROM q_facts');
  // Every event has its own attendance id: the ledger must hold exactly one fact per event.
  if (Number(facts.n) !== EVENTS)
    throw new Error(`the ledger holds ${facts.n} facts, not ${EVENTS}`);
  console.log(
    `consumed ${EVENTS} events in ${consumeSeconds.toFixed(1)} s: ${(EVENTS / consumeSeconds).toFixed(0)} events/s (${facts.n} facts)`,
  );
  console.log(
    `per 1 000 events: quotas CPU ${per1000(quotasCpu)} s, MariaDB CPU ${per1000(dbCpu)} s, ` +
      `InnoDB pages read from disk ${per1000(innodbDelta('Innodb_buffer_pool_reads'))}, ` +
      `page reads (from the pool or disk) ${per1000(innodbDelta('Innodb_buffer_pool_read_requests'))}, ` +
      `pages written ${per1000(innodbDelta('Innodb_pages_written'))}, fsyncs ${per1000(innodbDelta('Innodb_data_fsyncs'))}`,
  );

  start(GATEWAY.main);
  const adminToken = token('platform_admin', null);
  const get = async (path: string): Promise<{ ms: number; body: Record<string, unknown> }> => {
    const t0 = performance.now();
    const res = await fetch(`${BASE}${path}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, body };
  };
  for (let i = 0; ; i++) {
    const ready = await fetch(`${BASE}/health/live`)
      .then((r) => r.status === 200)
      .catch(() => false);
    const answered =
      ready &&
      (await get(`/quotas/rules`)
        .then(() => true)
        .catch(() => false));
    if (answered) break;
    if (i > 240) throw new Error('the gateway did not answer');
    await sleep(500);
  }
  const school = schools[0];
  const schoolTimes: number[] = [];
  let schoolReport: Record<string, unknown> = {};
  for (let i = 0; i < 7; i++) {
    const r = await get(
      `/quotas/reports/compliance?period=${PERIOD}&schoolId=${school}&pageSize=100`,
    );
    schoolTimes.push(r.ms);
    schoolReport = r.body;
  }
  const cityTimes: number[] = [];
  let cityReport: Record<string, unknown> = {};
  for (let i = 0; i < 5; i++) {
    const r = await get(
      `/quotas/reports/compliance?period=${PERIOD}&areaCode=${CITY}&pageSize=100`,
    );
    cityTimes.push(r.ms);
    cityReport = r.body;
  }
  // The broker is the test broker: drop the bench's events so that no other consumer of the
  // topic (the tests' ledger) has a million events to read first.
  await admin.deleteTopicRecords({
    topic: ScreeningsEventTopics.attendanceRecorded,
    partitions: (await admin.fetchTopicOffsets(ScreeningsEventTopics.attendanceRecorded)).map(
      (p) => ({ partition: p.partition, offset: p.high }),
    ),
  });
  await admin.disconnect();
  await db.destroy();

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const counts = (r: Record<string, unknown>) => JSON.stringify(r.counts);
  console.log(
    [
      '',
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} cores (${cpu}), Node ${process.version}; broker, MariaDB ${server.version} (InnoDB buffer pool ${server.poolMb} MB), quotas, gateway and producer on this machine. Load average (anything else running shows here) before consuming ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadDuring.map((l) => l.toFixed(2)).join(' ')}.`,
      '',
      `Read model seeded with bulkInsert: ${students.length} students in ${SCHOOLS} schools of city ${CITY} (${seedSeconds.toFixed(1)} s).`,
      '',
      '| step | figure |',
      '|---|---:|',
      `| produce ${EVENTS} attendance events (batches of ${BATCH}, 6 in flight) | ${(EVENTS / produceSeconds).toFixed(0)} events/s (${produceSeconds.toFixed(1)} s) |`,
      `| quotas consumes them (backlog, ledger group from the first commit to the last) | **${(EVENTS / consumeSeconds).toFixed(0)} events/s** (${consumeSeconds.toFixed(1)} s) |`,
      `| facts in the ledger afterwards | ${facts.n} |`,
      `| compliance report, one school (${counts(schoolReport)}), median of 7 / max | **${median(schoolTimes).toFixed(0)} ms** / ${Math.max(...schoolTimes).toFixed(0)} ms |`,
      `| compliance report, the city (${counts(cityReport)}), median of 5 / max | **${median(cityTimes).toFixed(0)} ms** / ${Math.max(...cityTimes).toFixed(0)} ms |`,
    ].join('\n'),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) child.kill('SIGTERM');
    restorePool?.();
  });
