import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import {
  Topics,
  type BookingView,
  type EventEnvelope,
  type SlotView,
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
 * Venues through the gateway: a test museum in its own area (370190, under the demo Jinan
 * bureau), whose calendar the test sets through /calendar; the venues service learns it from
 * the directory's events. Check-in's entry window is widened so that a slot days ahead can be
 * checked in now.
 */
const AREA = '370190';
const PASSWORD = 'Venues-Test-2026';
const today = (): string => shanghaiDateOf(new Date());
/** The first date on or after `from` that falls on `weekday` (0 Sunday … 6 Saturday). */
const nextWeekday = (from: string, weekday: number): string => {
  let date = from;
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday) date = addDays(date, 1);
  return date;
};
const schoolYearOf = (date: string): string => {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
};

/** An access token as the directory signs it (HS256), for many students at once. */
const studentToken = (secret: string, schoolId: string, studentId?: string): string =>
  signAccessToken(secret, { role: 'student', org: schoolId, stu: studentId ?? null });

describe('venues: calendars, slots, bookings and check-in (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  let db: DataSource;
  let recorder: TopicRecorder;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  let schoolId: string;
  let venueId: string;
  let venueOrgId: string;
  /** The students who got a place in the contended slot, with their bookings. */
  const winners: { token: string; bookingId: string }[] = [];
  /** Roster ids of the demo school's students: a booking names only its school's students. */
  let roster: string[] = [];

  const start = addDays(today(), 2);
  const holidayMonday = nextWeekday(start, 1);
  const makeupSaturday = nextWeekday(start, 6);
  const vacationWednesday = nextWeekday(start, 3);
  const ordinaryFriday = addDays(vacationWednesday, 2);

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
    expect([201, 409]).toContain(res.status);
    return login(email, PASSWORD);
  }

  const slotsOf = async (date: string, who = 'teacher'): Promise<SlotView[]> => {
    const res = await suite
      .http()
      .get(`/venues/${venueId}/slots?from=${date}&to=${date}`)
      .set(as(who))
      .expect(200);
    return res.body as SlotView[];
  };

  const visitEvents = (topic: string, bookingId: string, count = 1) =>
    recorder.waitForCount((m: RecordedMessage) => m.topic === topic && m.key === bookingId, count);
  const payloadOf = (m: RecordedMessage) =>
    (JSON.parse(m.value ?? '{}') as EventEnvelope<VisitEventPayload>).payload;

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
      CHECKIN_EARLY_MINUTES: '525600',
      JOB_INTERVAL_MS: '1000',
    });
    db = new DataSource(dataSourceOptions(venuesDatabase(loadConfig(VenuesConfig, testAppEnv()))));
    await db.initialize();
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-venues'), [
      Topics.events.visitConfirmed,
      Topics.events.visitDeclined,
      Topics.events.visitCheckedIn,
      Topics.events.visitNoShow,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.museum = await login('museum@studentpass.local', DEMO.password);

    const me = await suite.http().get('/me').set(as('teacher')).expect(200);
    schoolId = me.body.organisationId as string;
    const enrolled = await suite
      .http()
      .get(`/roster/students?schoolId=${schoolId}&status=active&pageSize=100`)
      .set(as('teacher'))
      .expect(200);
    roster = (enrolled.body.items as { id: string }[]).map((s) => s.id);
    expect(roster.length).toBeGreaterThanOrEqual(2);
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
        name: `测试博物馆 ${randomUUID().slice(0, 8)}`,
        parentId: jinan?.id,
        regionCode: AREA,
        operator: '测试',
      })
      .expect(201);
    venueOrgId = org.body.id as string;
    tokens.staff = await account(
      `venue.staff.${venueOrgId.slice(0, 8)}@studentpass.test`,
      'venue_staff',
      venueOrgId,
    );

    // A clean calendar for the test area: earlier runs' entries are removed through the API.
    for (const year of new Set([start.slice(0, 4), addDays(start, 14).slice(0, 4)])) {
      const holidays = await suite
        .http()
        .get(`/calendar/holidays?areaCode=${AREA}&year=${year}`)
        .set(as('platform'))
        .expect(200);
      for (const h of holidays.body.items as { id: string; areaCode: string }[]) {
        if (h.areaCode === AREA)
          await suite.http().delete(`/calendar/holidays/${h.id}`).set(as('platform')).expect(204);
      }
    }
    const vacations = await suite
      .http()
      .get(`/calendar/vacations?areaCode=${AREA}`)
      .set(as('platform'))
      .expect(200);
    for (const v of vacations.body.items as { id: string; areaCode: string }[]) {
      if (v.areaCode === AREA)
        await suite.http().delete(`/calendar/vacations/${v.id}`).set(as('platform')).expect(204);
    }

    // The venue, once the venues service has heard of its organisation.
    venueId = await waitFor(
      async () => {
        const res = await suite
          .http()
          .post('/venues')
          .set(as('staff'))
          .send({
            name: '测试博物馆',
            category: 'museum',
            address: '济南市测试路1号',
            weeklyHours: Object.fromEntries(
              ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
                d,
                { opens: '09:00', closes: '17:00' },
              ]),
            ),
            extendedHours: { opens: '09:00', closes: '20:00' },
            individualCapacity: 50,
            groupCapacity: 100,
          });
        return res.status === 201 ? (res.body.id as string) : undefined;
      },
      { what: 'the venue organisation to reach the venues service' },
    );

    await suite
      .http()
      .post('/calendar/holidays')
      .set(as('platform'))
      .send({ areaCode: AREA, date: holidayMonday, kind: 'holiday', name: '测试节' })
      .expect(200);
    await suite
      .http()
      .post('/calendar/holidays')
      .set(as('platform'))
      .send({ areaCode: AREA, date: makeupSaturday, kind: 'makeup_workday', name: '测试节' })
      .expect(200);
    await suite
      .http()
      .post('/calendar/vacations')
      .set(as('platform'))
      .send({
        areaCode: AREA,
        schoolYear: schoolYearOf(vacationWednesday),
        kind: 'summer',
        startsOn: vacationWednesday,
        endsOn: addDays(vacationWednesday, 1),
      })
      .expect(201);
  });

  afterAll(async () => {
    await recorder?.stop();
    await db?.destroy();
    await suite?.close();
  });

  it('opens on a statutory holiday Monday until 20:00, keeps a make-up Saturday ordinary, extends vacation days', async () => {
    const monday = await waitFor(
      async () => {
        const slots = await slotsOf(holidayMonday);
        return slots.length > 0 && slots;
      },
      { what: 'slots on the holiday Monday' },
    );
    expect(monday[0]).toMatchObject({
      opens: '09:00',
      profile: 'extended',
      reason: 'holiday:测试节',
    });
    expect(monday.at(-1)).toMatchObject({ closes: '20:00' });
    expect(monday).toHaveLength(11);

    const wednesday = await waitFor(
      async () => {
        const slots = await slotsOf(vacationWednesday);
        return slots.at(-1)?.closes === '20:00' && slots;
      },
      { what: 'extended hours in the vacation' },
    );
    expect(wednesday[0]).toMatchObject({ profile: 'extended', reason: 'vacation:summer' });

    const saturday = await waitFor(
      async () => {
        const slots = await slotsOf(makeupSaturday);
        return slots[0]?.reason === 'makeup_workday' && slots;
      },
      { what: 'the make-up Saturday' },
    );
    expect(saturday.at(-1)).toMatchObject({ closes: '17:00', profile: 'ordinary' });
    expect(saturday).toHaveLength(8);

    const friday = await slotsOf(ordinaryFriday);
    expect(friday.at(-1)).toMatchObject({ closes: '17:00', reason: 'weekday' });
    // An ordinary Monday (no holiday) stays closed.
    const otherMonday =
      addDays(holidayMonday, 7) <= addDays(today(), 13)
        ? addDays(holidayMonday, 7)
        : addDays(holidayMonday, -7);
    if (otherMonday >= today()) expect(await slotsOf(otherMonday)).toEqual([]);
  });

  it('confirms exactly 50 of 200 concurrent individual bookings for 50 places; the rest are SLOT_FULL', async () => {
    const [slot] = await slotsOf(ordinaryFriday);
    const secret = suite.gatewayConfig.JWT_SECRET;
    const students = Array.from({ length: 200 }, () => studentToken(secret, schoolId));
    const answers = await Promise.all(
      students.map((token) =>
        suite
          .http()
          .post('/venues/bookings/individual')
          .set(bearer(token))
          .send({ slotId: slot.id }),
      ),
    );
    answers.forEach((r, i) => {
      if (r.status === 201) winners.push({ token: students[i], bookingId: r.body.id as string });
    });
    const statuses = answers.map((r) => r.status);
    const unexpected = answers
      .filter((r) => r.status !== 201 && r.body.code !== 'SLOT_FULL')
      .map((r) => `${r.status} ${r.body.code}`);
    expect(unexpected).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(answers.filter((r) => r.status === 409 && r.body.code === 'SLOT_FULL')).toHaveLength(
      150,
    );
    const [rows] = await db.query(
      `SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ? AND status = 'confirmed'`,
      [slot.id],
    );
    expect(Number(rows.n)).toBe(50);
    const [taken] = await db.query('SELECT individual_taken FROM slots WHERE id = ?', [slot.id]);
    expect(Number(taken.individual_taken)).toBe(50);
    const [after] = (await slotsOf(ordinaryFriday)).filter((s) => s.id === slot.id);
    expect(after.individualLeft).toBe(0);
  });

  it('makes one booking for one Idempotency-Key, and refuses the key with another body', async () => {
    tokens.student = await account(
      `student.${venueOrgId.slice(0, 8)}@studentpass.test`,
      'student',
      schoolId,
    );
    const slots = await slotsOf(ordinaryFriday);
    const slot = slots[1];
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        suite
          .http()
          .post('/venues/bookings/individual')
          .set(as('student'))
          .set('Idempotency-Key', key)
          .send({ slotId: slot.id }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((r) => r.body.id as string)).size).toBe(1);
    expect(answers[0].body).toMatchObject({ status: 'confirmed', kind: 'individual' });
    const [rows] = await db.query('SELECT COUNT(*) AS n FROM bookings WHERE idempotency_key = ?', [
      key,
    ]);
    expect(Number(rows.n)).toBe(1);

    const other = await suite
      .http()
      .post('/venues/bookings/individual')
      .set(as('student'))
      .set('Idempotency-Key', key)
      .send({ slotId: slots[2].id });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const sameDay = await suite
      .http()
      .post('/venues/bookings/individual')
      .set(as('student'))
      .send({ slotId: slots[2].id });
    expect(sameDay.status).toBe(409);
    expect(sameDay.body.code).toBe('ALREADY_BOOKED_THAT_DAY');
  });

  it('takes a group request from pending to confirmed to checked in, refusing forged tokens and a second check-in', async () => {
    const slot = (await slotsOf(ordinaryFriday))[3];
    const requested = await untilRosterKnown(() =>
      suite
        .http()
        .post('/venues/bookings/group')
        .set(as('teacher'))
        .send({
          slotId: slot.id,
          studentIds: [roster[0], roster[1]],
          teacherCount: 1,
          note: '三年级二班',
        }),
    );
    expect(requested.status).toBe(201);
    const booking = requested.body as BookingView;
    expect(booking).toMatchObject({
      status: 'pending',
      places: 3,
      checkInToken: null,
      schoolOrganisationId: schoolId,
    });

    // Another venue's staff see nothing of it.
    expect((await suite.http().get(`/venues/${venueId}/inbox`).set(as('museum'))).status).toBe(404);
    const foreign = await suite
      .http()
      .post(`/venues/bookings/${booking.id}/confirm`)
      .set(as('museum'));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('BOOKING_NOT_FOUND');

    const inbox = await suite.http().get(`/venues/${venueId}/inbox`).set(as('staff')).expect(200);
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ id: booking.id, groupPlacesLeft: 97 }),
    );

    const confirmed = await suite
      .http()
      .post(`/venues/bookings/${booking.id}/confirm`)
      .set(as('staff'))
      .expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    const token = confirmed.body.checkInToken as string;
    const [event] = await visitEvents(Topics.events.visitConfirmed, booking.id);
    expect(payloadOf(event)).toMatchObject({
      venueId,
      studentCount: 2,
      teacherCount: 1,
      schoolOrganisationId: schoolId,
    });

    const [v, body, mac] = token.split('.');
    const tampered = Buffer.from(
      Buffer.from(body, 'base64url')
        .toString()
        .replace(/T\d\d:/, 'T23:'),
    ).toString('base64url');
    for (const bad of [
      `${v}.${tampered}.${mac}`,
      `${v}.${body}.${createHmac('sha256', 'forged-key').update(body).digest('base64url')}`,
    ]) {
      const res = await suite
        .http()
        .post(`/venues/${venueId}/check-ins`)
        .set(as('staff'))
        .send({ token: bad });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CHECKIN_TOKEN_INVALID');
    }

    const checkedIn = await suite
      .http()
      .post(`/venues/${venueId}/check-ins`)
      .set(as('staff'))
      .send({ token })
      .expect(200);
    expect(checkedIn.body).toMatchObject({ id: booking.id, status: 'checked_in' });
    const again = await suite
      .http()
      .post(`/venues/${venueId}/check-ins`)
      .set(as('staff'))
      .send({ token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_CHECKED_IN');
    await visitEvents(Topics.events.visitCheckedIn, booking.id);
  });

  it('gives the places of a declined request back', async () => {
    const slot = (await slotsOf(ordinaryFriday))[4];
    const requested = await untilRosterKnown(() =>
      suite
        .http()
        .post('/venues/bookings/group')
        .set(as('teacher'))
        .send({ slotId: slot.id, studentIds: [roster[0]], teacherCount: 9 }),
    );
    expect(requested.status).toBe(201);
    const held = (await slotsOf(ordinaryFriday)).find((s) => s.id === slot.id);
    expect(held?.groupLeft).toBe(90);
    const declined = await suite
      .http()
      .post(`/venues/bookings/${requested.body.id}/decline`)
      .set(as('staff'))
      .send({ reason: '当日闭馆布展' })
      .expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '当日闭馆布展' });
    const freed = (await slotsOf(ordinaryFriday)).find((s) => s.id === slot.id);
    expect(freed?.groupLeft).toBe(100);
    const [event] = await visitEvents(Topics.events.visitDeclined, requested.body.id as string);
    expect(payloadOf(event).reason).toBe('当日闭馆布展');
  });

  it('refuses a student price for a free category, and requires one for a science venue', async () => {
    const priced = await suite.http().post('/venues').set(as('platform')).send({
      organisationId: venueOrgId,
      name: '收费的博物馆',
      category: 'museum',
      studentPriceFen: 500,
    });
    expect(priced.status).toBe(400);
    expect(priced.body.code).toBe('STUDENT_PRICE_NOT_ALLOWED');
    const unpriced = await suite
      .http()
      .post('/venues')
      .set(as('platform'))
      .send({ organisationId: venueOrgId, name: '科技馆', category: 'science_museum' });
    expect(unpriced.status).toBe(400);
    expect(unpriced.body.code).toBe('STUDENT_PRICE_REQUIRED');
  });

  it('has the demo museum, bookable, and finds venues by region and category', async () => {
    const found = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/venues?regionCode=370000&category=museum&pageSize=100')
          .set(as('teacher'))
          .expect(200);
        return (res.body.items as { name: string; organisationId: string }[]).find(
          (v) => v.name === '山东博物馆',
        );
      },
      { what: 'the demo museum' },
    );
    expect(found).toBeDefined();
    const withPlaces = await suite
      .http()
      .get(`/venues?regionCode=${AREA}&date=${holidayMonday}`)
      .set(as('teacher'))
      .expect(200);
    expect(withPlaces.body.items).toContainEqual(
      expect.objectContaining({ id: venueId, placesLeft: 11 * 150 }),
    );
  });
  it('lets the booker cancel and gives the place back', async () => {
    const slot = (await slotsOf(makeupSaturday))[0];
    const token = studentToken(suite.gatewayConfig.JWT_SECRET, schoolId);
    const booked = await suite
      .http()
      .post('/venues/bookings/individual')
      .set(bearer(token))
      .send({ slotId: slot.id })
      .expect(201);
    expect((await slotsOf(makeupSaturday))[0].individualLeft).toBe(49);
    // The student's school sees the booking but may not cancel it; another venue sees nothing.
    const school = await suite
      .http()
      .post(`/venues/bookings/${booked.body.id}/cancel`)
      .set(as('teacher'));
    expect(school.status).toBe(403);
    const foreign = await suite
      .http()
      .post(`/venues/bookings/${booked.body.id}/cancel`)
      .set(as('museum'));
    expect(foreign.status).toBe(404);
    const cancelled = await suite
      .http()
      .post(`/venues/bookings/${booked.body.id}/cancel`)
      .set(bearer(token))
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', checkInToken: null });
    expect((await slotsOf(makeupSaturday))[0].individualLeft).toBe(50);
  });

  it('offers a freed place to the waiting list in order, holding it for the offer', async () => {
    const slots = await slotsOf(ordinaryFriday);
    const full = slots[0];
    expect(full.individualLeft).toBe(0);
    const secret = suite.gatewayConfig.JWT_SECRET;
    const waiting = [studentToken(secret, schoolId), studentToken(secret, schoolId)];
    const first = await suite
      .http()
      .post('/venues/waitlist')
      .set(bearer(waiting[0]))
      .send({ slotId: full.id })
      .expect(201);
    expect(first.body.status).toBe('waiting');
    await suite
      .http()
      .post('/venues/waitlist')
      .set(bearer(waiting[1]))
      .send({ slotId: full.id })
      .expect(201);
    const notFull = await suite
      .http()
      .post('/venues/waitlist')
      .set(bearer(waiting[0]))
      .send({ slotId: slots[5].id });
    expect(notFull.status).toBe(409);
    expect(notFull.body.code).toBe('SLOT_NOT_FULL');

    await suite
      .http()
      .post(`/venues/bookings/${winners[0].bookingId}/cancel`)
      .set(bearer(winners[0].token))
      .expect(200);
    expect((await slotsOf(ordinaryFriday))[0].individualLeft).toBe(0);
    const offered = await suite.http().get('/venues/waitlist').set(bearer(waiting[0])).expect(200);
    expect(offered.body.items[0]).toMatchObject({ id: first.body.id, status: 'offered' });
    expect(offered.body.items[0].offerExpiresAt).toEqual(expect.any(String));
    const second = await suite.http().get('/venues/waitlist').set(bearer(waiting[1])).expect(200);
    expect(second.body.items[0].status).toBe('waiting');

    const accepted = await suite
      .http()
      .post(`/venues/waitlist/${first.body.id}/accept`)
      .set(bearer(waiting[0]))
      .expect(201);
    expect(accepted.body).toMatchObject({ status: 'confirmed', slotId: full.id });
    const again = await suite
      .http()
      .post(`/venues/waitlist/${first.body.id}/accept`)
      .set(bearer(waiting[0]));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('OFFER_NOT_OPEN');
    const [rows] = await db.query(
      `SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ? AND status = 'confirmed'`,
      [full.id],
    );
    expect(Number(rows.n)).toBe(50);
    const [taken] = await db.query('SELECT individual_taken FROM slots WHERE id = ?', [full.id]);
    expect(Number(taken.individual_taken)).toBe(50);
  });

  it('turns unused bookings of ended slots into no-shows, and bars a student after three', async () => {
    const token = studentToken(suite.gatewayConfig.JWT_SECRET, schoolId);
    const ids: string[] = [];
    for (const date of [holidayMonday, vacationWednesday, makeupSaturday]) {
      const slot = (await slotsOf(date))[2];
      const res = await suite
        .http()
        .post('/venues/bookings/individual')
        .set(bearer(token))
        .send({ slotId: slot.id })
        .expect(201);
      ids.push(res.body.id as string);
    }
    // Time passes: the three slots ended an hour ago, unused.
    await db.query('UPDATE bookings SET slot_starts_at = ?, slot_ends_at = ? WHERE id IN (?)', [
      new Date(Date.now() - 2 * 3600_000),
      new Date(Date.now() - 3600_000),
      ids,
    ]);
    for (const id of ids) {
      await waitFor(
        async () => {
          const res = await suite
            .http()
            .get(`/venues/bookings/${id}`)
            .set(bearer(token))
            .expect(200);
          return res.body.status === 'no_show';
        },
        { what: 'the no-show job' },
      );
      const [event] = await visitEvents(Topics.events.visitNoShow, id);
      expect(payloadOf(event)).toMatchObject({ bookingId: id, status: 'no_show', venueId });
    }
    const slot = (await slotsOf(ordinaryFriday))[6];
    const barred = await suite
      .http()
      .post('/venues/bookings/individual')
      .set(bearer(token))
      .send({ slotId: slot.id });
    expect(barred.status).toBe(403);
    expect(barred.body.code).toBe('BOOKING_BARRED');
    expect(barred.body.message).toMatch(/no-shows/);
    expect(Date.parse(barred.body.details.barredUntil as string)).toBeGreaterThan(
      Date.now() + 29 * 86_400_000,
    );
  });

  it("names a linked student's roster id in an individual booking and its event, and no account id", async () => {
    const slot = (await slotsOf(ordinaryFriday))[3];
    const secret = suite.gatewayConfig.JWT_SECRET;
    const rosterId = roster[0];
    const linked = await untilRosterKnown(() =>
      suite
        .http()
        .post('/venues/bookings/individual')
        .set(bearer(studentToken(secret, schoolId, rosterId)))
        .send({ slotId: slot.id }),
    );
    expect(linked.status).toBe(201);
    expect(linked.body.studentIds).toEqual([rosterId]);
    const [event] = await visitEvents(Topics.events.visitConfirmed, linked.body.id as string);
    expect(payloadOf(event).studentIds).toEqual([rosterId]);
    const unlinked = await suite
      .http()
      .post('/venues/bookings/individual')
      .set(bearer(studentToken(secret, schoolId)))
      .send({ slotId: slot.id })
      .expect(201);
    expect(unlinked.body.studentIds).toEqual([]);
  });

  it('cancels, never deletes, a booking whose slot a special closure withdraws, with the reason (issue 18)', async () => {
    const mine = await suite.http().get('/venues/bookings').set(as('student')).expect(200);
    const booking = (mine.body.items as BookingView[]).find(
      (b) => b.date === ordinaryFriday && b.status === 'confirmed',
    );
    expect(booking).toBeDefined();
    await suite
      .http()
      .post(`/venues/${venueId}/closures`)
      .set(as('staff'))
      .send({ date: ordinaryFriday, reason: '设备检修' })
      .expect(200);
    const cancelled = await suite
      .http()
      .get(`/venues/bookings/${booking?.id}`)
      .set(as('student'))
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'venue_closed',
      changeReason: 'venue_closed',
    });
    // What remains of the day (slots holding check-ins already made) is withdrawn.
    const friday = await slotsOf(ordinaryFriday);
    expect(friday.every((s) => s.status === 'withdrawn')).toBe(true);
    await suite
      .http()
      .delete(`/venues/${venueId}/closures/${ordinaryFriday}`)
      .set(as('staff'))
      .expect(200);
    const still = await suite
      .http()
      .get(`/venues/bookings/${booking?.id}`)
      .set(as('student'))
      .expect(200);
    expect(still.body.status).toBe('cancelled');
    expect(await slotsOf(ordinaryFriday)).toHaveLength(8);
  });
});
