import { randomUUID } from 'node:crypto';
import {
  Topics,
  type BookingView,
  type EventEnvelope,
  type GroupOfferPayload,
  type GroupWaitlistEntryView,
  type Page,
  type SlotView,
} from '@app/contracts';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor, type RecordedMessage } from '@app/testing';
import type { Clock } from '@app/time';
import { addDays, shanghaiDateOf } from '@app/time';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, findOrganisation, startSuite, untilRosterKnown, type Suite } from '../harness.js';

/**
 * Issue 18 item 6: a waiting list for the group pool. A test venue of its own area (under the
 * demo Jinan bureau) open every day with 4 group places a slot; the demo teacher's school
 * queues requests, the venue's staff decline, and the venues clock moves past an offer.
 */
const AREA = '370191';
const PASSWORD = 'Group-Wait-2026';
const HOUR_MS = 3600_000;

describe('group waiting list (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  let venueId = '';
  let roster: string[] = [];
  let slot: SlotView;
  let otherSlot: SlotView;
  const date = addDays(shanghaiDateOf(new Date()), 4);
  /** Shared between the ordered steps of this file. */
  const state: Record<string, string> = {};

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  const slotNow = async (id: string): Promise<SlotView | undefined> => {
    const res = await suite
      .http()
      .get(`/venues/${venueId}/slots?from=${date}&to=${date}`)
      .set(as('teacher'))
      .expect(200);
    return (res.body as SlotView[]).find((s) => s.id === id);
  };

  const queue = (body: Record<string, unknown>, who = 'teacher') =>
    suite.http().post('/venues/group-waitlist').set(as(who)).send(body);

  const entriesOfSchool = async (): Promise<Map<string, GroupWaitlistEntryView>> => {
    const res = await suite.http().get('/venues/group-waitlist?pageSize=100').set(as('teacher'));
    expect(res.status).toBe(200);
    const page = res.body as Page<GroupWaitlistEntryView>;
    return new Map(page.items.map((e) => [e.id, e]));
  };

  const offerEvents = (entryId: string) =>
    recorder.waitForCount(
      (m: RecordedMessage) => m.topic === Topics.events.groupOfferMade && m.key === entryId,
      1,
    );

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
      JOB_INTERVAL_MS: '1000',
    });
    clock = suite.clockOf('venues');
    recorder = await new TopicRecorder(
      createKafka(testEnv.kafka, `it-group-wait-${randomUUID()}`),
      [Topics.events.groupOfferMade],
    ).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    const me = await suite.http().get('/me').set(as('teacher')).expect(200);
    const schoolId = me.body.organisationId as string;
    const enrolled = await suite
      .http()
      .get(`/roster/students?schoolId=${schoolId}&status=active&pageSize=100`)
      .set(as('teacher'))
      .expect(200);
    roster = (enrolled.body.items as { id: string }[]).map((s) => s.id);
    expect(roster.length).toBeGreaterThanOrEqual(2);

    const jinan = await findOrganisation(
      suite,
      tokens.platform,
      'kind=bureau',
      (o) => o.regionCode === '370100',
    );
    const org = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send({
        kind: 'venue',
        name: `候补测试馆 ${randomUUID().slice(0, 8)}`,
        parentId: jinan.id,
        regionCode: AREA,
        operator: '测试',
      })
      .expect(201);
    const email = `group.wait.${String(org.body.id).slice(0, 8)}@studentpass.test`;
    await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({
        email,
        password: PASSWORD,
        displayName: 'group wait staff',
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
            name: '候补测试馆',
            category: 'museum',
            address: '济南市测试路2号',
            weeklyHours: Object.fromEntries(
              ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
                d,
                { opens: '09:00', closes: '17:00' },
              ]),
            ),
            extendedHours: { opens: '09:00', closes: '17:00' },
            individualCapacity: 10,
            groupCapacity: 4,
          });
        return res.status === 201 ? (res.body.id as string) : undefined;
      },
      { what: 'the venue organisation to reach the venues service' },
    );
    const slots = await suite
      .http()
      .get(`/venues/${venueId}/slots?from=${date}&to=${date}`)
      .set(as('teacher'))
      .expect(200);
    const open = (slots.body as SlotView[]).filter((s) => s.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(2);
    [slot, otherSlot] = open;
  }, 120_000);

  afterAll(async () => {
    await recorder?.stop();
    await suite?.close();
  });

  it('queues group requests only when the group pool cannot take them, and only of the school roster', async () => {
    // The whole group pool taken by a pending request (4 places).
    const first = await untilRosterKnown(() =>
      suite
        .http()
        .post('/venues/bookings/group')
        .set(as('teacher'))
        .send({ slotId: slot.id, studentIds: [roster[0], roster[1]], teacherCount: 2 }),
    );
    expect(first.status).toBe(201);
    expect((await slotNow(slot.id))?.groupLeft).toBe(0);

    const fits = await queue({ slotId: otherSlot.id, studentIds: [roster[0]], teacherCount: 1 });
    expect(fits.status).toBe(409);
    expect(fits.body.code).toBe('SLOT_NOT_FULL');

    const stranger = randomUUID();
    const foreign = await queue({ slotId: slot.id, studentIds: [stranger], teacherCount: 1 });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      code: 'STUDENTS_NOT_IN_SCHOOL',
      details: { studentIds: [stranger] },
    });

    const venueStaff = await queue({ slotId: slot.id, studentIds: [], teacherCount: 2 }, 'staff');
    expect(venueStaff.status).toBe(403);

    const queued = await queue({ slotId: slot.id, studentIds: [roster[0]], teacherCount: 1 });
    expect(queued.status).toBe(201);
    expect(queued.body).toMatchObject({ status: 'waiting', places: 2, offerExpiresAt: null });
    expect((await entriesOfSchool()).get(queued.body.id as string)?.status).toBe('waiting');
    state.firstBookingId = first.body.id as string;
  });

  it('offers freed group places to the first queued request that fits, holding them, and the school accepts: a pending request', async () => {
    // Queued first but too big for the whole pool (5 > 4): passed over, still waiting.
    const tooBig = await queue({ slotId: slot.id, studentIds: [roster[1]], teacherCount: 4 });
    expect(tooBig.status).toBe(201);
    const fitting = await queue({ slotId: slot.id, studentIds: [roster[1]], teacherCount: 2 });
    expect(fitting.status).toBe(201);
    const entries = await entriesOfSchool();
    const earliest = [...entries.values()].find(
      (e) => e.slotId === slot.id && e.places === 2 && e.status === 'waiting',
    );
    expect(earliest).toBeDefined();

    await suite
      .http()
      .post(`/venues/bookings/${state.firstBookingId}/decline`)
      .set(as('staff'))
      .send({ reason: '名额调整' })
      .expect(200);
    // 4 freed: the oldest request that fits (2) is offered; 2 left fit neither 5 nor 3.
    const after = await entriesOfSchool();
    const offered = after.get(earliest!.id);
    expect(offered?.status).toBe('offered');
    expect(offered?.offerExpiresAt).not.toBeNull();
    expect(after.get(tooBig.body.id as string)?.status).toBe('waiting');
    expect(after.get(fitting.body.id as string)?.status).toBe('waiting');
    // Held: the pool shows the offered places taken, not free for anyone else.
    expect((await slotNow(slot.id))?.groupLeft).toBe(2);
    const [event] = await offerEvents(earliest!.id);
    const payload = (JSON.parse(event.value ?? '{}') as EventEnvelope<GroupOfferPayload>).payload;
    expect(payload).toMatchObject({ entryId: earliest!.id, slotId: slot.id, places: 2 });

    const accepted = await suite
      .http()
      .post(`/venues/group-waitlist/${earliest!.id}/accept`)
      .set(as('teacher'));
    expect(accepted.status).toBe(201);
    const booking = accepted.body as BookingView;
    expect(booking).toMatchObject({ kind: 'group', status: 'pending', places: 2 });
    expect((await slotNow(slot.id))?.groupLeft).toBe(2);
    const inbox = await suite
      .http()
      .get(`/venues/${venueId}/inbox?pageSize=100`)
      .set(as('staff'))
      .expect(200);
    expect((inbox.body.items as BookingView[]).map((b) => b.id)).toContain(booking.id);
    expect((await entriesOfSchool()).get(earliest!.id)).toMatchObject({
      status: 'accepted',
      bookingId: booking.id,
    });

    const twice = await suite
      .http()
      .post(`/venues/group-waitlist/${earliest!.id}/accept`)
      .set(as('teacher'));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('OFFER_NOT_OPEN');
    const unknown = await suite
      .http()
      .post(`/venues/group-waitlist/${randomUUID()}/accept`)
      .set(as('teacher'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('WAITLIST_ENTRY_NOT_FOUND');
    state.fittingId = fitting.body.id as string;
  });

  it('lets an offer not taken lapse and passes its places down the queue', async () => {
    // 2 places left: a 3-place request of teachers only queues behind the others.
    const small = await queue({ slotId: slot.id, studentIds: [], teacherCount: 3 });
    expect(small.status).toBe(201);
    // A request takes the last 2 places and is cancelled: 2 free fit no queued request.
    const booked = await suite.http().post('/venues/bookings/group').set(as('teacher')).send({
      slotId: slot.id,
      studentIds: [],
      teacherCount: 2,
    });
    expect(booked.status).toBe(201);
    expect((await slotNow(slot.id))?.groupLeft).toBe(0);
    await suite
      .http()
      .post(`/venues/bookings/${booked.body.id}/cancel`)
      .set(as('teacher'))
      .expect(200);
    // Cancelled: 2 freed; the queued 3-place request does not fit 2, nothing is offered.
    expect((await entriesOfSchool()).get(state.fittingId)?.status).toBe('waiting');
    expect((await slotNow(slot.id))?.groupLeft).toBe(2);

    // The pending request of the accepted offer is declined: 4 free, the oldest fitting (3) is offered.
    const inbox = await suite
      .http()
      .get(`/venues/${venueId}/inbox?pageSize=100`)
      .set(as('staff'))
      .expect(200);
    const pending = (inbox.body.items as BookingView[]).find((b) => b.slotId === slot.id);
    await suite
      .http()
      .post(`/venues/bookings/${pending!.id}/decline`)
      .set(as('staff'))
      .send({ reason: '名额调整' })
      .expect(200);
    let entries = await entriesOfSchool();
    expect(entries.get(state.fittingId)?.status).toBe('offered');
    expect(entries.get(small.body.id as string)?.status).toBe('waiting');
    expect((await slotNow(slot.id))?.groupLeft).toBe(1);

    // Past the offer's deadline the job lapses it; its 3 places go to the next that fits.
    const realNow = clock.now.bind(clock);
    clock.now = () => new Date(realNow().getTime() + 25 * HOUR_MS);
    try {
      entries = await waitFor(
        async () => {
          const now = await entriesOfSchool();
          return now.get(state.fittingId)?.status === 'expired' ? now : undefined;
        },
        { timeoutMs: 20_000, intervalMs: 300, what: 'the offer to lapse' },
      );
      expect(entries.get(small.body.id as string)?.status).toBe('offered');
      await offerEvents(small.body.id as string);
      const late = await suite
        .http()
        .post(`/venues/group-waitlist/${state.fittingId}/accept`)
        .set(as('teacher'));
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('OFFER_NOT_OPEN');
    } finally {
      clock.now = realNow;
    }
  });
});
