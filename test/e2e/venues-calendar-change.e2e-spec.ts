import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import {
  Topics,
  type ActivityView,
  type BookingView,
  type EventEnvelope,
  type SlotView,
  type VisitEventPayload,
} from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor, type RecordedMessage } from '@app/testing';
import { VenuesConfig } from '../../apps/venues/src/config.js';
import { venuesDatabase } from '../../apps/venues/src/database/database.js';
import { signAccessToken, testAppEnv, testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite } from '../harness.js';

/**
 * Bookings and activities when a venue's calendar changes (issue 18): a district holiday
 * gives a venue holiday hours that do not line up with its ordinary slots (09:00-17:00 on
 * the hour; 09:30-20:30 on holidays), so a booked 10:00 slot vanishes. Its bookings move to
 * the new 09:30 slot, which covers their start, within its places; a booking whose start no
 * new slot covers (09:00) is cancelled with `calendar_change`; every one has its event. An
 * activity must lie within the day's hours; a special closure cancels the day's activities
 * and their bookings (`venue_closed`). The venues service's clock is fixed on a Monday in
 * November 2026 (no holiday, no vacation) so that the dates lie in its slot window.
 */
const AREA = '370193';
const PASSWORD = 'Calendar-Change-2026';
const NOW = new Date('2026-11-09T02:00:00Z'); // Monday 10:00 in Shanghai
const ACTIVITY_DAY = '2026-11-17';
const HOLIDAY_DAY = '2026-11-18';
const RACE_DAY = '2026-11-19';
const CLOSURE_DAY = '2026-11-20';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

describe('venues: calendar changes keep bookings and activities honest (through the gateway)', () => {
  let suite: Suite;
  let db: DataSource;
  let recorder: TopicRecorder;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let schoolId: string;
  let venueId: string;
  const holidayIds: string[] = [];

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  const newStudent = () =>
    signAccessToken(suite.gatewayConfig.JWT_SECRET, { role: 'student', org: schoolId });

  const slotsOf = async (date: string): Promise<SlotView[]> =>
    (
      await suite
        .http()
        .get(`/venues/${venueId}/slots?from=${date}&to=${date}`)
        .set(as('teacher'))
        .expect(200)
    ).body as SlotView[];

  const slotAt = async (date: string, time: string): Promise<SlotView> => {
    const slot = (await slotsOf(date)).find((s) => s.startsAt === at(date, time));
    if (!slot) throw new Error(`no slot at ${date} ${time}`);
    return slot;
  };

  const bookingOf = async (id: string, token: string): Promise<BookingView> =>
    (await suite.http().get(`/venues/bookings/${id}`).set(bearer(token)).expect(200))
      .body as BookingView;

  const bookSlot = async (slotId: string, token: string): Promise<BookingView> =>
    (
      await suite
        .http()
        .post('/venues/bookings/individual')
        .set(bearer(token))
        .send({ slotId })
        .expect(201)
    ).body as BookingView;

  const events = (topic: string, bookingId: string) =>
    recorder.waitForCount((m: RecordedMessage) => m.topic === topic && m.key === bookingId, 1);
  const payloadOf = (m: RecordedMessage) =>
    (JSON.parse(m.value ?? '{}') as EventEnvelope<VisitEventPayload>).payload;

  async function setHoliday(date: string, name: string): Promise<void> {
    const res = await suite
      .http()
      .post('/calendar/holidays')
      .set(as('platform'))
      .send({ areaCode: AREA, date, kind: 'holiday', name })
      .expect(200);
    holidayIds.push(res.body.id as string);
  }

  /** Until the venues service has re-planned the day with holiday hours. */
  const holidaySlotsOf = (date: string) =>
    waitFor(
      async () => {
        const slots = await slotsOf(date);
        return slots.some((s) => s.reason.startsWith('holiday:')) ? slots : undefined;
      },
      { timeoutMs: 60_000, what: `holiday hours of the test venue on ${date}` },
    );

  /** Places taken per slot of a day against what its live bookings hold, from the database. */
  async function ledgerOf(date: string): Promise<
    {
      starts_at: Date;
      status: string;
      individual_capacity: number;
      individual_taken: number;
      held: string | number;
    }[]
  > {
    return db.query(
      `SELECT s.starts_at, s.status, s.individual_capacity, s.individual_taken,
         (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.kind = 'individual'
            AND b.status IN ('confirmed', 'checked_in')) AS held
       FROM slots s WHERE s.venue_id = ? AND s.activity_id = '' AND s.local_date = ? ORDER BY s.starts_at`,
      [venueId, date],
    );
  }

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    suite.clockOf('venues').now = () => new Date(NOW);
    db = new DataSource(dataSourceOptions(venuesDatabase(loadConfig(VenuesConfig, testAppEnv()))));
    await db.initialize();
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-calendar-change'), [
      Topics.events.visitRescheduled,
      Topics.events.visitCancelled,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    schoolId = (await suite.http().get('/me').set(as('teacher')).expect(200)).body
      .organisationId as string;

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
        name: `日历变更测试馆 ${randomUUID().slice(0, 8)}`,
        parentId: jinan?.id,
        regionCode: AREA,
        operator: '测试',
      })
      .expect(201);
    const email = `calendar.change.${(org.body.id as string).slice(0, 8)}@studentpass.test`;
    await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({
        email,
        password: PASSWORD,
        displayName: '日历变更馆员',
        role: 'venue_staff',
        organisationId: org.body.id,
      })
      .expect(201);
    tokens.staff = await login(email, PASSWORD);
    venueId = await waitFor(
      async () => {
        const res = await suite
          .http()
          .post('/venues')
          .set(as('staff'))
          .send({
            name: '日历变更测试馆',
            category: 'museum',
            weeklyHours: Object.fromEntries(
              ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
                d,
                { opens: '09:00', closes: '17:00' },
              ]),
            ),
            extendedHours: { opens: '09:30', closes: '20:30' },
            individualCapacity: 2,
            groupCapacity: 10,
          });
        return res.status === 201 ? (res.body.id as string) : undefined;
      },
      { what: 'the venue organisation to reach the venues service', timeoutMs: 60_000 },
    );
  }, 180_000);

  afterAll(async () => {
    for (const id of holidayIds) {
      await suite?.http().delete(`/calendar/holidays/${id}`).set(as('platform'));
    }
    await recorder?.stop();
    await db?.destroy();
    await suite?.close();
  });

  it('moves the bookings of a slot that holiday hours withdraw to the new slot covering their start, cancels the rest, publishes each, and never sells the hour twice', async () => {
    const ten = await slotAt(HOLIDAY_DAY, '10:00');
    const nine = await slotAt(HOLIDAY_DAY, '09:00');
    const [a, b, c] = [newStudent(), newStudent(), newStudent()];
    const first = await bookSlot(ten.id, a);
    const second = await bookSlot(ten.id, b);
    const early = await bookSlot(nine.id, c);
    const group = await suite
      .http()
      .post('/venues/bookings/group')
      .set(as('teacher'))
      .send({ slotId: ten.id, studentIds: [], teacherCount: 3, note: '教师踩点' })
      .expect(201);
    expect(group.body).toMatchObject({ status: 'pending', places: 3 });

    await setHoliday(HOLIDAY_DAY, '测试区假日');
    const slots = await holidaySlotsOf(HOLIDAY_DAY);
    // The day shows the holiday slots only: the booked 09:00 and 10:00 slots are gone.
    expect(slots.map((s) => `${s.opens} ${s.status}`)).toEqual(
      [
        '09:30',
        '10:30',
        '11:30',
        '12:30',
        '13:30',
        '14:30',
        '15:30',
        '16:30',
        '17:30',
        '18:30',
        '19:30',
      ].map((t) => `${t} open`),
    );
    expect(slots[0]).toMatchObject({ opens: '09:30', closes: '10:30', profile: 'extended' });

    // The 10:00 bookings now hold the 09:30 slot (it covers 10:00), which is full for students.
    const moved = await bookingOf(first.id, a);
    expect(moved).toMatchObject({
      status: 'confirmed',
      slotStartsAt: at(HOLIDAY_DAY, '09:30'),
      slotEndsAt: at(HOLIDAY_DAY, '10:30'),
      previousSlotStartsAt: at(HOLIDAY_DAY, '10:00'),
      previousSlotEndsAt: at(HOLIDAY_DAY, '11:00'),
      changeReason: 'calendar_change',
      slotWithdrawn: false,
    });
    expect(moved.checkInToken).not.toBeNull();
    expect((await bookingOf(second.id, b)).slotStartsAt).toBe(at(HOLIDAY_DAY, '09:30'));
    expect((await bookingOf(group.body.id as string, tokens.teacher)).status).toBe('pending');
    const ninethirty = slots[0];
    expect(moved.slotId).toBe(ninethirty.id);
    expect(ninethirty).toMatchObject({ individualLeft: 0, groupLeft: 7 });
    const overbooked = await suite
      .http()
      .post('/venues/bookings/individual')
      .set(bearer(newStudent()))
      .send({ slotId: ninethirty.id });
    expect(overbooked.status).toBe(409);
    expect(overbooked.body.code).toBe('SLOT_FULL');

    // The QR code of the old time still lets the holder in, in the new slot's entry window.
    expect(first.checkInToken).not.toBeNull();
    expect(moved.checkInToken).not.toBe(first.checkInToken);
    suite.clockOf('venues').now = () => new Date(at(HOLIDAY_DAY, '09:20'));
    try {
      const entered = await suite
        .http()
        .post(`/venues/${venueId}/check-ins`)
        .set(as('staff'))
        .send({ token: first.checkInToken });
      expect(entered.status).toBe(200);
      expect(entered.body).toMatchObject({ id: first.id, status: 'checked_in' });
    } finally {
      suite.clockOf('venues').now = () => new Date(NOW);
    }

    // 09:00 lies in no holiday slot: cancelled, with the reason, its place gone with its slot.
    expect(await bookingOf(early.id, c)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'calendar_change',
      changeReason: 'calendar_change',
      slotStartsAt: at(HOLIDAY_DAY, '09:00'),
      checkInToken: null,
    });

    const [rescheduled] = await events(Topics.events.visitRescheduled, first.id);
    expect(payloadOf(rescheduled)).toMatchObject({
      bookingId: first.id,
      status: 'confirmed',
      reason: 'calendar_change',
      slotId: ninethirty.id,
      slotStartsAt: at(HOLIDAY_DAY, '09:30'),
      previousSlotId: ten.id,
      previousSlotStartsAt: at(HOLIDAY_DAY, '10:00'),
    });
    await events(Topics.events.visitRescheduled, second.id);
    const [pendingMoved] = await events(Topics.events.visitRescheduled, group.body.id as string);
    expect(payloadOf(pendingMoved)).toMatchObject({ kind: 'group', status: 'pending' });
    const [cancelled] = await events(Topics.events.visitCancelled, early.id);
    expect(payloadOf(cancelled)).toMatchObject({
      status: 'cancelled',
      reason: 'calendar_change',
      slotStartsAt: at(HOLIDAY_DAY, '09:00'),
    });

    // Every slot of the day holds exactly its live bookings, within its capacity.
    const ledger = await ledgerOf(HOLIDAY_DAY);
    for (const row of ledger) {
      expect(row.individual_taken).toBe(Number(row.held));
      expect(row.individual_taken).toBeLessThanOrEqual(row.individual_capacity);
    }
    expect(ledger.some((s) => s.starts_at.toISOString() === at(HOLIDAY_DAY, '10:00'))).toBe(false);
  }, 120_000);

  it('never sells more places than capacity while students book during the re-plan', async () => {
    const ten = await slotAt(RACE_DAY, '10:00');
    const students = Array.from({ length: 10 }, () => newStudent());
    const change = setHoliday(RACE_DAY, '测试区竞速假日');
    const answers = await Promise.all(
      students.map(async (token, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 50));
        return suite
          .http()
          .post('/venues/bookings/individual')
          .set(bearer(token))
          .send({ slotId: ten.id });
      }),
    );
    await change;
    await holidaySlotsOf(RACE_DAY);
    // At most two places ever: refused bookings find the slot full, withdrawn or gone; never a 500.
    expect(answers.filter((r) => r.status === 201).length).toBeLessThanOrEqual(2);
    for (const r of answers.filter((x) => x.status !== 201)) {
      expect(['409 SLOT_FULL', '409 SLOT_UNAVAILABLE', '404 SLOT_NOT_FOUND']).toContain(
        `${r.status} ${r.body.code as string}`,
      );
    }
    const rows: { status: string; slot_starts_at: Date; n: string }[] = await db.query(
      `SELECT b.status, b.slot_starts_at, COUNT(*) AS n FROM bookings b
       WHERE b.venue_id = ? AND b.local_date = ? AND b.activity_id IS NULL
       GROUP BY b.status, b.slot_starts_at`,
      [venueId, RACE_DAY],
    );
    for (const row of rows.filter((r) => r.status === 'confirmed')) {
      expect(row.slot_starts_at.toISOString()).not.toBe(at(RACE_DAY, '10:00'));
      expect(Number(row.n)).toBeLessThanOrEqual(2);
    }
    for (const row of await ledgerOf(RACE_DAY)) {
      expect(row.individual_taken).toBe(Number(row.held));
      expect(row.individual_taken).toBeLessThanOrEqual(row.individual_capacity);
    }
  }, 120_000);

  it("refuses an activity outside the day's opening hours, with the hours, and honours holiday hours", async () => {
    const activity = (date: string, startTime: string, endTime: string) =>
      suite
        .http()
        .post(`/venues/${venueId}/activities`)
        .set(as('staff'))
        .send({
          title: '闭馆后的夜场导览',
          kind: 'guided_tour',
          grades: [5, 6],
          date,
          startTime,
          endTime,
          individualCapacity: 5,
          groupCapacity: 10,
        });
    const late = await activity(ACTIVITY_DAY, '17:30', '18:30');
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({
      code: 'ACTIVITY_OUTSIDE_OPENING_HOURS',
      details: { date: ACTIVITY_DAY, opens: '09:00', closes: '17:00', closed: false },
    });
    const overlapping = await activity(ACTIVITY_DAY, '16:30', '17:30');
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.code).toBe('ACTIVITY_OUTSIDE_OPENING_HOURS');

    // The holiday (first test) opens until 20:30: the evening is within its hours.
    await holidaySlotsOf(HOLIDAY_DAY);
    const evening = await activity(HOLIDAY_DAY, '18:00', '19:00');
    expect(evening.status).toBe(201);
    const early = await activity(HOLIDAY_DAY, '09:00', '10:00');
    expect(early.status).toBe(400);
    expect(early.body.details).toMatchObject({ opens: '09:30', closes: '20:30' });

    // Moving an activity is checked the same way.
    const within = await activity(ACTIVITY_DAY, '10:00', '11:00');
    expect(within.status).toBe(201);
    const movedOut = await suite
      .http()
      .patch(`/venues/activities/${within.body.id as string}`)
      .set(as('staff'))
      .send({ startTime: '08:00', endTime: '09:00' });
    expect(movedOut.status).toBe(400);
    expect(movedOut.body.code).toBe('ACTIVITY_OUTSIDE_OPENING_HOURS');
    expect(
      (
        await suite
          .http()
          .get(`/venues/activities/${within.body.id as string}`)
          .set(as('teacher'))
          .expect(200)
      ).body,
    ).toMatchObject({ startTime: '10:00', endTime: '11:00' });
  }, 120_000);

  it("cancels the day's activities and their bookings when a special closure is added, with events", async () => {
    const created = await suite
      .http()
      .post(`/venues/${venueId}/activities`)
      .set(as('staff'))
      .send({
        title: '周五科学工作坊',
        kind: 'workshop',
        grades: [4, 5],
        date: CLOSURE_DAY,
        startTime: '14:00',
        endTime: '15:00',
        individualCapacity: 5,
        groupCapacity: 10,
      })
      .expect(201);
    const activity = created.body as ActivityView;
    const student = newStudent();
    const individual = (
      await suite
        .http()
        .post(`/venues/activities/${activity.id}/bookings/individual`)
        .set(bearer(student))
        .expect(201)
    ).body as BookingView;
    const group = (
      await suite
        .http()
        .post(`/venues/activities/${activity.id}/bookings/group`)
        .set(as('teacher'))
        .send({ studentIds: [], teacherCount: 2 })
        .expect(201)
    ).body as BookingView;
    const visitor = newStudent();
    const visit = await bookSlot((await slotAt(CLOSURE_DAY, '11:00')).id, visitor);

    await suite
      .http()
      .post(`/venues/${venueId}/closures`)
      .set(as('staff'))
      .send({ date: CLOSURE_DAY, reason: '设备检修' })
      .expect(200);

    const after = (
      await suite.http().get(`/venues/activities/${activity.id}`).set(as('teacher')).expect(200)
    ).body as ActivityView;
    expect(after).toMatchObject({ status: 'cancelled', cancelReason: 'venue closed: 设备检修' });
    for (const [id, token] of [
      [individual.id, student],
      [group.id, tokens.teacher],
      [visit.id, visitor],
    ] as const) {
      expect(await bookingOf(id, token)).toMatchObject({
        status: 'cancelled',
        cancelReason: 'venue_closed',
        changeReason: 'venue_closed',
      });
      const [event] = await events(Topics.events.visitCancelled, id);
      expect(payloadOf(event)).toMatchObject({ status: 'cancelled', reason: 'venue_closed' });
    }
    expect(await slotsOf(CLOSURE_DAY)).toEqual([]);
    const again = await suite
      .http()
      .post(`/venues/activities/${activity.id}/bookings/individual`)
      .set(bearer(newStudent()));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ACTIVITY_CANCELLED');
  }, 120_000);
});
