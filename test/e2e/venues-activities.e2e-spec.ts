import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import {
  Topics,
  type ActivityView,
  type BookingView,
  type EventEnvelope,
  type VisitEventPayload,
} from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor, type RecordedMessage } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { VenuesConfig } from '../../apps/venues/src/config.js';
import { venuesDatabase } from '../../apps/venues/src/database/database.js';
import { signAccessToken, testAppEnv, testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, untilRosterKnown, type Suite } from '../harness.js';

/**
 * Activities at a venue through the gateway: a test museum (a free category) and a science
 * venue of one venue organisation in its own area; the demo museum's staff play "another
 * venue". Check-in's entry window is widened so that an activity days ahead can be checked
 * in now.
 */
const AREA = '370192';
const PASSWORD = 'Activities-Test-2026';
const today = (): string => shanghaiDateOf(new Date());
/** Open every day, so that an activity `day` ahead lies within the opening hours whatever the weekday. */
const EVERY_DAY = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
    d,
    { opens: '09:00', closes: '17:00' },
  ]),
);

const studentToken = (secret: string, schoolId: string): string =>
  signAccessToken(secret, { role: 'student', org: schoolId });

describe('venues: activities (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  let db: DataSource;
  let recorder: TopicRecorder;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let schoolId: string;
  let venueId: string;
  let scienceVenueId: string;
  const day = addDays(today(), 5);
  /** The activity the concurrency test fills, cancelled at the end. */
  let show: ActivityView;
  /** Roster ids of the demo school's students: a group request names only its school's students. */
  let roster: string[] = [];

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  const newStudent = () => studentToken(suite.gatewayConfig.JWT_SECRET, schoolId);

  const schedule = (
    venue: string,
    body: Record<string, unknown> = {},
    who = 'staff',
  ): Promise<{ status: number; body: Record<string, unknown> }> =>
    suite
      .http()
      .post(`/venues/${venue}/activities`)
      .set(as(who))
      .send({
        title: '青少年科学工作坊',
        kind: 'workshop',
        description: '动手做一个简易电动机',
        grades: [6, 4, 5],
        date: day,
        startTime: '14:00',
        endTime: '15:30',
        individualCapacity: 15,
        groupCapacity: 40,
        ...body,
      })
      .then((res) => ({ status: res.status, body: res.body as Record<string, unknown> }));

  const activityOf = async (id: string): Promise<ActivityView> =>
    (await suite.http().get(`/venues/activities/${id}`).set(as('teacher')).expect(200))
      .body as ActivityView;

  const events = (topic: string, bookingId: string) =>
    recorder.waitForCount((m: RecordedMessage) => m.topic === topic && m.key === bookingId, 1);
  const payloadOf = (m: RecordedMessage) =>
    (JSON.parse(m.value ?? '{}') as EventEnvelope<VisitEventPayload>).payload;

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
      CHECKIN_EARLY_MINUTES: '525600',
    });
    db = new DataSource(dataSourceOptions(venuesDatabase(loadConfig(VenuesConfig, testAppEnv()))));
    await db.initialize();
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-activities'), [
      Topics.events.visitConfirmed,
      Topics.events.visitCancelled,
      Topics.events.visitCheckedIn,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.museum = await login('museum@studentpass.local', DEMO.password);
    schoolId = (await suite.http().get('/me').set(as('teacher')).expect(200)).body
      .organisationId as string;
    const enrolled = await suite
      .http()
      .get(`/roster/students?schoolId=${schoolId}&status=active&pageSize=100`)
      .set(as('teacher'))
      .expect(200);
    roster = (enrolled.body.items as { id: string }[]).map((s) => s.id);
    expect(roster.length).toBeGreaterThanOrEqual(3);

    const bureaus = await suite
      .http()
      .get('/organisations?kind=bureau&pageSize=100')
      .set(as('platform'))
      .expect(200);
    const jinan = (bureaus.body.items as { id: string; regionCode: string }[]).find(
      (o) => o.regionCode === '370100',
    );
    const org = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send({
        kind: 'venue',
        name: `活动测试馆 ${randomUUID().slice(0, 8)}`,
        parentId: jinan?.id,
        regionCode: AREA,
        operator: '测试',
      })
      .expect(201);
    const orgId = org.body.id as string;
    const email = `activities.staff.${orgId.slice(0, 8)}@studentpass.test`;
    await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({
        email,
        password: PASSWORD,
        displayName: '活动馆员',
        role: 'venue_staff',
        organisationId: orgId,
      })
      .expect(201);
    tokens.staff = await login(email, PASSWORD);
    venueId = await waitFor(
      async () => {
        const res = await suite
          .http()
          .post('/venues')
          .set(as('staff'))
          .send({ name: '活动测试博物馆', category: 'museum', weeklyHours: EVERY_DAY });
        return res.status === 201 ? (res.body.id as string) : undefined;
      },
      // A loaded machine and a consumer group re-joining after the previous file can take a while.
      { what: 'the venue organisation to reach the venues service', timeoutMs: 60_000 },
    );
    const science = await suite
      .http()
      .post('/venues')
      .set(as('staff'))
      .send({
        name: '活动测试科技馆',
        category: 'science_venue',
        studentPriceFen: 0,
        weeklyHours: EVERY_DAY,
      })
      .expect(201);
    scienceVenueId = science.body.id as string;
  }, 120_000);

  afterAll(async () => {
    await recorder?.stop();
    await db?.destroy();
    await suite?.close();
  });

  it("schedules an activity in Shanghai time, lists it with its places, and keeps other venues' staff out", async () => {
    const created = await schedule(venueId, { title: '寒假科学秀', kind: 'show' });
    expect(created.status).toBe(201);
    show = created.body as unknown as ActivityView;
    expect(show).toMatchObject({
      venueId,
      title: '寒假科学秀',
      kind: 'show',
      grades: [4, 5, 6],
      date: day,
      startTime: '14:00',
      endTime: '15:30',
      startsAt: `${day}T06:00:00.000Z`,
      endsAt: `${day}T07:30:00.000Z`,
      studentPriceFen: null,
      individualCapacity: 15,
      individualLeft: 15,
      groupLeft: 40,
      status: 'scheduled',
    });

    const found = await suite
      .http()
      .get(`/venues/activities?venueId=${venueId}&kind=show&grade=5&withPlacesLeft=true`)
      .set(as('teacher'))
      .expect(200);
    expect(found.body.items).toContainEqual(expect.objectContaining({ id: show.id }));
    const wrongGrade = await suite
      .http()
      .get(`/venues/activities?venueId=${venueId}&grade=9`)
      .set(as('teacher'))
      .expect(200);
    expect(wrongGrade.body.total).toBe(0);
    // The activity's places are not one of the venue's opening-hours slots.
    const slots = await suite
      .http()
      .get(`/venues/${venueId}/slots?from=${day}&to=${day}`)
      .set(as('teacher'))
      .expect(200);
    expect((slots.body as { id: string }[]).map((s) => s.id)).not.toContain(show.id);

    // Staff of another venue: as if it did not exist. A school's staff: not their role.
    const foreignCreate = await schedule(venueId, {}, 'museum');
    expect(foreignCreate.status).toBe(404);
    expect(foreignCreate.body.code).toBe('VENUE_NOT_FOUND');
    const foreignPatch = await suite
      .http()
      .patch(`/venues/activities/${show.id}`)
      .set(as('museum'))
      .send({ title: '改名' });
    expect(foreignPatch.status).toBe(404);
    expect(foreignPatch.body.code).toBe('ACTIVITY_NOT_FOUND');
    const foreignCancel = await suite
      .http()
      .post(`/venues/activities/${show.id}/cancel`)
      .set(as('museum'))
      .send({ reason: '不是我的活动' });
    expect(foreignCancel.status).toBe(404);
    const teacher = await schedule(venueId, {}, 'teacher');
    expect(teacher.status).toBe(403);
    expect(teacher.body.code).toBe('VENUE_ACTION_FORBIDDEN');
    expect((await activityOf(show.id)).title).toBe('寒假科学秀');
  });

  it('refuses a student price at a free-category venue with a clear 400, and takes one at a science venue', async () => {
    const priced = await schedule(venueId, { studentPriceFen: 1000 });
    expect(priced.status).toBe(400);
    expect(priced.body.code).toBe('STUDENT_PRICE_NOT_ALLOWED');
    expect(priced.body.message).toMatch(/free for students/);
    const [{ n }] = await db.query(
      'SELECT COUNT(*) AS n FROM activities WHERE venue_id = ? AND student_price_fen IS NOT NULL',
      [venueId],
    );
    expect(Number(n)).toBe(0);

    const science = await schedule(scienceVenueId, { studentPriceFen: 1000 });
    expect(science.status).toBe(201);
    expect(science.body).toMatchObject({ studentPriceFen: 1000, venueCategory: 'science_venue' });
    // Turning that venue into a free category would leave a priced activity: refused.
    const toFree = await suite
      .http()
      .patch(`/venues/${scienceVenueId}`)
      .set(as('staff'))
      .send({ category: 'museum', studentPriceFen: null });
    expect(toFree.status).toBe(400);
    expect(toFree.body).toMatchObject({
      code: 'STUDENT_PRICE_NOT_ALLOWED',
      details: { pricedActivities: 1 },
    });

    const backwards = await schedule(venueId, { startTime: '15:00', endTime: '14:00' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('ACTIVITY_SCHEDULE_INVALID');
  });

  it('confirms exactly 15 of 60 concurrent individual bookings; the rest are 409 ACTIVITY_FULL', async () => {
    const students = Array.from({ length: 60 }, newStudent);
    const answers = await Promise.all(
      students.map((token) =>
        suite.http().post(`/venues/activities/${show.id}/bookings/individual`).set(bearer(token)),
      ),
    );
    const unexpected = answers
      .filter((r) => r.status !== 201 && r.body.code !== 'ACTIVITY_FULL')
      .map((r) => `${r.status} ${r.body.code}`);
    expect(unexpected).toEqual([]);
    const confirmed = answers.filter((r) => r.status === 201);
    expect(confirmed).toHaveLength(15);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(45);
    expect(confirmed[0].body).toMatchObject({
      status: 'confirmed',
      activityId: show.id,
      slotId: show.id,
      date: day,
      checkInToken: expect.any(String),
    });
    const [rows] = await db.query(
      `SELECT COUNT(*) AS n FROM bookings WHERE activity_id = ? AND status = 'confirmed'`,
      [show.id],
    );
    expect(Number(rows.n)).toBe(15);
    expect((await activityOf(show.id)).individualLeft).toBe(0);
    const [event] = await events(Topics.events.visitConfirmed, confirmed[0].body.id as string);
    expect(payloadOf(event)).toMatchObject({
      kind: 'individual',
      activityId: show.id,
      venueId,
      slotStartsAt: show.startsAt,
    });
  });

  it('returns the same booking for the same Idempotency-Key', async () => {
    const tour = (await schedule(venueId, { title: '讲解导览', kind: 'guided_tour' })).body;
    const token = newStudent();
    const key = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        suite
          .http()
          .post(`/venues/activities/${tour.id as string}/bookings/individual`)
          .set(bearer(token))
          .set('Idempotency-Key', key),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((r) => r.body.id as string)).size).toBe(1);
    expect((await activityOf(tour.id as string)).individualLeft).toBe(14);
  });

  it('writes nothing when a booking is refused: one activity booking per venue and day', async () => {
    const [first, second] = await Promise.all(
      ['上午工作坊', '下午工作坊'].map(
        async (title, i) =>
          (await schedule(venueId, { title, startTime: `1${i}:00`, endTime: `1${i}:45` }))
            .body as unknown as ActivityView,
      ),
    );
    const token = newStudent();
    const booked = await suite
      .http()
      .post(`/venues/activities/${first.id}/bookings/individual`)
      .set(bearer(token))
      .expect(201);
    const again = await suite
      .http()
      .post(`/venues/activities/${second.id}/bookings/individual`)
      .set(bearer(token));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_BOOKED_THAT_DAY');
    // The place the refused booking took in its transaction went back with the rollback.
    expect((await activityOf(second.id)).individualLeft).toBe(15);
    const [{ n }] = await db.query(
      `SELECT COUNT(*) AS n FROM outbox_events o WHERE o.topic = ?
         AND o.message_key NOT IN (SELECT id FROM bookings)`,
      [Topics.events.visitConfirmed],
    );
    expect(Number(n)).toBe(0);
    const [event] = await events(Topics.events.visitConfirmed, booked.body.id as string);
    expect(payloadOf(event).activityId).toBe(first.id);
  });

  it('takes a group request from pending to confirmed to checked in', async () => {
    const tour = (await schedule(venueId, { title: '研学导览', kind: 'guided_tour' }))
      .body as unknown as ActivityView;
    const requested = await untilRosterKnown(() =>
      suite
        .http()
        .post(`/venues/activities/${tour.id}/bookings/group`)
        .set(as('teacher'))
        .send({
          studentIds: roster.slice(0, 3),
          teacherCount: 1,
          note: '五年级一班',
        }),
    );
    expect(requested.status).toBe(201);
    const booking = requested.body as BookingView;
    expect(booking).toMatchObject({ status: 'pending', places: 4, activityId: tour.id });
    expect((await activityOf(tour.id)).groupLeft).toBe(36);

    const inbox = await suite.http().get(`/venues/${venueId}/inbox`).set(as('staff')).expect(200);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ id: booking.id, groupPlacesLeft: 36 }),
    );
    const foreign = await suite
      .http()
      .post(`/venues/bookings/${booking.id}/confirm`)
      .set(as('museum'));
    expect(foreign.status).toBe(404);

    const confirmed = await suite
      .http()
      .post(`/venues/bookings/${booking.id}/confirm`)
      .set(as('staff'))
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', activityId: tour.id });
    const checkedIn = await suite
      .http()
      .post(`/venues/${venueId}/check-ins`)
      .set(as('staff'))
      .send({ token: confirmed.body.checkInToken as string })
      .expect(200);
    expect(checkedIn.body).toMatchObject({ id: booking.id, status: 'checked_in' });
    const [event] = await events(Topics.events.visitCheckedIn, booking.id);
    expect(payloadOf(event)).toMatchObject({
      kind: 'group',
      status: 'checked_in',
      activityId: tour.id,
      studentCount: 3,
      teacherCount: 1,
      schoolOrganisationId: schoolId,
    });
  });

  it('keeps date and capacity consistent with the places taken', async () => {
    const moved = await suite
      .http()
      .patch(`/venues/activities/${show.id}`)
      .set(as('staff'))
      .send({ startTime: '15:00', endTime: '16:00' });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe('ACTIVITY_HAS_BOOKINGS');
    const shrunk = await suite
      .http()
      .patch(`/venues/activities/${show.id}`)
      .set(as('staff'))
      .send({ individualCapacity: 10 });
    expect(shrunk.status).toBe(409);
    expect(shrunk.body.code).toBe('ACTIVITY_CAPACITY_BELOW_TAKEN');
    const renamed = await suite
      .http()
      .patch(`/venues/activities/${show.id}`)
      .set(as('staff'))
      .send({ title: '寒假科学秀（加场）', individualCapacity: 16 })
      .expect(200);
    expect(renamed.body).toMatchObject({
      title: '寒假科学秀（加场）',
      individualLeft: 1,
      startTime: '14:00',
    });
  });

  it('cancels an activity: its bookings are cancelled with the reason, events published, nothing more booked', async () => {
    const pending = await untilRosterKnown(() =>
      suite
        .http()
        .post(`/venues/activities/${show.id}/bookings/group`)
        .set(as('teacher'))
        .send({ studentIds: [roster[0]], teacherCount: 1 }),
    );
    expect(pending.status).toBe(201);
    const cancelled = await suite
      .http()
      .post(`/venues/activities/${show.id}/cancel`)
      .set(as('staff'))
      .send({ reason: '场地设备故障' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '场地设备故障' });

    const rows: { id: string; status: string; cancel_reason: string }[] = await db.query(
      'SELECT id, status, cancel_reason FROM bookings WHERE activity_id = ?',
      [show.id],
    );
    expect(rows).toHaveLength(16); // 15 students and the group request
    expect(
      rows.every((r) => r.status === 'cancelled' && r.cancel_reason.includes('场地设备故障')),
    ).toBe(true);
    const group = await suite
      .http()
      .get(`/venues/bookings/${pending.body.id as string}`)
      .set(as('teacher'))
      .expect(200);
    expect(group.body).toMatchObject({ status: 'cancelled', checkInToken: null });
    expect(group.body.cancelReason).toMatch(/场地设备故障/);
    const [event] = await events(Topics.events.visitCancelled, rows[0].id);
    expect(payloadOf(event)).toMatchObject({ activityId: show.id, status: 'cancelled' });
    expect(payloadOf(event).reason).toMatch(/场地设备故障/);

    const late = await suite
      .http()
      .post(`/venues/activities/${show.id}/bookings/individual`)
      .set(bearer(newStudent()));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ACTIVITY_CANCELLED');
    const listed = await suite
      .http()
      .get(`/venues/activities?venueId=${venueId}`)
      .set(as('teacher'))
      .expect(200);
    expect((listed.body.items as ActivityView[]).map((a) => a.id)).not.toContain(show.id);
    const [{ taken }] = await db.query(
      'SELECT individual_taken + group_taken AS taken FROM slots WHERE id = ?',
      [show.id],
    );
    expect(Number(taken)).toBe(0);
  });

  it('seeds a guided tour and a holiday science show at the demo museum', async () => {
    const demo = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/venues?regionCode=370000&category=museum&pageSize=100')
          .set(as('teacher'))
          .expect(200);
        return (res.body.items as { id: string; name: string }[]).find(
          (v) => v.name === '山东博物馆',
        );
      },
      { what: 'the demo museum', timeoutMs: 60_000 },
    );
    const res = await suite
      .http()
      .get(
        `/venues/activities?venueId=${demo.id}&includeCancelled=true&from=${addDays(today(), -30)}`,
      )
      .set(as('teacher'))
      .expect(200);
    const kinds = (res.body.items as ActivityView[]).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['guided_tour', 'show']));
  });
});
