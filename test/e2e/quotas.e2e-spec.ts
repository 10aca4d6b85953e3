import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import {
  nationalIdCheckCharacter,
  ScreeningsEventTopics,
  StudyToursEventTopics,
  Topics,
  VenuesEventTopics,
  type ComplianceReportView,
  type ConsistencyReportView,
  type EventEnvelope,
  type ShortNoticesView,
  type StudentShortPayload,
} from '@app/contracts';
import { databaseName } from '@app/database';
import { cloudEventHeaders, createKafka, RpcClient } from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import type { Clock } from '@app/time';
import { LEDGER_TOPICS } from '../../apps/quotas/src/ledger/ledger-events.js';
import { QuotaJobs } from '../../apps/quotas/src/notices/quota-jobs.js';
import { ShortNoticesService } from '../../apps/quotas/src/notices/short-notices.service.js';
import { testEnv } from '../../scripts/test-infra.js';
import { loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

const PASSWORD = 'Quota-Test-2026';

/**
 * Each run takes its own province code and school year, so its bureaus, terms and students
 * never meet an earlier run's in the kept test databases.
 */
const P = String(80 + Math.floor(Math.random() * 19));
const C = String(10 + Math.floor(Math.random() * 90));
const PROVINCE = `${P}0000`;
const CITY = `${P}${C}00`;
const COUNTY_A = `${P}${C}01`;
const COUNTY_B = `${P}${C}02`;
const Y = 2030 + Math.floor(Math.random() * 60);
const YEAR = `${Y}-${Y + 1}`;
const TERM = `${YEAR}-T1`;
const TERM_STARTS = `${Y}-09-01`;
const TERM_ENDS = `${Y + 1}-01-20`;

interface AttendanceRow {
  attendanceId: string;
  revision: number;
  screening: string;
  student: string;
  present: boolean;
}

describe('quotas through the gateway, real Kafka and MySQL', () => {
  let suite: Suite;
  let kafka: Kafka;
  let producer: Producer;
  let recorder: TopicRecorder;
  let db: Connection;
  let clock: Clock;
  const run = uniqueSuffix();
  const ledgerGroup = `quotas-ledger-e2e-${run}`.replace(/[^a-z0-9._-]/gi, '-').toLowerCase();
  const tokens: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  const classes: Record<string, string> = {};
  const classNames: Record<string, string> = {};
  const students: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const http = () => suite.http();

  const films = { F1: randomUUID(), F2: randomUUID(), F3: randomUUID() };
  /** S4 is the day after the term ends; S5 is booked, not yet shown. */
  const screenings = {
    S1: { id: randomUUID(), film: films.F1, date: `${Y}-10-10` },
    S2: { id: randomUUID(), film: films.F2, date: `${Y}-11-10` },
    S3: { id: randomUUID(), film: films.F1, date: TERM_ENDS },
    S4: { id: randomUUID(), film: films.F3, date: `${Y + 1}-01-21` },
    S5: { id: randomUUID(), film: films.F3, date: `${Y + 1}-01-10` },
    /** Booked for a7, shown on the day the absent-mark test calls today. */
    S6: { id: randomUUID(), film: films.F2, date: `${Y}-12-20` },
  };
  type ScreeningKey = keyof typeof screenings;
  const sent: EventEnvelope[] = [];
  const rows: AttendanceRow[] = [];

  async function createOrganisation(key: string, body: Record<string, unknown>): Promise<void> {
    const res = await http().post('/organisations').set(as('platform')).send(body);
    expect(res.status).toBe(201);
    orgs[key] = res.body.id;
  }

  async function createAccount(key: string, role: string, organisation: string): Promise<void> {
    const email = `${key}.${run}@quotas.example`;
    const created = await http().post('/accounts').set(as('platform')).send({
      email,
      password: PASSWORD,
      displayName: key,
      role,
      organisationId: orgs[organisation],
    });
    expect(created.status).toBe(201);
    const login = await http().post('/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    tokens[key] = login.body.accessToken;
  }

  let nationalIdCounter = 0;
  const nationalIdBase = Math.floor(Math.random() * 900);
  /** Each student's number and national ID, to find them in (or miss them from) a report. */
  const studentNumbers: Record<string, string> = {};
  const nationalIds: Record<string, string> = {};
  async function enrol(key: string, staff: string, classKey: string): Promise<void> {
    const n = nationalIdCounter++;
    const first17 = `${COUNTY_A}20170514${String(nationalIdBase + n).padStart(3, '0')}`;
    const nationalId = first17 + nationalIdCheckCharacter(first17);
    const studentNumber = `Q${run.replace(/[^A-Za-z0-9]/g, '').slice(-12)}${n}`.toUpperCase();
    const res = await http()
      .post('/roster/students')
      .set(as(staff))
      .send({
        classId: classes[classKey],
        studentNumber,
        name: `学生${key}`,
        gender: n % 2 === 0 ? 'male' : 'female',
        dateOfBirth: '2017-05-14',
        nationalId,
      });
    expect(res.status).toBe(201);
    students[key] = res.body.id;
    studentNumbers[key] = res.body.studentNumber as string;
    nationalIds[key] = nationalId;
  }

  /** Publishes as the other services' outbox relays do: the envelope as value, CloudEvents headers. */
  async function produce<T>(
    topic: string,
    key: string,
    payload: T,
    envelope?: EventEnvelope,
  ): Promise<EventEnvelope> {
    const event: EventEnvelope = envelope ?? {
      id: randomUUID(),
      type: topic,
      occurredAt: new Date().toISOString(),
      producer: topic.split('.')[0],
      correlationId: null,
      key,
      payload,
    };
    await producer.send({
      topic,
      acks: -1,
      messages: [
        { key: event.key, value: JSON.stringify(event), headers: cloudEventHeaders(event) },
      ],
    });
    return event;
  }

  async function attend(
    screeningKey: ScreeningKey,
    studentKey: string,
    present: boolean,
    revision = 1,
    attendanceId: string = randomUUID(),
  ): Promise<string> {
    const s = screenings[screeningKey];
    const school = studentKey.startsWith('b') ? orgs.schoolB : orgs.schoolA;
    const event = await produce(ScreeningsEventTopics.attendanceRecorded, students[studentKey], {
      attendanceId,
      revision,
      screeningId: s.id,
      filmId: s.film,
      studentId: students[studentKey],
      schoolId: school,
      classId: null,
      grade: 3,
      present,
      startsAt: `${s.date}T02:00:00.000Z`,
      localDate: s.date,
      recordedAt: new Date().toISOString(),
    });
    sent.push(event);
    rows.push({ attendanceId, revision, screening: screeningKey, student: studentKey, present });
    return attendanceId;
  }

  /** The ledger's consumer group has committed every offset of the topics it reads. */
  async function ledgerCaughtUp(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const topics = [
        ScreeningsEventTopics.attendanceRecorded,
        ScreeningsEventTopics.screeningBooked,
        StudyToursEventTopics.participationRecorded,
        VenuesEventTopics.visitCheckedIn,
      ];
      await waitFor(
        async () => {
          const committed = await admin.fetchOffsets({ groupId: ledgerGroup, topics });
          for (const topic of topics) {
            const ends = await admin.fetchTopicOffsets(topic);
            const mine = committed.find((c) => c.topic === topic);
            for (const end of ends) {
              const at = mine?.partitions.find((p) => p.partition === end.partition)?.offset;
              if (Number(end.high) > 0 && Number(at ?? -1) < Number(end.high)) return false;
            }
          }
          return true;
        },
        { timeoutMs: 30_000, intervalMs: 200, what: 'the ledger to consume every event' },
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** Distinct films per student in the term, from the latest revision of each attendance row. */
  function expectedFilms(school: 'a' | 'b'): Map<string, number> {
    const latest = new Map<string, AttendanceRow>();
    for (const row of rows) {
      const known = latest.get(row.attendanceId);
      if (!known || row.revision > known.revision) latest.set(row.attendanceId, row);
    }
    const films = new Map<string, Set<string>>();
    for (const key of Object.keys(students).filter((k) => k.startsWith(school))) {
      films.set(key, new Set());
    }
    for (const row of latest.values()) {
      const s = screenings[row.screening as ScreeningKey];
      if (!row.present || s.date < TERM_STARTS || s.date > TERM_ENDS) continue;
      films.get(row.student)?.add(s.film);
    }
    return new Map([...films].map(([k, v]) => [students[k], v.size]));
  }

  async function report(who: string, query: string): Promise<ComplianceReportView> {
    const res = await http().get(`/quotas/reports/compliance?${query}`).set(as(who));
    expect(res.status).toBe(200);
    return res.body as ComplianceReportView;
  }

  const keyOf = (id: string): string =>
    Object.entries(students).find(([, value]) => value === id)?.[0] ?? id;

  beforeAll(async () => {
    // A ledger group of this run, starting at the end of what is on the topics already.
    kafka = createKafka(testEnv.kafka, `it-quotas-${run}`);
    const admin = kafka.admin();
    await admin.connect();
    for (const topic of LEDGER_TOPICS) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: ledgerGroup,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
    }
    await admin.disconnect();
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      REQUEST_TIMEOUT_MS: '3000',
      LEDGER_GROUP_ID: ledgerGroup,
    });
    clock = suite.clockOf('quotas');
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    recorder = await new TopicRecorder(kafka, [Topics.events.studentShort]).start();
    db = await createConnection({
      uri: `${testEnv.mysqlUrl.replace(/\/$/, '')}/${databaseName(testEnv.dbPrefix, 'quotas')}`,
    });
    tokens.platform = await loginAsDemoAdmin(suite);

    await createOrganisation('province', {
      kind: 'bureau',
      level: 'province',
      name: `省教育厅 ${run}`,
      regionCode: PROVINCE,
      parentId: null,
    });
    await createOrganisation('city', {
      kind: 'bureau',
      level: 'city',
      name: `市教育局 ${run}`,
      regionCode: CITY,
      parentId: orgs.province,
    });
    for (const [key, code] of [
      ['countyA', COUNTY_A],
      ['countyB', COUNTY_B],
    ] as const) {
      await createOrganisation(key, {
        kind: 'bureau',
        level: 'county',
        name: `${key} ${run}`,
        regionCode: code,
        parentId: orgs.city,
      });
    }
    for (const [key, county, code] of [
      ['schoolA', 'countyA', COUNTY_A],
      ['schoolB', 'countyB', COUNTY_B],
    ] as const) {
      await createOrganisation(key, {
        kind: 'school',
        stage: 'primary',
        name: `${key} ${run}`,
        regionCode: code,
        parentId: orgs[county],
      });
    }
    await createAccount('staffA', 'school_staff', 'schoolA');
    await createAccount('staffB', 'school_staff', 'schoolB');
    await createAccount('countyAdminA', 'bureau_admin', 'countyA');
    await createAccount('countyAdminB', 'bureau_admin', 'countyB');
    await createAccount('pupil', 'student', 'schoolA');

    const term = await http().post('/calendar/terms').set(as('platform')).send({
      areaCode: COUNTY_A,
      schoolYear: YEAR,
      term: 1,
      startsOn: TERM_STARTS,
      endsOn: TERM_ENDS,
    });
    expect(term.status).toBe(201);

    const rosterYear = (await import('@app/contracts')).schoolYearOf(new Date());
    for (const [key, school, staff, name] of [
      ['a1', 'schoolA', 'staffA', '三年级1班'],
      ['a2', 'schoolA', 'staffA', '三年级2班'],
      ['a3', 'schoolA', 'staffA', '三年级3班'],
      ['b1', 'schoolB', 'staffB', '三年级1班'],
    ] as const) {
      const res = await http()
        .post('/roster/classes')
        .set(as(staff))
        .send({ schoolId: orgs[school], schoolYear: rosterYear, grade: 3, name });
      expect(res.status).toBe(201);
      classes[key] = res.body.id;
      classNames[key] = name;
    }
    for (let i = 1; i <= 9; i++) await enrol(`a${i}`, 'staffA', `a${Math.ceil(i / 3)}`);
    await enrol('b1', 'staffB', 'b1');
    await enrol('b2', 'staffB', 'b1');

    // The read models have the schools, the students and the term before attendance arrives.
    await waitFor(
      async () => {
        const [termRows] = await db.query<RowDataPacket[]>(
          'SELECT 1 FROM q_terms WHERE area_code = ? AND school_year = ?',
          [COUNTY_A, YEAR],
        );
        const [studentRows] = await db.query<RowDataPacket[]>(
          'SELECT COUNT(*) AS n FROM q_students WHERE id IN (?) AND region_code IS NOT NULL',
          [Object.values(students)],
        );
        return termRows.length === 1 && Number(studentRows[0].n) === 11;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the quotas read models' },
    );

    // "Today" for the forecast: after S1-S3, before the booked S5.
    clock.now = () => new Date(`${Y}-12-20T04:00:00.000Z`);
    await produce(ScreeningsEventTopics.screeningBooked, screenings.S5.id, {
      bookingId: randomUUID(),
      screeningId: screenings.S5.id,
      filmId: screenings.S5.film,
      schoolId: orgs.schoolA,
      classId: classes.a3,
      studentIds: [students.a9],
      startsAt: `${screenings.S5.date}T02:00:00.000Z`,
      localDate: screenings.S5.date,
    });
    await attend('S1', 'a1', true);
    await attend('S2', 'a1', true);
    await attend('S1', 'a2', true);
    await attend('S1', 'a3', true);
    await attend('S3', 'a3', true); // the same film again
    await attend('S1', 'a4', true);
    const corrected = await attend('S2', 'a4', true);
    await attend('S2', 'a4', false, 2, corrected); // a correction: absent after all
    await attend('S2', 'a5', true);
    await attend('S3', 'a5', true); // on the term's last day
    await attend('S1', 'a6', true);
    await attend('S4', 'a6', true); // the day after the term ends
    await attend('S1', 'a8', false);
    await attend('S2', 'a8', false);
    await attend('S1', 'a9', true);
    await attend('S1', 'b1', true);
    await attend('S2', 'b1', true);
    await ledgerCaughtUp();
    // The suite's start and this setup take ~50 s on a busy 2-core machine, roster or not.
  }, 120_000);

  afterAll(async () => {
    await recorder?.stop();
    await producer?.disconnect();
    await db?.end();
    await suite?.close();
  });

  it('lists exactly the students of a school below two films, with counts that match the attendance rows', async () => {
    const expected = expectedFilms('a');
    const all = await report('staffA', `period=${TERM}&list=all&pageSize=100`);
    expect(all.scope).toEqual({ level: 'school', id: orgs.schoolA });
    expect(all.rule.isDefault).toBe(true);
    expect(all.students).toHaveLength(9);
    for (const s of all.students) expect(s.counted).toBe(expected.get(s.studentId));

    const short = await report('staffA', `period=${TERM}`);
    expect(short.counts).toEqual({ students: 9, met: 2, onTrack: 1, short: 6, over: 0 });
    expect(short.students.map((s) => keyOf(s.studentId)).sort()).toEqual(
      ['a2', 'a3', 'a4', 'a6', 'a7', 'a8'].sort(),
    );
    const shortFromRows = [...expected].filter(([id, n]) => n < 2 && id !== students.a9);
    expect(short.total).toBe(shortFromRows.length);
    // a9 saw one film and is booked into another: on track, not short.
    const a9 = all.students.find((s) => s.studentId === students.a9);
    expect(a9).toMatchObject({ counted: 1, booked: 1, standing: 'on_track', missing: 0 });

    const perClass = await report('staffA', `period=${TERM}&classId=${classes.a1}&list=all`);
    expect(perClass.counts).toEqual({ students: 3, met: 1, onTrack: 0, short: 2, over: 0 });
  });

  it('counts a repeat viewing once, a correction at its latest revision, and nothing after the term', async () => {
    const all = await report('platform', `period=${TERM}&schoolId=${orgs.schoolA}&list=all`);
    const of = (key: string) => all.students.find((s) => s.studentId === students[key]);
    expect(of('a3')?.counted).toBe(1);
    expect(of('a4')?.counted).toBe(1);
    expect(of('a5')).toMatchObject({ counted: 2, standing: 'met' });
    expect(of('a6')?.counted).toBe(1);
  });

  it('changes no count when the same attendance events are delivered again', async () => {
    const before = await report('staffA', `period=${TERM}&list=all`);
    for (const event of sent) {
      await produce(event.type, event.key, event.payload, event);
    }
    await ledgerCaughtUp();
    const after = await report('staffA', `period=${TERM}&list=all`);
    expect(after.counts).toEqual(before.counts);
    expect(after.students).toEqual(before.students);
  });

  it('shows a school its own students only, and a county bureau its schools only', async () => {
    const otherSchool = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&schoolId=${orgs.schoolB}`)
      .set(as('staffA'));
    expect(otherSchool.status).toBe(404);
    expect(otherSchool.body.code).toBe('QUOTA_SCOPE_NOT_FOUND');
    const otherStudent = await http()
      .get(`/quotas/students/${students.b1}/standing?period=${TERM}`)
      .set(as('staffA'));
    expect(otherStudent.status).toBe(404);
    const own = await http()
      .get(`/quotas/students/${students.a1}/standing?period=${TERM}`)
      .set(as('staffA'));
    expect(own.status).toBe(200);
    expect(own.body.standings[0]).toMatchObject({ counted: 2, standing: 'met' });

    const county = await report('countyAdminA', `period=${TERM}`);
    expect(county.scope).toEqual({ level: 'area', id: COUNTY_A });
    expect(county.counts.students).toBe(9);
    for (const s of county.students) expect(s.schoolId).toBe(orgs.schoolA);
    const neighbour = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&areaCode=${COUNTY_B}`)
      .set(as('countyAdminA'));
    expect(neighbour.status).toBe(404);
    const neighbourSchool = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&schoolId=${orgs.schoolB}`)
      .set(as('countyAdminA'));
    expect(neighbourSchool.status).toBe(404);
    const countyB = await report('countyAdminB', `period=${TERM}`);
    expect(countyB.counts.students).toBe(2);

    // The whole city, for the platform admin: both counties.
    const city = await report('platform', `period=${TERM}&areaCode=${CITY}`);
    expect(city.counts.students).toBe(11);

    // Student accounts are not tied to roster students: they see no standing.
    const pupil = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&schoolId=${orgs.schoolA}`)
      .set(as('pupil'));
    expect(pupil.status).toBe(404);
    await http().get(`/quotas/reports/compliance?period=${TERM}`).expect(401);
  });

  it('gives the report as CSV, and the forecast of who will miss the minimum', async () => {
    const csv = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&format=csv`)
      .set(as('staffA'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[1]).toContain(',school,');
    expect(lines[1].endsWith(',9,2,1,6,0')).toBe(true);
    expect(lines.slice(4)).toHaveLength(6);
    expect(lines.slice(4).map((l) => l.split(',')[6])).toEqual(Array(6).fill('short'));

    const forecast = await http().get(`/quotas/reports/forecast?period=${TERM}`).set(as('staffA'));
    expect(forecast.status).toBe(200);
    const a7 = (forecast.body as ComplianceReportView).students.find(
      (s) => s.studentId === students.a7,
    );
    expect(a7).toMatchObject({ counted: 0, booked: 0, missing: 2 });
  });

  it('names every listed student (name, student number, class) in JSON, CSV and the standing, never a national ID', async () => {
    const classOf = (key: string): string => {
      if (key.startsWith('b')) return classNames.b1;
      return classNames[`a${Math.ceil(Number(key.slice(1)) / 3)}`];
    };
    const expectNamed = (s: { studentId: string } & Record<string, unknown>) => {
      const key = keyOf(s.studentId);
      expect({ name: s.name, studentNumber: s.studentNumber, className: s.className }).toEqual({
        name: `学生${key}`,
        studentNumber: studentNumbers[key],
        className: classOf(key),
      });
    };
    const noNationalId = (body: string) => {
      expect(body).not.toMatch(/nationalId/i);
      for (const id of Object.values(nationalIds)) {
        expect(body).not.toContain(id);
        expect(body).not.toContain(id.slice(-4).padStart(18, '*'));
      }
    };
    // The names come with the roster events through a consumer of their own: wait for them.
    const res = await waitFor(
      async () => {
        const r = await http()
          .get(`/quotas/reports/compliance?period=${TERM}&list=all&pageSize=100`)
          .set(as('staffA'));
        const body = r.body as ComplianceReportView;
        return r.status === 200 && body.students.every((s) => s.name) ? r : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300, what: 'the names in the report' },
    );
    const all = res.body as ComplianceReportView;
    expect(all.students).toHaveLength(9);
    for (const s of all.students) expectNamed(s as unknown as { studentId: string });
    noNationalId(res.text);

    // The city, for the platform admin: both schools, named.
    const city = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&areaCode=${CITY}&list=all&pageSize=100`)
      .set(as('platform'))
      .expect(200);
    expect((city.body as ComplianceReportView).students).toHaveLength(11);
    for (const s of (city.body as ComplianceReportView).students) {
      expectNamed(s as unknown as { studentId: string });
    }
    noNationalId(city.text);

    const csv = await http()
      .get(`/quotas/reports/compliance?period=${TERM}&format=csv&list=all&pageSize=100`)
      .set(as('staffA'))
      .expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[3].split(',').slice(0, 3)).toEqual(['studentNumber', 'name', 'className']);
    const csvRows = lines.slice(4).map((l) => l.split(','));
    expect(csvRows).toHaveLength(9);
    for (const row of csvRows) {
      const key = keyOf(row[8]);
      expect(row.slice(0, 3)).toEqual([studentNumbers[key], `学生${key}`, classOf(key)]);
    }
    noNationalId(csv.text);

    const standing = await http()
      .get(`/quotas/students/${students.a4}/standing?period=${TERM}`)
      .set(as('staffA'))
      .expect(200);
    expect(standing.body.standings[0]).toMatchObject({
      studentId: students.a4,
      name: '学生a4',
      studentNumber: studentNumbers.a4,
      className: classNames.a2,
    });
    noNationalId(standing.text);
  });

  it('refuses a bad period with 400 and the code that says why', async () => {
    const format = await http().get('/quotas/reports/compliance?period=T1').set(as('staffA'));
    expect(format.status).toBe(400);
    expect(format.body.code).toBe('VALIDATION_FAILED');
    const wrongKind = await http()
      .get(`/quotas/reports/compliance?period=${YEAR}`)
      .set(as('staffA'));
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.code).toBe('QUOTA_PERIOD_INVALID');
  });

  it('publishes a student-short event per student still short, scheduled near the term end and on demand', async () => {
    const quotas = suite.services[suite.services.length - 1];
    const jobs = quotas.get(QuotaJobs, { strict: false });
    const notices = quotas.get(ShortNoticesService, { strict: false });
    // Five days before the term ends (the default check runs in the last 14). The job and a
    // second check at the same time, as another replica's would be: each student told once.
    clock.now = () => new Date(`${Y + 1}-01-15T04:00:00.000Z`);
    await Promise.all([jobs.runOnce(), notices.scheduledCheck()]);
    const shortOfA = ['a2', 'a3', 'a4', 'a6', 'a7', 'a8'].map((k) => students[k]).sort();
    const payloads = () =>
      recorder
        .where((m) => shortOfA.includes(m.key ?? ''))
        .map((m) => (JSON.parse(m.value ?? '{}') as EventEnvelope<StudentShortPayload>).payload);
    await waitFor(() => payloads().length >= 6, { timeoutMs: 15_000, what: 'scheduled notices' });
    const scheduled = payloads().filter((p) => p.trigger === 'scheduled');
    expect(scheduled.map((p) => p.studentId).sort()).toEqual(shortOfA);
    expect(scheduled[0]).toMatchObject({
      period: TERM,
      minimum: 2,
      periodEndsOn: TERM_ENDS,
      schoolId: orgs.schoolA,
    });
    // Once per term: a second pass tells nobody again.
    await jobs.runOnce();

    // On demand after the scheduled check: every one of them was told for this rule and term.
    const res = await http().post('/quotas/short-notices').set(as('staffA')).send({ period: TERM });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ published: 0, alreadySent: 6 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(payloads().filter((p) => p.trigger === 'on_demand')).toHaveLength(0);
    expect(payloads().filter((p) => p.trigger === 'scheduled')).toHaveLength(6);
    const message = recorder.where((m) => m.key === students.a7)[0];
    expect(message.headers.ce_type).toBe(Topics.events.studentShort);
    expect(message.headers.ce_source).toBe('quotas');

    const elsewhere = await http()
      .post('/quotas/short-notices')
      .set(as('staffB'))
      .send({ period: TERM, schoolId: orgs.schoolA });
    expect(elsewhere.status).toBe(404);
  });

  it('tells a student short on demand once per rule and term: a second request publishes nothing', async () => {
    // School B has no term ending soon, so the scheduled check told none of its students; its
    // county has no term of its own for this year, so both count nothing in it: both short.
    const schoolB = [students.b1, students.b2];
    const notices = () => recorder.where((m) => schoolB.includes(m.key ?? ''));
    const first = await http()
      .post('/quotas/short-notices')
      .set(as('staffB'))
      .send({ period: TERM })
      .expect(202);
    expect(first.body as ShortNoticesView).toMatchObject({
      period: TERM,
      published: 2,
      alreadySent: 0,
    });
    await waitFor(() => notices().length === 2, { timeoutMs: 15_000, what: "school B's notices" });
    const second = await http()
      .post('/quotas/short-notices')
      .set(as('staffB'))
      .send({ period: TERM })
      .expect(202);
    expect(second.body as ShortNoticesView).toMatchObject({ published: 0, alreadySent: 2 });
    // The relay polls every 500 ms: an event written by the second request would be out by now.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(
      notices()
        .map((m) => m.key)
        .sort(),
    ).toEqual([...schoolB].sort());
    const payload = (JSON.parse(notices()[0].value ?? '{}') as EventEnvelope<StudentShortPayload>)
      .payload;
    expect(payload).toMatchObject({ trigger: 'on_demand', period: TERM, schoolId: orgs.schoolB });
    // The whole city for the platform admin: school A's six (told by the scheduled check) and
    // school B's two, all told already.
    const city = await http()
      .post('/quotas/short-notices')
      .set(as('platform'))
      .send({ period: TERM, areaCode: CITY })
      .expect(202);
    expect(city.body).toMatchObject({ published: 0, alreadySent: 8 });
  });

  it('counts study tours and group venue visits under the rules a county bureau sets', async () => {
    const invalid = await http()
      .post('/quotas/rules')
      .set(as('countyAdminA'))
      .send({ name: '无上下限', kind: 'study_tour', period: 'school_year' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('QUOTA_RULE_INVALID');
    const outside = await http().post('/quotas/rules').set(as('countyAdminA')).send({
      name: '研学',
      kind: 'study_tour',
      period: 'school_year',
      minimum: 1,
      areaCode: COUNTY_B,
    });
    expect(outside.status).toBe(404);
    const staff = await http()
      .post('/quotas/rules')
      .set(as('staffA'))
      .send({ name: '研学', kind: 'study_tour', period: 'school_year', minimum: 1 });
    expect(staff.status).toBe(403);

    const tours = await http()
      .post('/quotas/rules')
      .set(as('countyAdminA'))
      .send({ name: `每学年研学 ${run}`, kind: 'study_tour', period: 'school_year', minimum: 1 });
    expect(tours.status).toBe(201);
    expect(tours.body).toMatchObject({ areaCode: COUNTY_A, minimum: 1, maximum: null });
    const visits = await http()
      .post('/quotas/rules')
      .set(as('countyAdminA'))
      .send({
        name: `每学年场馆 ${run}`,
        kind: 'venue_visit',
        period: 'school_year',
        minimum: 1,
        maximum: 1,
      });
    expect(visits.status).toBe(201);

    await produce(StudyToursEventTopics.participationRecorded, students.a1, {
      participationId: randomUUID(),
      revision: 1,
      bookingId: randomUUID(),
      baseOrganisationId: randomUUID(),
      programmeId: randomUUID(),
      studentId: students.a1,
      schoolId: orgs.schoolA,
      classId: classes.a1,
      grade: 3,
      tookPart: true,
      localDate: `${Y}-10-20`,
      recordedAt: new Date().toISOString(),
    });
    for (const venueId of [randomUUID(), randomUUID()]) {
      const bookingId = randomUUID();
      await produce(VenuesEventTopics.visitCheckedIn, bookingId, {
        bookingId,
        kind: 'group',
        status: 'checked_in',
        venueId,
        venueOrganisationId: randomUUID(),
        slotId: randomUUID(),
        slotStartsAt: `${Y}-11-02T01:00:00.000Z`,
        slotEndsAt: `${Y}-11-02T03:00:00.000Z`,
        bookerAccountId: randomUUID(),
        schoolOrganisationId: orgs.schoolA,
        studentIds: [students.a2],
        studentCount: 1,
        teacherCount: 1,
        reason: null,
        occurredAt: new Date().toISOString(),
      });
    }
    await ledgerCaughtUp();

    const tourReport = await report('staffA', `period=${YEAR}&ruleId=${tours.body.id}`);
    expect(tourReport.counts).toMatchObject({ students: 9, met: 1, short: 8 });
    expect(tourReport.students.map((s) => s.studentId)).not.toContain(students.a1);
    const visitReport = await report('staffA', `period=${YEAR}&ruleId=${visits.body.id}`);
    // Two venues for a2: above the maximum of one.
    expect(visitReport.counts).toMatchObject({ students: 9, met: 0, over: 1, short: 8 });

    const standing = await http()
      .get(`/quotas/students/${students.a2}/standing?period=${YEAR}`)
      .set(as('countyAdminA'));
    expect(standing.status).toBe(200);
    const byRule = new Map(
      (standing.body.standings as { ruleId: string; counted: number; standing: string }[]).map(
        (s) => [s.ruleId, s],
      ),
    );
    expect(byRule.get(visits.body.id)).toMatchObject({ counted: 2, standing: 'over' });
    expect(byRule.get(tours.body.id)).toMatchObject({ counted: 0, standing: 'short' });
    // School B is in the other county: the rule does not apply there.
    const schoolB = await report(
      'platform',
      `period=${YEAR}&ruleId=${tours.body.id}&schoolId=${orgs.schoolB}`,
    );
    expect(schoolB.counts.students).toBe(0);
  });

  it('compares the ledger with a screenings digest per student', async () => {
    const rpc = suite.gateway.get(RpcClient);
    const expected = expectedFilms('a');
    const marks = (key: string) =>
      rows.filter(
        (r) =>
          r.student === key &&
          r.present &&
          !rows.some((o) => o.attendanceId === r.attendanceId && o.revision > r.revision),
      ).length;
    const digest = ['a1', 'a2', 'a3', 'a5'].map((key) => ({
      studentId: students[key],
      distinctFilms: key === 'a2' ? 2 : (expected.get(students[key]) ?? 0),
      presentMarks: key === 'a2' ? 2 : marks(key),
    }));
    const result = await rpc.send<ConsistencyReportView>(Topics.quotas.compareDigest, {
      schoolId: orgs.schoolA,
      from: TERM_STARTS,
      to: TERM_ENDS,
      students: digest,
      actor: { accountId: randomUUID(), role: 'platform_admin', organisationId: null },
    });
    expect(result.consistent).toBe(false);
    // a4 (one present mark left after its correction) and a6, a8, a9 are not in this digest.
    expect(result.differences.map((d) => keyOf(d.studentId)).sort()).toEqual(
      ['a2', 'a4', 'a6', 'a9'].sort(),
    );
    const a2 = result.differences.find((d) => d.studentId === students.a2);
    expect(a2).toEqual({
      studentId: students.a2,
      ledger: { distinctFilms: 1, presentMarks: 1 },
      screenings: { distinctFilms: 2, presentMarks: 2 },
    });

    // Through the gateway the digest comes from the screenings service. This test produced
    // its attendance events itself, so screenings holds none of them: every student the
    // ledger counts differs, with nothing on the screenings side.
    const check = await http()
      .post('/quotas/consistency-checks')
      .set(as('platform'))
      .send({ schoolId: orgs.schoolA, from: TERM_STARTS, to: TERM_ENDS })
      .expect(200);
    const report = check.body as ConsistencyReportView;
    expect(report.consistent).toBe(false);
    expect(report.differences.map((d) => keyOf(d.studentId))).toContain('a2');
    for (const difference of report.differences) {
      expect(difference.screenings).toEqual({ distinctFilms: 0, presentMarks: 0 });
      expect(difference.ledger.presentMarks).toBeGreaterThan(0);
    }
  });

  it('rebuilds the ledger from its facts without changing a count (platform admins only)', async () => {
    clock.now = () => new Date(`${Y}-12-20T04:00:00.000Z`);
    const before = await report(
      'platform',
      `period=${TERM}&areaCode=${CITY}&list=all&pageSize=100`,
    );
    const denied = await http().post('/quotas/ledger/rebuild').set(as('staffA'));
    expect(denied.status).toBe(403);
    const rebuilt = await http().post('/quotas/ledger/rebuild').set(as('platform'));
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.facts).toBeGreaterThanOrEqual(sent.length);
    const after = await report('platform', `period=${TERM}&areaCode=${CITY}&list=all&pageSize=100`);
    expect(after.counts).toEqual(before.counts);
    expect(after.students.map((s) => [s.studentId, s.counted])).toEqual(
      before.students.map((s) => [s.studentId, s.counted]),
    );
  });

  it("shows a linked student account its own standing and no one else's", async () => {
    const login = await http()
      .post('/auth/login')
      .send({ email: 'student@studentpass.local', password: 'Demo-Admin-2026!' });
    expect(login.status).toBe(200);
    const student = { authorization: `Bearer ${login.body.accessToken}` };
    const me = await http().get('/me').set(student).expect(200);
    const rosterId = me.body.studentId as string;
    expect(rosterId).toEqual(expect.any(String));
    const own = await waitFor(
      async () => {
        const res = await http().get('/quotas/me/standing?period=2026-2027-T1').set(student);
        return res.status === 200 ? res : undefined;
      },
      { timeoutMs: 30_000, what: "the demo student's standing" },
    );
    expect(own.body.studentId).toBe(rosterId);
    expect(own.body.standings.length).toBeGreaterThan(0);
    await http()
      .get(`/quotas/students/${rosterId}/standing?period=2026-2027-T1`)
      .set(student)
      .expect(200);
    const other = await http()
      .get(`/quotas/students/${randomUUID()}/standing?period=2026-2027-T1`)
      .set(student)
      .expect(404);
    expect(other.body.code).toBe('QUOTA_STUDENT_NOT_FOUND');
    const staff = await http()
      .get('/quotas/me/standing?period=2026-2027-T1')
      .set(as('platform'))
      .expect(404);
    expect(staff.body.code).toBe('QUOTA_STUDENT_NOT_FOUND');
  });

  it('stops counting a booking as planned once the student is marked absent, the same day', async () => {
    // Today is the screening's day: a7 (no film yet) is booked into S6, then marked absent.
    clock.now = () => new Date(`${Y}-12-20T04:00:00.000Z`);
    const standingOfA7 = async () => {
      const res = await http()
        .get(`/quotas/students/${students.a7}/standing?period=${TERM}`)
        .set(as('staffA'))
        .expect(200);
      return (res.body.standings as { ruleId: string }[]).find((s) => s.ruleId === defaultRule);
    };
    const defaultRule = (await report('staffA', `period=${TERM}`)).rule.id;
    await produce(ScreeningsEventTopics.screeningBooked, screenings.S6.id, {
      bookingId: randomUUID(),
      screeningId: screenings.S6.id,
      filmId: screenings.S6.film,
      schoolId: orgs.schoolA,
      classId: classes.a3,
      studentIds: [students.a7],
      startsAt: `${screenings.S6.date}T02:00:00.000Z`,
      localDate: screenings.S6.date,
    });
    await ledgerCaughtUp();
    expect(await standingOfA7()).toMatchObject({
      counted: 0,
      booked: 1,
      standing: 'short',
      missing: 1,
    });

    await attend('S6', 'a7', false);
    await ledgerCaughtUp();
    expect(await standingOfA7()).toMatchObject({
      counted: 0,
      booked: 0,
      standing: 'short',
      missing: 2,
    });
    const forecast = await http().get(`/quotas/reports/forecast?period=${TERM}`).set(as('staffA'));
    const a7 = (forecast.body as ComplianceReportView).students.find(
      (s) => s.studentId === students.a7,
    );
    expect(a7).toMatchObject({ counted: 0, booked: 0, missing: 2 });
  });
});
