import { randomUUID } from 'node:crypto';
import { schoolYearOfDate } from '@app/contracts';
import { waitFor } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { DEMO, startSuite, type Suite, findOrganisation } from '../harness.js';

/**
 * Study-tour bookings a safety officer would sign (issue 21) and the principal of issue 12,
 * through the gateway, real Kafka and MySQL: one test base in Jinan (370190) designated by
 * the province, one test school in 370190 with a grade-8 class of 60 (roster import), its
 * staff accounts (a booking teacher, two more teachers, a principal), and a quota rule for
 * study tours in 370190 only, so no other suite's students are touched.
 */
const PASSWORD = 'Safety-Test-2026';
const AREA = '370190';
const today = (): string => shanghaiDateOf(new Date());

interface Account {
  id: string;
  token: string;
}

describe('study-tour bookings a safety officer would sign (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  const tokens: Record<string, string> = {};
  const accounts: Record<string, Account> = {};
  const ids: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${accounts[who]?.token ?? tokens[who]}` });
  let students: string[] = [];
  /** Each test books its own days, so no test's students meet another's. */
  const day = (n: number): string => addDays(today(), 20 + n);

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  async function account(email: string, role: string, organisationId: string): Promise<Account> {
    const res = await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({ email, password: PASSWORD, displayName: email.split('@')[0], role, organisationId });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, token: await login(email, PASSWORD) };
  }

  async function organisation(body: Record<string, unknown>): Promise<string> {
    const res = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send(body)
      .expect(201);
    return res.body.id as string;
  }

  async function programme(body: Record<string, unknown>): Promise<string> {
    const res = await suite
      .http()
      .post('/study-tours/programmes')
      .set(as('base'))
      .send({
        theme: '安全研学',
        description: '测试',
        grades: [8],
        duration: 'full_day',
        groupMin: 1,
        groupMax: 30,
        dailyCapacity: 60,
        priceFen: 0,
        mealOptions: ['none'],
        transportOptions: ['self_arranged'],
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const teacher = (i: number) => ({
    name: `带队老师${i}`,
    phone: `1391111${String(i).padStart(4, '0')}`,
  });

  /** A booking body that passes every check: insurance over the visit, consents dated today. */
  const booking = (
    programmeId: string,
    studentIds: string[],
    date: string,
    teachers: { name: string; phone: string; accountId?: string }[] = [teacher(1)],
  ) => ({
    programmeId,
    date,
    studentIds,
    teachers,
    personInCharge: { name: '安全主任', phone: '0531-88000001' },
    insurance: {
      insurer: '中国人民财产保险',
      policyNumber: 'PICC-SAFE-1',
      coveredStudentIds: studentIds,
      validFrom: today(),
      validUntil: addDays(date, 5),
    },
    safetyPlan: { name: '安全预案.pdf', contentType: 'application/pdf', sizeBytes: 2048 },
    consents: studentIds.map((studentId) => ({
      studentId,
      guardianName: '家长',
      recordedOn: today(),
    })),
    mealOption: 'none',
    transportOption: 'self_arranged',
  });

  /** Drafts a booking as `who`; the roster may still be on its way to study-tours. */
  async function draft(body: Record<string, unknown>, who = 'booker'): Promise<string> {
    return waitFor(
      async () => {
        const res = await suite.http().post('/study-tours/bookings').set(as(who)).send(body);
        if (res.status === 400 && res.body.code === 'STUDENTS_NOT_ON_ROSTER') return undefined;
        expect(res.status).toBe(201);
        return res.body.id as string;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the roster to reach study-tours' },
    );
  }

  const submit = (id: string, who = 'booker') =>
    suite.http().post(`/study-tours/bookings/${id}/submit`).set(as(who));

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.province = await login('province.admin@studentpass.local', DEMO.password);
    tokens.otherSchool = await login('teacher@studentpass.local', DEMO.password);
    const city = (
      await findOrganisation(
        suite,
        tokens.platform,
        'kind=bureau',
        (o) => o.regionCode === '370100',
      )
    ).id;
    const tag = randomUUID().slice(0, 8);
    ids.base = await organisation({
      kind: 'venue',
      name: `安全研学基地 ${tag}`,
      parentId: city,
      regionCode: AREA,
      operator: '测试',
    });
    ids.school = await organisation({
      kind: 'school',
      name: `安全研学中学 ${tag}`,
      parentId: city,
      regionCode: AREA,
      stage: 'nine_year',
    });
    accounts.base = await account(`safe-base-${tag}@test.local`, 'venue_staff', ids.base);
    for (const who of ['booker', 'teacherB', 'teacherC', 'principal'])
      accounts[who] = await account(`safe-${who}-${tag}@test.local`, 'school_staff', ids.school);

    const schoolYear = schoolYearOfDate(today());
    const klass = await suite
      .http()
      .post('/roster/classes')
      .set(as('booker'))
      .send({ schoolId: ids.school, schoolYear, grade: 8, name: '八年级2班' });
    expect(klass.status).toBe(201);
    const rows = Array.from(
      { length: 60 },
      (_, i) => `S${tag}${String(i).padStart(3, '0')},学生${i},male,2012-05-01,8,八年级2班,`,
    );
    const started = await suite
      .http()
      .post(`/roster/imports?schoolId=${ids.school}&schoolYear=${schoolYear}`)
      .set(as('booker'))
      .set('content-type', 'text/csv')
      .send(
        Buffer.from(
          `student_number,name,gender,date_of_birth,grade,class_name,national_id\n${rows.join('\n')}\n`,
        ),
      );
    expect(started.status).toBe(202);
    await waitFor(
      async () => {
        const job = await suite
          .http()
          .get(`/roster/imports/${started.body.id as string}`)
          .set(as('booker'))
          .expect(200);
        return job.body.status === 'done' ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 300, what: 'the roster import' },
    );
    const list = await suite
      .http()
      .get(`/roster/students?classId=${klass.body.id as string}&pageSize=100`)
      .set(as('booker'))
      .expect(200);
    students = (list.body.items as { id: string }[]).map((s) => s.id);
    expect(students).toHaveLength(60);

    // The base reaches study-tours through the directory's events: designate once it is known.
    const designation = await waitFor(
      async () => {
        const res = await suite
          .http()
          .post('/study-tours/designations')
          .set(as('province'))
          .send({
            organisationId: ids.base,
            validFrom: addDays(today(), -1),
            validUntil: addDays(today(), 365),
            checklist: {
              safetyAssessment: { passed: true },
              facilities: { passed: true },
              emergencyPlan: { passed: true },
              insuranceCover: { passed: true },
              staffQualifications: { passed: true },
            },
            documents: [],
          });
        if (res.status === 404) return undefined;
        expect(res.status).toBe(201);
        return res.body.id as string;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the test base to reach study-tours' },
    );
    ids.designation = designation;
    ids.ratio3 = await programme({ title: '一师三生研学', studentsPerTeacher: 3 });
    ids.tourA = await programme({ title: '泰山地质研学' });
    ids.tourB = await programme({ title: '齐长城研学' });
    ids.small = await programme({ title: '小团研学', groupMax: 9, dailyCapacity: 9 });
    ids.multi = await programme({ title: '三日研学营', duration: 'multi_day', days: 3 });
    // Wait for the roster to reach study-tours (a draft holds nothing).
    await draft(booking(ids.tourA, [students[0]], day(30)));
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('counts teachers as people: a teacher listed twice is refused, teacher accounts must be staff of the school', async () => {
    const six = students.slice(0, 6);
    const twice = await suite
      .http()
      .post('/study-tours/bookings')
      .set(as('booker'))
      .send(booking(ids.ratio3, six, day(0), [teacher(1), { ...teacher(1), name: '带队老师 1' }]));
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({
      code: 'TEACHERS_LISTED_TWICE',
      details: { duplicates: [{ positions: [0, 1] }] },
    });
    const sameAccount = await suite
      .http()
      .post('/study-tours/bookings')
      .set(as('booker'))
      .send(
        booking(ids.ratio3, six, day(0), [
          { ...teacher(1), accountId: accounts.teacherB.id },
          { ...teacher(2), accountId: accounts.teacherB.id },
        ]),
      );
    expect(sameAccount.status).toBe(400);
    expect(sameAccount.body.code).toBe('TEACHERS_LISTED_TWICE');

    for (const stranger of [accounts.base.id, randomUUID()]) {
      const res = await suite
        .http()
        .post('/study-tours/bookings')
        .set(as('booker'))
        .send(
          booking(ids.ratio3, six, day(0), [{ ...teacher(1), accountId: stranger }, teacher(2)]),
        );
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'TEACHER_NOT_SCHOOL_STAFF',
        details: { accountIds: [stranger] },
      });
    }

    // Two different staff accounts of the school cover six students at one teacher per three.
    const id = await waitFor(
      async () => {
        const res = await suite
          .http()
          .post('/study-tours/bookings')
          .set(as('booker'))
          .send(
            booking(ids.ratio3, six, day(0), [
              { ...teacher(1), accountId: accounts.teacherB.id },
              { ...teacher(2), accountId: accounts.teacherC.id },
            ]),
          );
        // The accounts reach study-tours through the directory's events.
        if (res.status === 400 && res.body.code === 'TEACHER_NOT_SCHOOL_STAFF') return undefined;
        if (res.status === 400 && res.body.code === 'STUDENTS_NOT_ON_ROSTER') return undefined;
        expect(res.status).toBe(201);
        return res.body.id as string;
      },
      { timeoutMs: 60_000, intervalMs: 300, what: 'the staff accounts to reach study-tours' },
    );
    const submitted = await submit(id);
    expect(submitted.status).toBe(200);
    expect(submitted.body.teachers.map((t: { accountId: string }) => t.accountId)).toEqual([
      accounts.teacherB.id,
      accounts.teacherC.id,
    ]);
  });

  it('refuses a parental consent dated after the request or the visit and insurance that does not cover the visit, saying what to fix', async () => {
    const four = students.slice(6, 10);
    const visit = day(1);
    const body = booking(ids.tourA, four, visit);
    const afterVisit = await draft({
      ...body,
      consents: body.consents.map((c, i) =>
        i === 0 ? { ...c, recordedOn: addDays(visit, 1) } : c,
      ),
    });
    const late = await submit(afterVisit);
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      code: 'PARENTAL_CONSENT_DATE_INVALID',
      details: { studentIds: [four[0]], latestAllowed: today() },
    });
    expect(late.body.details.fix).toContain(today());

    const tomorrow = await draft({
      ...body,
      consents: body.consents.map((c, i) =>
        i === 1 ? { ...c, recordedOn: addDays(today(), 1) } : c,
      ),
    });
    const future = await submit(tomorrow);
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({
      code: 'PARENTAL_CONSENT_DATE_INVALID',
      details: { studentIds: [four[1]] },
    });

    const lapsed = await draft({
      ...body,
      insurance: { ...body.insurance, validUntil: addDays(visit, -1) },
    });
    const uncovered = await submit(lapsed);
    expect(uncovered.status).toBe(400);
    expect(uncovered.body).toMatchObject({
      code: 'INSURANCE_PERIOD_INVALID',
      details: { date: visit, insurancePeriod: { validUntil: addDays(visit, -1) } },
    });
    const checks = await suite
      .http()
      .get(`/study-tours/bookings/${lapsed}/checks`)
      .set(as('booker'))
      .expect(200);
    expect(
      (checks.body as { code: string; passed: boolean }[])
        .filter((c) => !c.passed)
        .map((c) => c.code),
    ).toEqual(['INSURANCE_PERIOD_INVALID']);

    await suite
      .http()
      .put(`/study-tours/bookings/${lapsed}`)
      .set(as('booker'))
      .send(body)
      .expect(200);
    expect((await submit(lapsed)).status).toBe(200);
  });

  it('books the same students into two tours of one day at once: exactly one succeeds, the other names the students and the booking', async () => {
    for (let round = 0; round < 3; round++) {
      const three = students.slice(10 + round * 3, 13 + round * 3);
      const visit = day(2 + round);
      const first = await draft(booking(ids.tourA, three, visit));
      const second = await draft(booking(ids.tourB, three, visit));
      const results = await Promise.all([submit(first), submit(second)]);
      const ok = results.filter((r) => r.status === 200);
      const refused = results.filter((r) => r.status === 409);
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0].body).toMatchObject({
        code: 'STUDENTS_ALREADY_BOOKED',
        details: { studentIds: [...three].sort(), bookingId: ok[0].body.id, dates: [visit] },
      });
    }
    // A three-day camp starting the day before overlaps the first round's day.
    const three = students.slice(10, 13);
    const camp = await draft(booking(ids.multi, [three[0], students[40]], addDays(day(2), -1)));
    const overlap = await submit(camp);
    expect(overlap.status).toBe(409);
    expect(overlap.body).toMatchObject({
      code: 'STUDENTS_ALREADY_BOOKED',
      details: { studentIds: [three[0]], dates: [day(2)] },
    });
    // The bureau's list of the day holds each student once.
    const day2 = await suite
      .http()
      .get(`/study-tours/bookings?from=${day(2)}&to=${day(2)}&pageSize=100`)
      .set(as('booker'))
      .expect(200);
    const held = (day2.body.items as { status: string; studentIds: string[] }[])
      .filter((b) => b.status === 'submitted')
      .flatMap((b) => b.studentIds);
    expect(held.filter((s) => three.includes(s))).toHaveLength(3);

    // Cancelling the booking that holds them gives the students back.
    const holder = (day2.body.items as { id: string; status: string; studentIds: string[] }[]).find(
      (b) => b.status === 'submitted' && b.studentIds.includes(three[0]),
    )!;
    await suite
      .http()
      .post(`/study-tours/bookings/${holder.id}/cancel`)
      .set(as('booker'))
      .send({ reason: '改期' })
      .expect(200);
    expect((await submit(camp)).status).toBe(200);
  });

  it('every concurrent DAY_FULL refusal states the places left when it was refused', async () => {
    const drafts: string[] = [];
    for (let i = 0; i < 10; i++)
      drafts.push(await draft(booking(ids.small, students.slice(20 + i * 3, 23 + i * 3), day(6))));
    const results = await Promise.all(drafts.map((id) => submit(id)));
    const ok = results.filter((r) => r.status === 200);
    const full = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(3);
    expect(full).toHaveLength(7);
    for (const r of full) {
      expect(r.body).toMatchObject({ code: 'DAY_FULL', details: { placesLeft: 0, asked: 3 } });
      expect(r.body.message).toBe(`No places are left on ${day(6)} for this programme; 3 asked`);
    }
  });

  it('a principal is an existing staff account of the same school, and never approves her own booking', async () => {
    const settings = (body: Record<string, unknown>) =>
      suite.http().put(`/study-tours/schools/${ids.school}/settings`).set(as('booker')).send(body);
    /** A valid principal, once the directory's account event reached study-tours. */
    const name = (principalAccountId: string) =>
      waitFor(
        async () => {
          const res = await settings({ approvalRequired: true, principalAccountId });
          if (res.status === 400 && res.body.code === 'PRINCIPAL_NOT_SCHOOL_STAFF')
            return undefined;
          expect(res.status).toBe(200);
          return res.body as { principalAccountId: string };
        },
        { timeoutMs: 60_000, intervalMs: 300, what: 'the principal account to reach study-tours' },
      );
    try {
      const otherSchool = await suite.http().get('/me').set(as('otherSchool')).expect(200);
      for (const principalAccountId of [
        accounts.base.id,
        randomUUID(),
        (otherSchool.body as { id: string }).id,
      ]) {
        const res = await settings({ approvalRequired: true, principalAccountId });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'PRINCIPAL_NOT_SCHOOL_STAFF',
          details: { principalAccountId },
        });
      }
      const unchanged = await suite
        .http()
        .get(`/study-tours/schools/${ids.school}/settings`)
        .set(as('booker'))
        .expect(200);
      expect(unchanged.body.principalAccountId).not.toBe(accounts.base.id);

      // The booking teacher names herself: she still cannot approve what she drafted.
      expect(await name(accounts.booker.id)).toMatchObject({
        principalAccountId: accounts.booker.id,
      });
      const mine = await draft(booking(ids.tourA, students.slice(50, 53), day(7)));
      const awaiting = await submit(mine);
      expect(awaiting.status).toBe(200);
      expect(awaiting.body.status).toBe('awaiting_approval');
      const self = await suite
        .http()
        .post(`/study-tours/bookings/${mine}/approve`)
        .set(as('booker'));
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('SELF_APPROVAL_FORBIDDEN');
      const still = await suite
        .http()
        .get(`/study-tours/bookings/${mine}`)
        .set(as('booker'))
        .expect(200);
      expect(still.body).toMatchObject({ status: 'awaiting_approval', approvedBy: null });

      await name(accounts.principal.id);
      const approved = await suite
        .http()
        .post(`/study-tours/bookings/${mine}/approve`)
        .set(as('principal'));
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        status: 'submitted',
        approvedBy: accounts.principal.id,
      });
    } finally {
      await settings({ approvalRequired: false, principalAccountId: null });
    }
  });

  it('quotas count a confirmed study tour as planned and participation as done; a cancellation takes the plan back', async () => {
    const rule = await suite
      .http()
      .post('/quotas/rules')
      .set(as('platform'))
      .send({
        name: `研学安全 ${randomUUID().slice(0, 6)}`,
        kind: 'study_tour',
        period: 'school_year',
        minimum: 1,
        areaCode: AREA,
      });
    expect(rule.status).toBe(201);
    const ruleId = rule.body.id as string;
    const visit = day(8);
    const period = schoolYearOfDate(visit);
    const [planned, absent, cancelledOne] = [students[54], students[55], students[56]];
    const standingOf = async (studentId: string) => {
      const res = await suite
        .http()
        .get(`/quotas/students/${studentId}/standing?period=${period}`)
        .set(as('booker'));
      if (res.status !== 200) return undefined;
      return (
        res.body.standings as {
          ruleId: string;
          counted: number;
          booked: number;
          standing: string;
        }[]
      ).find((s) => s.ruleId === ruleId);
    };
    const until = (studentId: string, expected: Record<string, unknown>, what: string) =>
      waitFor(
        async () => {
          const s = await standingOf(studentId);
          return s && Object.entries(expected).every(([k, v]) => s[k as keyof typeof s] === v)
            ? s
            : undefined;
        },
        { timeoutMs: 45_000, intervalMs: 500, what },
      );

    const kept = await draft(booking(ids.tourA, [planned, absent], visit));
    await submit(kept).expect(200);
    await until(planned, { standing: 'short', booked: 0 }, 'the student short before confirmation');
    await suite.http().post(`/study-tours/bookings/${kept}/confirm`).set(as('base')).expect(200);
    const onTrack = await until(
      planned,
      { standing: 'on_track', booked: 1, counted: 0 },
      'a confirmed tour counted as planned',
    );
    expect(onTrack).toMatchObject({ missing: 0 });

    const dropped = await draft(booking(ids.tourB, [cancelledOne], addDays(visit, 1)));
    await submit(dropped).expect(200);
    await suite.http().post(`/study-tours/bookings/${dropped}/confirm`).set(as('base')).expect(200);
    await until(cancelledOne, { standing: 'on_track', booked: 1 }, 'the second tour planned');
    await suite
      .http()
      .post(`/study-tours/bookings/${dropped}/cancel`)
      .set(as('base'))
      .send({ reason: '大风预警' })
      .expect(200);
    await until(
      cancelledOne,
      { standing: 'short', booked: 0 },
      'the cancelled tour no longer planned',
    );

    // The forecast lists who will miss the minimum: not the students with a confirmed tour.
    const forecast = await suite
      .http()
      .get(
        `/quotas/reports/forecast?period=${period}&ruleId=${ruleId}&schoolId=${ids.school}&pageSize=100`,
      )
      .set(as('booker'))
      .expect(200);
    const short = (forecast.body.students as { studentId: string }[]).map((s) => s.studentId);
    expect(short).toContain(cancelledOne);
    expect(short).not.toContain(planned);
    expect(short).not.toContain(absent);

    // On the day, participation is recorded: done, no longer merely planned.
    const clock = suite.clockOf('study-tours');
    const realNow = clock.now.bind(clock);
    clock.now = () => new Date(Date.parse(`${visit}T02:00:00Z`));
    try {
      await suite
        .http()
        .post(`/study-tours/bookings/${kept}/participation`)
        .set(as('base'))
        .send({
          marks: [
            { studentId: planned, tookPart: true },
            { studentId: absent, tookPart: false },
          ],
        })
        .expect(200);
    } finally {
      clock.now = realNow;
    }
    await until(
      planned,
      { standing: 'met', counted: 1, booked: 0 },
      'participation counted as done',
    );
    // Marked absent: nothing counted.
    expect(await standingOf(absent)).toMatchObject({ counted: 0 });
  }, 180_000);

  it('confirming a booking submitted before a suspension says the booking is submitted and the designation suspended', async () => {
    const pending = await draft(booking(ids.tourA, students.slice(57, 60), day(9)));
    await submit(pending).expect(200);
    await suite
      .http()
      .post(`/study-tours/designations/${ids.designation}/suspend`)
      .set(as('province'))
      .send({ reason: '安全整改' })
      .expect(200);
    try {
      const refused = await suite
        .http()
        .post(`/study-tours/bookings/${pending}/confirm`)
        .set(as('base'));
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'BASE_NOT_DESIGNATED',
        details: { bookingStatus: 'submitted', designation: 'suspended', holdsPlaces: true },
      });
      expect(refused.body.message).toContain('submitted');
      expect(refused.body.message).toContain('suspended');
      expect(refused.body.message).not.toContain('new programmes or bookings');
    } finally {
      await suite
        .http()
        .post(`/study-tours/designations/${ids.designation}/reinstate`)
        .set(as('province'))
        .send({ reason: '整改完成' })
        .expect(200);
    }
    await suite.http().post(`/study-tours/bookings/${pending}/confirm`).set(as('base')).expect(200);
  });
});
