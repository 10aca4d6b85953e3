import { randomUUID } from 'node:crypto';
import {
  Topics,
  type EventEnvelope,
  type ParticipationRecordedPayload,
  schoolYearOfDate,
} from '@app/contracts';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite, findOrganisation } from '../harness.js';

/**
 * Study tours through the gateway, real Kafka and MySQL: two test venues in Jinan (370190)
 * designated by the province bureau, a test school under Lixia with a grade-8 class of 50 and
 * a grade-4 class of 20 (imported through /roster; the study-tours service learns them from
 * the roster events), and the service's Clock moved to the day of the visit for participation.
 */
const PASSWORD = 'Tours-Test-2026';
const today = (): string => shanghaiDateOf(new Date());

const teachers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `老师${i + 1}`,
    phone: `1380000${String(i).padStart(4, '0')}`,
  }));

describe('study tours: bases, programmes, checked bookings, capacity, participation (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const ids: Record<string, string> = {};
  let grade8: string[] = [];
  let grade4: string[] = [];
  const visitDay = addDays(today(), 10);
  const busyDay = addDays(today(), 11);

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  async function account(email: string, role: string, organisationId: string): Promise<string> {
    const res = await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({ email, password: PASSWORD, displayName: email.split('@')[0], role, organisationId });
    expect(res.status).toBe(201);
    return login(email, PASSWORD);
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

  /** A complete booking body: insurance, safety plan and consent for every student. */
  const booking = (studentIds: string[], teacherCount: number, date = visitDay) => ({
    programmeId: ids.programme,
    date,
    studentIds,
    teachers: teachers(teacherCount),
    personInCharge: { name: '李主任', phone: '0531-88000000' },
    insurance: {
      insurer: '中国人民财产保险',
      policyNumber: 'PICC-T-1',
      coveredStudentIds: studentIds,
      validFrom: today(),
      validUntil: addDays(date, 1),
    },
    safetyPlan: { name: '安全预案.pdf', contentType: 'application/pdf', sizeBytes: 2048 },
    consents: studentIds.map((studentId) => ({
      studentId,
      guardianName: '家长',
      recordedOn: today(),
    })),
    mealOption: 'packed_lunch',
    transportOption: 'self_arranged',
  });

  /** Drafts a booking; the roster events may still be on their way, so it retries until known. */
  async function draft(body: Record<string, unknown>, who = 'school'): Promise<string> {
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

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-study-tours'), [
      Topics.events.participationRecorded,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.province = await login('province.admin@studentpass.local', DEMO.password);
    tokens.lixia = await login('lixia.admin@studentpass.local', DEMO.password);
    tokens.museum = await login('museum@studentpass.local', DEMO.password);
    tokens.demoTeacher = await login('teacher@studentpass.local', DEMO.password);

    const bureau = async (code: string) =>
      (await findOrganisation(suite, tokens.platform, 'kind=bureau', (o) => o.regionCode === code))
        .id;
    const tag = randomUUID().slice(0, 8);
    ids.baseX = await organisation({
      kind: 'venue',
      name: `研学基地X ${tag}`,
      parentId: await bureau('370100'),
      regionCode: '370190',
      operator: '测试',
    });
    ids.baseY = await organisation({
      kind: 'venue',
      name: `研学基地Y ${tag}`,
      parentId: await bureau('370100'),
      regionCode: '370190',
      operator: '测试',
    });
    ids.school = await organisation({
      kind: 'school',
      name: `研学测试中学 ${tag}`,
      parentId: await bureau('370102'),
      regionCode: '370102',
      stage: 'nine_year',
    });
    tokens.baseX = await account(`base-x-${tag}@test.local`, 'venue_staff', ids.baseX);
    tokens.baseY = await account(`base-y-${tag}@test.local`, 'venue_staff', ids.baseY);
    tokens.school = await account(`school-${tag}@test.local`, 'school_staff', ids.school);

    const schoolYear = schoolYearOfDate(today());
    for (const [grade, name] of [
      [8, '八年级1班'],
      [4, '四年级1班'],
    ] as const) {
      const res = await suite
        .http()
        .post('/roster/classes')
        .set(as('school'))
        .send({ schoolId: ids.school, schoolYear, grade, name });
      expect(res.status).toBe(201);
      ids[`class${grade}`] = res.body.id as string;
    }
    const rows = [
      ...Array.from(
        { length: 50 },
        (_, i) => `T${tag}8${String(i).padStart(3, '0')},学生八${i},male,2012-05-01,8,八年级1班,`,
      ),
      ...Array.from(
        { length: 20 },
        (_, i) => `T${tag}4${String(i).padStart(3, '0')},学生四${i},female,2016-05-01,4,四年级1班,`,
      ),
    ];
    const csv = Buffer.from(
      `student_number,name,gender,date_of_birth,grade,class_name,national_id\n${rows.join('\n')}\n`,
    );
    const started = await suite
      .http()
      .post(`/roster/imports?schoolId=${ids.school}&schoolYear=${schoolYear}`)
      .set(as('school'))
      .set('content-type', 'text/csv')
      .send(csv);
    expect(started.status).toBe(202);
    await waitFor(
      async () => {
        const job = await suite
          .http()
          .get(`/roster/imports/${started.body.id as string}`)
          .set(as('school'))
          .expect(200);
        return job.body.status === 'done' ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 300, what: 'the roster import' },
    );
    const studentsOf = async (classId: string) => {
      const res = await suite
        .http()
        .get(`/roster/students?classId=${classId}&pageSize=100`)
        .set(as('school'))
        .expect(200);
      return (res.body.items as { id: string }[]).map((s) => s.id);
    };
    grade8 = await studentsOf(ids.class8);
    grade4 = await studentsOf(ids.class4);
    expect(grade8).toHaveLength(50);
    expect(grade4).toHaveLength(20);
  }, 180_000);

  afterAll(async () => {
    await recorder?.stop();
    await suite?.close();
  });

  it('a bureau designates venues of its area at its own level; outside its area the venue does not exist for it', async () => {
    const body = (organisationId: string) => ({
      organisationId,
      validFrom: addDays(today(), -1),
      validUntil: addDays(today(), 365),
      checklist: {
        safetyAssessment: { passed: true },
        facilities: { passed: true },
        emergencyPlan: { passed: true, note: '已演练' },
        insuranceCover: { passed: true },
        staffQualifications: { passed: true },
      },
      documents: [
        {
          kind: 'safetyAssessment',
          name: '评估.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1000,
        },
      ],
    });
    // The new venues reach study-tours through the directory's events: wait until it knows them.
    await waitFor(
      async () => {
        for (const base of [ids.baseX, ids.baseY]) {
          const res = await suite
            .http()
            .post('/study-tours/designations')
            .set(as('province'))
            .send({ ...body(base), validUntil: addDays(today(), -2) });
          if (res.body.code !== 'DESIGNATION_PERIOD_INVALID') return undefined;
        }
        return true;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the test venues to reach study-tours' },
    );
    const notPassed = await suite
      .http()
      .post('/study-tours/designations')
      .set(as('province'))
      .send({
        ...body(ids.baseX),
        checklist: { ...body(ids.baseX).checklist, facilities: { passed: false } },
      });
    expect(notPassed.status).toBe(400);
    expect(notPassed.body).toMatchObject({
      code: 'DESIGNATION_CHECKLIST_INCOMPLETE',
      details: { failedItems: ['facilities'] },
    });

    const outside = await suite
      .http()
      .post('/study-tours/designations')
      .set(as('lixia'))
      .send(body(ids.baseX));
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('STUDY_TOUR_BASE_NOT_FOUND');

    const wrongLevel = await suite
      .http()
      .post('/study-tours/designations')
      .set(as('province'))
      .send({ ...body(ids.baseX), level: 'national' });
    expect(wrongLevel.status).toBe(403);
    expect(wrongLevel.body.code).toBe('DESIGNATION_LEVEL_NOT_ALLOWED');

    for (const base of ['X', 'Y']) {
      const res = await suite
        .http()
        .post('/study-tours/designations')
        .set(as('province'))
        .send(body(ids[`base${base}`]));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ level: 'provincial', status: 'active', inForce: true });
      ids[`designation${base}`] = res.body.id as string;
    }
    const again = await suite
      .http()
      .post('/study-tours/designations')
      .set(as('province'))
      .send(body(ids.baseX));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DESIGNATION_EXISTS');
  });

  it('a bureau lists its designations and reads one with its checklist; it keeps its own default teacher ratio', async () => {
    const listed = await suite
      .http()
      .get(`/study-tours/designations?organisationId=${ids.baseX}`)
      .set(as('province'))
      .expect(200);
    expect((listed.body.items as { id: string }[]).map((d) => d.id)).toEqual([ids.designationX]);
    const one = await suite
      .http()
      .get(`/study-tours/designations/${ids.designationX}`)
      .set(as('province'))
      .expect(200);
    expect(one.body).toMatchObject({
      organisationId: ids.baseX,
      level: 'provincial',
      checklist: { emergencyPlan: { passed: true, note: '已演练' } },
      documents: [{ kind: 'safetyAssessment', name: '评估.pdf' }],
    });
    const otherBase = await suite
      .http()
      .get(`/study-tours/designations/${ids.designationX}`)
      .set(as('baseY'));
    expect(otherBase.status).toBe(404);
    expect(otherBase.body.code).toBe('DESIGNATION_NOT_FOUND');

    const province = (
      await findOrganisation(
        suite,
        tokens.platform,
        'kind=bureau',
        (o) => o.regionCode === '370000',
      )
    ).id;
    // The default itself (15), so that the checks of the other tests do not change.
    const set = await suite
      .http()
      .put(`/study-tours/bureaus/${province}/settings`)
      .set(as('province'))
      .send({ studentsPerTeacher: 15 })
      .expect(200);
    expect(set.body).toEqual({ bureauId: province, studentsPerTeacher: 15, isSet: true });
    const read = await suite
      .http()
      .get(`/study-tours/bureaus/${province}/settings`)
      .set(as('province'))
      .expect(200);
    expect(read.body).toEqual(set.body);
    const county = await suite
      .http()
      .get(`/study-tours/bureaus/${province}/settings`)
      .set(as('lixia'));
    expect(county.status).toBe(404);
    expect(county.body.code).toBe('STUDY_TOUR_BUREAU_NOT_FOUND');
  });

  it('a base publishes a programme; more teachers than the default is allowed, fewer is refused', async () => {
    const programme = {
      title: '黄河文化研学',
      theme: '历史文化',
      description: '黄河文化与非遗体验',
      grades: [7, 8, 9],
      duration: 'full_day',
      groupMin: 10,
      groupMax: 60,
      dailyCapacity: 120,
      priceFen: 0,
      mealOptions: ['none', 'packed_lunch'],
      transportOptions: ['self_arranged'],
    };
    const lax = await suite
      .http()
      .post('/study-tours/programmes')
      .set(as('baseX'))
      .send({ ...programme, studentsPerTeacher: 20 });
    expect(lax.status).toBe(400);
    expect(lax.body).toMatchObject({
      code: 'TEACHER_RATIO_BELOW_DEFAULT',
      details: { defaultStudentsPerTeacher: 15 },
    });
    const res = await suite
      .http()
      .post('/study-tours/programmes')
      .set(as('baseX'))
      .send(programme)
      .expect(201);
    expect(res.body).toMatchObject({
      grades: [7, 8, 9],
      effectiveStudentsPerTeacher: 15,
      baseOrganisationId: ids.baseX,
    });
    ids.programme = res.body.id as string;
    const list = await suite
      .http()
      .get('/study-tours/bases?area=370190&grade=8&theme=历史')
      .expect(200);
    expect(
      (list.body.items as { organisationId: string }[]).map((b) => b.organisationId),
    ).toContain(ids.baseX);
    const forGrade2 = await suite.http().get('/study-tours/bases?area=370190&grade=2').expect(200);
    expect(
      (forGrade2.body.items as { organisationId: string }[]).map((b) => b.organisationId),
    ).not.toContain(ids.baseX);
  });

  it('refuses 46 students with 2 teachers at one per 15, saying 2 teachers are missing', async () => {
    const id = await draft(booking(grade8.slice(0, 46), 2));
    const res = await suite.http().post(`/study-tours/bookings/${id}/submit`).set(as('school'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'TEACHER_RATIO_NOT_MET',
      details: {
        students: 46,
        teachers: 2,
        requiredTeachers: 4,
        missingTeachers: 2,
        fix: 'Add 2 accompanying teachers, or list fewer students',
      },
    });
    const checks = await suite
      .http()
      .get(`/study-tours/bookings/${id}/checks`)
      .set(as('school'))
      .expect(200);
    expect(
      (checks.body as { code: string; passed: boolean }[])
        .filter((c) => !c.passed)
        .map((c) => c.code),
    ).toEqual(['TEACHER_RATIO_NOT_MET']);
  });

  it('refuses a grade-4 class on a programme for grades 7–9', async () => {
    const id = await draft(booking(grade4, 2));
    const res = await suite.http().post(`/study-tours/bookings/${id}/submit`).set(as('school'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'GRADE_NOT_SUITED',
      details: { unsuitedGrades: [4], programmeGrades: [7, 8, 9] },
    });
    expect(res.body.details.unsuitedStudentIds).toHaveLength(20);
  });

  it('refuses a booking whose insurance does not cover every student; fixed, it goes submitted → confirmed → participation, each event once', async () => {
    const students = grade8.slice(0, 46);
    const partial = booking(students, 4);
    partial.insurance = { ...partial.insurance, coveredStudentIds: students.slice(1) };
    const id = await draft(partial);
    const refused = await suite.http().post(`/study-tours/bookings/${id}/submit`).set(as('school'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'INSURANCE_INCOMPLETE',
      details: { uninsuredStudentIds: [students[0]] },
    });

    await suite
      .http()
      .put(`/study-tours/bookings/${id}`)
      .set(as('school'))
      .send(booking(students, 4))
      .expect(200);
    const submitted = await suite
      .http()
      .post(`/study-tours/bookings/${id}/submit`)
      .set(as('school'))
      .expect(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      holdsPlaces: true,
      studentCount: 46,
    });
    const confirmed = await suite
      .http()
      .post(`/study-tours/bookings/${id}/confirm`)
      .set(as('baseX'))
      .expect(200);
    expect(confirmed.body.status).toBe('confirmed');

    const early = await suite
      .http()
      .post(`/study-tours/bookings/${id}/participation`)
      .set(as('baseX'))
      .send({ marks: [{ studentId: students[0], tookPart: true }] });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PARTICIPATION_NOT_OPEN');

    const clock = suite.clockOf('study-tours');
    const realNow = clock.now.bind(clock);
    clock.now = () => new Date(Date.parse(`${visitDay}T02:00:00Z`));
    try {
      const marks = students.map((studentId, i) => ({ studentId, tookPart: i !== 0 }));
      const recorded = await suite
        .http()
        .post(`/study-tours/bookings/${id}/participation`)
        .set(as('school'))
        .send({ marks })
        .expect(200);
      expect(recorded.body).toMatchObject({ tookPart: 45, listed: 46 });
      const events = await recorder.waitForCount(
        (m) => m.topic === Topics.events.participationRecorded && students.includes(m.key ?? ''),
        46,
      );
      // Recording the same marks again publishes nothing new.
      await suite
        .http()
        .post(`/study-tours/bookings/${id}/participation`)
        .set(as('baseX'))
        .send({ marks })
        .expect(200);
      const rated = await suite
        .http()
        .post(`/study-tours/bookings/${id}/rating`)
        .set(as('school'))
        .send({ score: 4, comment: '很好' });
      expect(rated.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1500));
      const all = recorder.where(
        (m) => m.topic === Topics.events.participationRecorded && students.includes(m.key ?? ''),
      );
      expect(all).toHaveLength(46);
      const payloads = events.map(
        (m) => (JSON.parse(m.value ?? '{}') as EventEnvelope<ParticipationRecordedPayload>).payload,
      );
      expect(new Set(payloads.map((p) => p.studentId)).size).toBe(46);
      expect(payloads.find((p) => p.studentId === students[0])).toMatchObject({
        bookingId: id,
        baseOrganisationId: ids.baseX,
        programmeId: ids.programme,
        schoolId: ids.school,
        classId: ids.class8,
        grade: 8,
        tookPart: false,
        revision: 1,
        localDate: visitDay,
      });
      // A correction: same participationId, revision 2.
      await suite
        .http()
        .post(`/study-tours/bookings/${id}/participation`)
        .set(as('baseX'))
        .send({ marks: [{ studentId: students[0], tookPart: true }] })
        .expect(200);
      const [correction] = await recorder.waitForCount(
        (m) =>
          m.topic === Topics.events.participationRecorded &&
          m.key === students[0] &&
          (m.value ?? '').includes('"revision":2'),
        1,
      );
      const first = payloads.find((p) => p.studentId === students[0])!;
      expect(
        (JSON.parse(correction.value ?? '{}') as EventEnvelope<ParticipationRecordedPayload>)
          .payload,
      ).toMatchObject({
        participationId: first.participationId,
        tookPart: true,
      });
      const marksRead = await suite
        .http()
        .get(`/study-tours/bookings/${id}/participation`)
        .set(as('school'))
        .expect(200);
      // 45 took part at first; the correction makes it all 46.
      expect(marksRead.body).toMatchObject({ bookingId: id, listed: 46, tookPart: 46 });
      const read = marksRead.body.marks as {
        studentId: string;
        tookPart: boolean;
        revision: number;
      }[];
      expect(read).toHaveLength(46);
      expect(read.find((m) => m.studentId === students[0])).toMatchObject({
        tookPart: true,
        revision: 2,
      });
    } finally {
      clock.now = realNow;
    }
    const base = await suite.http().get(`/study-tours/bases/${ids.baseX}`).expect(200);
    expect(base.body).toMatchObject({ averageRating: 4, ratingCount: 1 });
    const ratings = await suite
      .http()
      .get(`/study-tours/bases/${ids.baseX}/ratings`)
      .set(as('baseX'))
      .expect(200);
    expect(ratings.body.items[0]).toMatchObject({ bookingId: id, score: 4, comment: '很好' });
  });

  it('never holds more than 30 students on a day, however many submit at once; a cancellation returns places', async () => {
    // A student goes on one tour a day, so each booking lists other students of the class.
    const small = await suite
      .http()
      .post('/study-tours/programmes')
      .set(as('baseX'))
      .send({
        title: '泉水文化研学',
        theme: '地方文化',
        description: '泉城',
        grades: [8],
        duration: 'half_day',
        groupMin: 10,
        groupMax: 30,
        dailyCapacity: 30,
        priceFen: 0,
        mealOptions: ['none'],
        transportOptions: ['self_arranged'],
      })
      .expect(201);
    const drafts: string[] = [];
    for (let i = 0; i < 5; i++)
      drafts.push(
        await draft({
          ...booking(grade8.slice(i * 10, i * 10 + 10), 1, busyDay),
          programmeId: small.body.id as string,
          mealOption: 'none',
        }),
      );
    const results = await Promise.all(
      drafts.map((id) => suite.http().post(`/study-tours/bookings/${id}/submit`).set(as('school'))),
    );
    const ok = results.filter((r) => r.status === 200);
    const full = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(3);
    expect(full).toHaveLength(2);
    for (const r of full)
      expect(r.body).toMatchObject({ code: 'DAY_FULL', details: { placesLeft: 0 } });
    const confirmations = await Promise.all(
      ok.map((r) =>
        suite
          .http()
          .post(`/study-tours/bookings/${r.body.id as string}/confirm`)
          .set(as('baseX')),
      ),
    );
    expect(confirmations.every((r) => r.status === 200)).toBe(true);
    const list = await suite
      .http()
      .get(`/study-tours/bookings?status=confirmed&from=${busyDay}&to=${busyDay}`)
      .set(as('baseX'))
      .expect(200);
    const confirmedStudents = (list.body.items as { studentCount: number }[]).reduce(
      (n, b) => n + b.studentCount,
      0,
    );
    expect(confirmedStudents).toBe(30);

    const cancelled = await suite
      .http()
      .post(`/study-tours/bookings/${ok[0].body.id as string}/cancel`)
      .set(as('baseX'))
      .send({ reason: '暴雨橙色预警' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'base',
      cancelReason: '暴雨橙色预警',
      holdsPlaces: false,
    });
    const refusedDraft = drafts[results.indexOf(full[0])];
    const retry = await suite
      .http()
      .post(`/study-tours/bookings/${refusedDraft}/submit`)
      .set(as('school'));
    expect(retry.status).toBe(200);
  });

  it("keeps each base's and each school's bookings to themselves", async () => {
    const mine = await suite
      .http()
      .get('/study-tours/bookings?pageSize=100')
      .set(as('baseX'))
      .expect(200);
    const someId = (mine.body.items as { id: string }[])[0].id;
    const byY = await suite.http().get(`/study-tours/bookings/${someId}`).set(as('baseY'));
    expect(byY.status).toBe(404);
    expect(byY.body.code).toBe('STUDY_TOUR_BOOKING_NOT_FOUND');
    const listY = await suite
      .http()
      .get('/study-tours/bookings?pageSize=100')
      .set(as('baseY'))
      .expect(200);
    expect(listY.body.total).toBe(0);
    const otherSchool = await suite
      .http()
      .get(`/study-tours/bookings/${someId}`)
      .set(as('demoTeacher'));
    expect(otherSchool.status).toBe(404);
    const otherList = await suite
      .http()
      .get('/study-tours/bookings?pageSize=100')
      .set(as('demoTeacher'))
      .expect(200);
    expect(
      (otherList.body.items as { schoolId: string }[]).every((b) => b.schoolId !== ids.school),
    ).toBe(true);
    const confirmByY = await suite
      .http()
      .post(`/study-tours/bookings/${someId}/confirm`)
      .set(as('baseY'));
    expect(confirmByY.status).toBe(404);
  });

  it('reports bookings, participants and ratings per base and school, as JSON and CSV', async () => {
    const from = today();
    const to = addDays(today(), 30);
    const json = await suite
      .http()
      .get(`/study-tours/reports?from=${from}&to=${to}`)
      .set(as('province'))
      .expect(200);
    const row = (json.body.bases as { organisationId: string }[]).find(
      (b) => b.organisationId === ids.baseX,
    );
    expect(row).toMatchObject({ participants: 46, ratingCount: 1, averageRating: 4, cancelled: 1 });
    const school = (json.body.schools as { organisationId: string }[]).find(
      (s) => s.organisationId === ids.school,
    );
    expect(school).toMatchObject({ participants: 46 });
    const csv = await suite
      .http()
      .get(`/study-tours/reports?from=${from}&to=${to}&format=csv`)
      .set(as('province'))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(`base,${ids.baseX},`);
    const denied = await suite
      .http()
      .get(`/study-tours/reports?from=${from}&to=${to}`)
      .set(as('school'));
    expect(denied.status).toBe(403);
  });

  it('a revoked base takes no new bookings and leaves the public list', async () => {
    const pending = await draft(booking(grade8.slice(0, 15), 1));
    await suite
      .http()
      .post(`/study-tours/designations/${ids.designationX}/revoke`)
      .set(as('province'))
      .send({ reason: '安全检查不合格' })
      .expect(200);
    const fresh = await suite
      .http()
      .post('/study-tours/bookings')
      .set(as('school'))
      .send(booking(grade8.slice(0, 15), 1));
    expect(fresh.status).toBe(409);
    expect(fresh.body.code).toBe('BASE_NOT_DESIGNATED');
    const submit = await suite
      .http()
      .post(`/study-tours/bookings/${pending}/submit`)
      .set(as('school'));
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('BASE_NOT_DESIGNATED');
    const list = await suite.http().get('/study-tours/bases?area=370190&pageSize=100').expect(200);
    expect(
      (list.body.items as { organisationId: string }[]).map((b) => b.organisationId),
    ).not.toContain(ids.baseX);
    await suite.http().get(`/study-tours/bases/${ids.baseX}`).expect(404);
  });

  it('the demo museum is a provincial base with a submitted demo booking its staff can see', async () => {
    const demo = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/study-tours/bookings?status=submitted&pageSize=100')
          .set(as('museum'))
          .expect(200);
        return (res.body.items as { id: string }[]).find(
          (b) => b.id === '5d000000-0000-4000-8000-000000000003',
        );
      },
      { timeoutMs: 30_000, intervalMs: 300, what: 'the demo booking' },
    );
    expect(demo).toBeDefined();
    const mine = await suite
      .http()
      .get(`/study-tours/bookings/${demo.id}`)
      .set(as('demoTeacher'))
      .expect(200);
    // The demo school has five students in a fresh setup; earlier test files may enrol more.
    expect(mine.body.studentCount).toBeGreaterThanOrEqual(5);
    const bases = await suite
      .http()
      .get('/study-tours/bases?level=provincial&area=370102')
      .expect(200);
    expect((bases.body.items as { name: string }[]).map((b) => b.name)).toContain('山东博物馆');
  });
});
