import { randomUUID } from 'node:crypto';
import {
  Topics,
  schoolYearOfDate,
  type EventEnvelope,
  type TourBookingExpiredPayload,
} from '@app/contracts';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor } from '@app/testing';
import { addDays, Clock, shanghaiDateOf, shanghaiInstant } from '@app/time';
import { StudyToursJobs } from '../../apps/study-tours/src/jobs/study-tours-jobs.js';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite } from '../harness.js';

/**
 * Issue 18 item 6 through the gateway, real Kafka and MySQL: a submitted booking the base
 * leaves undecided expires at its deadline (places and students' days released, an event
 * for the school), a confirmation after it is refused; a published programme is edited
 * within rules that protect the schools that booked. One test base and one test school in
 * Jinan (370190) with a grade-8 class of 40; the study-tours Clock is moved past deadlines.
 */
const PASSWORD = 'Deadline-Test-2026';
const AREA = '370190';
const HOUR_MS = 3_600_000;
const today = (): string => shanghaiDateOf(new Date());

interface Account {
  id: string;
  token: string;
}

describe('study-tour decision deadlines and programme edits (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
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
        theme: '期限研学',
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

  /** A booking body that passes every check: insurance over the visit, consents dated today. */
  const booking = (programmeId: string, studentIds: string[], date: string) => ({
    programmeId,
    date,
    studentIds,
    teachers: [
      { name: '带队老师1', phone: '13922220001' },
      { name: '带队老师2', phone: '13922220002' },
    ],
    personInCharge: { name: '安全主任', phone: '0531-88000002' },
    insurance: {
      insurer: '中国人民财产保险',
      policyNumber: 'PICC-DEADLINE-1',
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

  /** Drafts a booking; the roster may still be on its way to study-tours. */
  async function draft(body: Record<string, unknown>): Promise<string> {
    return waitFor(
      async () => {
        const res = await suite.http().post('/study-tours/bookings').set(as('booker')).send(body);
        if (res.status === 400 && res.body.code === 'STUDENTS_NOT_ON_ROSTER') return undefined;
        expect(res.status).toBe(201);
        return res.body.id as string;
      },
      { timeoutMs: 90_000, intervalMs: 300, what: 'the roster to reach study-tours' },
    );
  }

  const submit = (id: string) =>
    suite.http().post(`/study-tours/bookings/${id}/submit`).set(as('booker'));
  const getBooking = (id: string) =>
    suite.http().get(`/study-tours/bookings/${id}`).set(as('booker')).expect(200);

  /** Runs `work` with the study-tours service's time at `at`, then gives it back its clock. */
  async function at<T>(instant: Date, work: () => Promise<T>): Promise<T> {
    const clock = suite.clockOf('study-tours');
    const realNow = clock.now.bind(clock);
    clock.now = () => instant;
    try {
      return await work();
    } finally {
      clock.now = realNow;
    }
  }

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-study-tours-deadlines'), [
      Topics.events.tourBookingExpired,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.province = await login('province.admin@studentpass.local', DEMO.password);
    const bureaus = await suite
      .http()
      .get('/organisations?kind=bureau&pageSize=100')
      .set(as('platform'))
      .expect(200);
    const city = (bureaus.body.items as { id: string; regionCode: string }[]).find(
      (o) => o.regionCode === '370100',
    )!.id;
    const tag = randomUUID().slice(0, 8);
    ids.base = await organisation({
      kind: 'venue',
      name: `期限研学基地 ${tag}`,
      parentId: city,
      regionCode: AREA,
      operator: '测试',
    });
    ids.school = await organisation({
      kind: 'school',
      name: `期限研学中学 ${tag}`,
      parentId: city,
      regionCode: AREA,
      stage: 'nine_year',
    });
    accounts.base = await account(`dl-base-${tag}@test.local`, 'venue_staff', ids.base);
    accounts.booker = await account(`dl-booker-${tag}@test.local`, 'school_staff', ids.school);

    const schoolYear = schoolYearOfDate(today());
    const klass = await suite
      .http()
      .post('/roster/classes')
      .set(as('booker'))
      .send({ schoolId: ids.school, schoolYear, grade: 8, name: '八年级3班' });
    expect(klass.status).toBe(201);
    const rows = Array.from(
      { length: 40 },
      (_, i) => `D${tag}${String(i).padStart(3, '0')},学生${i},female,2012-06-01,8,八年级3班,`,
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
    expect(students).toHaveLength(40);

    await waitFor(
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
    ids.ten = await programme({ title: '十人研学', groupMax: 10, dailyCapacity: 10 });
    ids.tour = await programme({ title: '期限研学' });
    ids.edited = await programme({ title: '可改研学', dailyCapacity: 20, groupMax: 20 });
    ids.queue = await programme({ title: '候补研学', dailyCapacity: 6, groupMax: 6 });
    // Wait for the roster to reach study-tours (a draft holds nothing).
    await draft(booking(ids.tour, [students[39]], day(30)));
  }, 240_000);

  afterAll(async () => {
    await recorder?.stop();
    await suite?.close();
  });

  it('expires a request the base left undecided past its deadline: places and students back, an event for the school', async () => {
    const ten = students.slice(0, 10);
    const visit = day(0);
    const first = await draft(booking(ids.ten, ten, visit));
    const submittedAt = Date.now();
    const submitted = await submit(first);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    // 72 hours after submission (the visit is 20 days off, far beyond the 3-day cut-off).
    const decideBy = Date.parse(submitted.body.decideBy as string);
    expect(decideBy).toBeGreaterThanOrEqual(submittedAt + 72 * HOUR_MS - 1000);
    expect(decideBy).toBeLessThanOrEqual(Date.now() + 72 * HOUR_MS);

    // While it waits, its ten places and its students' day are held.
    const second = await draft(booking(ids.ten, ten, visit));
    const refused = await submit(second);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STUDENTS_ALREADY_BOOKED');

    // The service's scheduled pass, run now rather than on its timer.
    const jobs = suite.services
      .find((service) => service.get(Clock) === suite.clockOf('study-tours'))!
      .get(StudyToursJobs, { strict: false });
    // Just before the deadline the scheduled pass leaves it alone.
    await at(new Date(decideBy - 60_000), () => jobs.runOnce());
    expect((await getBooking(first)).body.status).toBe('submitted');

    await at(new Date(decideBy + 60_000), async () => {
      await jobs.runOnce();
      const expired = await getBooking(first);
      expect(expired.body).toMatchObject({
        status: 'expired',
        holdsPlaces: false,
        decideBy: new Date(decideBy).toISOString(),
      });
      expect(expired.body.expiryReason).toContain('No decision from the base');
      // The same students on the same day, all ten places: both were given back.
      const again = await submit(second);
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('submitted');
    });

    const [event] = await recorder.waitForCount(
      (m) => m.topic === Topics.events.tourBookingExpired && m.key === first,
      1,
    );
    const payload = (JSON.parse(event.value ?? '{}') as EventEnvelope<TourBookingExpiredPayload>)
      .payload;
    expect(payload).toMatchObject({
      bookingId: first,
      status: 'expired',
      schoolId: ids.school,
      baseOrganisationId: ids.base,
      programmeId: ids.ten,
      createdBy: accounts.booker.id,
      localDate: visit,
      decideBy: new Date(decideBy).toISOString(),
    });
    expect([...payload.studentIds].sort()).toEqual([...ten].sort());

    // The bureau sees which requests its bases left unanswered.
    const report = await suite
      .http()
      .get(`/study-tours/reports?from=${today()}&to=${addDays(today(), 60)}`)
      .set(as('province'))
      .expect(200);
    expect(
      (report.body.bases as { organisationId: string }[]).find(
        (b) => b.organisationId === ids.base,
      ),
    ).toMatchObject({ expired: 1 });
  });

  it('refuses a confirmation after the deadline (409 DECISION_DEADLINE_PASSED) and the booking reads as expired', async () => {
    const five = students.slice(10, 15);
    const id = await draft(booking(ids.tour, five, day(1)));
    const submitted = await submit(id);
    expect(submitted.status).toBe(200);
    const decideBy = Date.parse(submitted.body.decideBy as string);
    await at(new Date(decideBy + 1000), async () => {
      const late = await suite.http().post(`/study-tours/bookings/${id}/confirm`).set(as('base'));
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({
        code: 'DECISION_DEADLINE_PASSED',
        details: { decideBy: new Date(decideBy).toISOString() },
      });
    });
    const after = await getBooking(id);
    expect(after.body).toMatchObject({ status: 'expired', holdsPlaces: false });
    await recorder.waitForCount(
      (m) => m.topic === Topics.events.tourBookingExpired && m.key === id,
      1,
    );

    // Confirmed in time, a booking is not expired by the deadline passing afterwards.
    const onTime = await draft(booking(ids.tour, students.slice(15, 20), day(2)));
    const ok = await submit(onTime);
    expect(ok.status).toBe(200);
    await suite.http().post(`/study-tours/bookings/${onTime}/confirm`).set(as('base')).expect(200);
    await at(new Date(Date.parse(ok.body.decideBy as string) + 1000), async () => {
      expect((await getBooking(onTime)).body.status).toBe('confirmed');
    });
  });

  it('sets the deadline N days before a near visit rather than 72 hours after submission', async () => {
    const visit = addDays(today(), 4);
    const id = await draft(booking(ids.tour, students.slice(20, 22), visit));
    const submitted = await submit(id);
    expect(submitted.status).toBe(200);
    // 00:00 in Shanghai three days before the visit, earlier than 72 hours from now.
    expect(submitted.body.decideBy).toBe(
      shanghaiInstant(addDays(visit, -3), '00:00').toISOString(),
    );
  });

  it('edits a published programme within the rules that protect the schools that booked', async () => {
    const eight = students.slice(25, 33);
    const visit = day(5);
    const id = await draft(booking(ids.edited, eight, visit));
    expect((await submit(id)).status).toBe(200);
    const bookedBefore = (await getBooking(id)).body as Record<string, unknown>;
    const before = await suite
      .http()
      .get(`/study-tours/programmes/${ids.edited}`)
      .set(as('booker'))
      .expect(200);

    // Below the eight places taken on the visit's day: refused, naming the day.
    const tooSmall = await suite
      .http()
      .patch(`/study-tours/programmes/${ids.edited}`)
      .set(as('base'))
      .send({ dailyCapacity: 5, groupMax: 5 });
    expect(tooSmall.status).toBe(409);
    expect(tooSmall.body).toMatchObject({
      code: 'CAPACITY_BELOW_TAKEN',
      details: { dailyCapacity: 5, days: [{ date: visit, taken: 8 }] },
    });
    // Group bounds the active booking does not fit: refused, listing it.
    const bounds = await suite
      .http()
      .patch(`/study-tours/programmes/${ids.edited}`)
      .set(as('base'))
      .send({ groupMin: 10 });
    expect(bounds.status).toBe(409);
    expect(bounds.body).toMatchObject({
      code: 'PROGRAMME_CHANGE_CONFLICTS_BOOKINGS',
      details: { bookings: [{ bookingId: id, studentCount: 8 }] },
    });
    const grades = await suite
      .http()
      .patch(`/study-tours/programmes/${ids.edited}`)
      .set(as('base'))
      .send({ grades: [7, 9] });
    expect(grades.status).toBe(409);
    expect(grades.body.code).toBe('PROGRAMME_CHANGE_CONFLICTS_BOOKINGS');
    // Only the base's staff change it.
    const bySchool = await suite
      .http()
      .patch(`/study-tours/programmes/${ids.edited}`)
      .set(as('booker'))
      .send({ priceFen: 1 });
    expect(bySchool.status).toBe(403);

    const edited = await suite
      .http()
      .patch(`/study-tours/programmes/${ids.edited}`)
      .set(as('base'))
      .send({
        description: '新的行程说明',
        priceFen: 3500,
        dailyCapacity: 8,
        groupMax: 8,
        mealOptions: ['packed_lunch'],
        closeDates: [day(6)],
      });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      description: '新的行程说明',
      priceFen: 3500,
      dailyCapacity: 8,
      groupMax: 8,
      mealOptions: ['packed_lunch'],
      closedDates: [day(6)],
      updatedBy: accounts.base.id,
    });
    expect(Date.parse(edited.body.updatedAt as string)).toBeGreaterThan(
      Date.parse(before.body.updatedAt as string),
    );
    const read = await suite
      .http()
      .get(`/study-tours/programmes/${ids.edited}`)
      .set(as('booker'))
      .expect(200);
    expect(read.body).toMatchObject({ priceFen: 3500, updatedAt: edited.body.updatedAt });

    // The booking keeps what it agreed to.
    expect((await getBooking(id)).body).toEqual(bookedBefore);
    // The visit's day is full at the new capacity; the closed day takes no new booking.
    const full = await draft({
      ...booking(ids.edited, [students[34]], visit),
      mealOption: 'packed_lunch',
    });
    const noRoom = await submit(full);
    expect(noRoom.status).toBe(409);
    expect(noRoom.body).toMatchObject({ code: 'DAY_FULL', details: { placesLeft: 0 } });
    const closed = await draft({
      ...booking(ids.edited, [students[35]], day(6)),
      mealOption: 'packed_lunch',
    });
    const onClosed = await submit(closed);
    expect(onClosed.status).toBe(409);
    expect(onClosed.body).toMatchObject({ code: 'DAY_CLOSED', details: { date: day(6) } });

    // Who changed what, when.
    const changes = await suite
      .http()
      .get(`/study-tours/programmes/${ids.edited}/changes`)
      .set(as('base'))
      .expect(200);
    expect(changes.body).toHaveLength(1);
    expect(changes.body[0]).toMatchObject({
      changedBy: accounts.base.id,
      changedAt: edited.body.updatedAt,
      changes: {
        priceFen: { from: 0, to: 3500 },
        dailyCapacity: { from: 20, to: 8 },
        description: { from: '测试', to: '新的行程说明' },
        closedDates: { to: [day(6)] },
      },
    });
  });

  it('queues a request for a full day and offers it the places a decline frees up; an offer not taken up expires', async () => {
    const visit = day(8);
    const holder = await draft(booking(ids.queue, students.slice(0, 6), visit));
    expect((await submit(holder)).status).toBe(200);
    const queuedBody = booking(ids.queue, students.slice(6, 10), visit);
    // Plain submission of a full day is refused; the waiting list takes it.
    const first = await draft(queuedBody);
    expect((await submit(first)).body.code).toBe('DAY_FULL');
    const queued = await suite
      .http()
      .post(`/study-tours/bookings/${first}/waitlist`)
      .set(as('booker'));
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({ status: 'waitlisted', holdsPlaces: false });
    expect(queued.body.waitlistedAt).toEqual(expect.any(String));
    const later = await draft(booking(ids.queue, students.slice(10, 14), visit));
    expect(
      (await suite.http().post(`/study-tours/bookings/${later}/waitlist`).set(as('booker'))).body
        .status,
    ).toBe('waitlisted');

    // The base declines the holder: the first queued request gets the places, for OFFER_HOURS.
    await suite
      .http()
      .post(`/study-tours/bookings/${holder}/decline`)
      .set(as('base'))
      .send({ reason: '场馆维护' })
      .expect(200);
    const offered = await getBooking(first);
    expect(offered.body).toMatchObject({ status: 'offered', holdsPlaces: true });
    const offerUntil = Date.parse(offered.body.offerUntil as string);
    expect(offerUntil).toBeGreaterThan(Date.now() + 23 * HOUR_MS);
    expect((await getBooking(later)).body.status).toBe('waitlisted');

    // Not taken up in time: it expires, and the next in the queue is offered the places.
    await at(new Date(offerUntil + 1000), async () => {
      const lapsed = await getBooking(first);
      expect(lapsed.body).toMatchObject({ status: 'expired', holdsPlaces: false });
      expect(lapsed.body.expiryReason).toContain('not taken up');
    });
    const next = await getBooking(later);
    expect(next.body.status).toBe('offered');
    const accepted = await suite
      .http()
      .post(`/study-tours/bookings/${later}/accept-offer`)
      .set(as('booker'));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'submitted', holdsPlaces: true });
    expect(accepted.body.decideBy).toEqual(expect.any(String));
    await suite.http().post(`/study-tours/bookings/${later}/confirm`).set(as('base')).expect(200);
  });
});
