import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { schoolYearOfDate, type SlotView } from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { waitFor } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { VenuesConfig } from '../../apps/venues/src/config.js';
import { venuesDatabase } from '../../apps/venues/src/database/database.js';
import { signAccessToken, testAppEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite, untilRosterKnown, findOrganisation } from '../harness.js';

/**
 * Security of the venues service (issue 12), through the gateway on real Kafka and MySQL:
 *
 * 1. Bookings name only students of the booking's school: two test schools with roster
 *    students (A, B) and one without any (C); the venues service learns the roster from the
 *    directory's events (its own copy, group `venues-roster`).
 * 2. A venue's organisation and region: two test county bureaus under Jinan (370193 X,
 *    370194 Y) with their admins, a Jinan-wide venue organisation and one in each county.
 */
const PASSWORD = 'Security-Venues-2026';
const today = (): string => shanghaiDateOf(new Date());
/** The first date on or after `from` that falls on `weekday` (0 Sunday … 6 Saturday). */
const nextWeekday = (from: string, weekday: number): string => {
  let date = from;
  while (new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday) date = addDays(date, 1);
  return date;
};

interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; details?: { studentIds?: string[] } };
}

describe('security: venues (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  let db: DataSource;
  const tag = randomUUID().slice(0, 8);
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const ids: Record<string, string> = {};
  const students: Record<string, string> = {};
  /** A Wednesday at least two days ahead: the test venue is open (Tuesday to Sunday). */
  const day = nextWeekday(addDays(today(), 2), 3);
  let slots: SlotView[] = [];

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  async function organisation(body: Record<string, unknown>): Promise<string> {
    const res = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send({ ...body, name: `${body.name as string} ${tag}` })
      .expect(201);
    return res.body.id as string;
  }

  async function account(who: string, role: string, organisationId: string): Promise<void> {
    const email = `sec-venues-${who}-${tag}@test.local`;
    await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({ email, password: PASSWORD, displayName: who, role, organisationId })
      .expect(201);
    tokens[who] = await login(email, PASSWORD);
  }

  const studentToken = (school: string, studentId?: string): string =>
    signAccessToken(suite.gatewayConfig.JWT_SECRET, {
      role: 'student',
      org: ids[school],
      stu: studentId ?? null,
    });

  const post = (
    path: string,
    headers: Record<string, string>,
    body: Record<string, unknown> = {},
  ): Promise<Answer> =>
    suite
      .http()
      .post(path)
      .set(headers)
      .send(body)
      .then((res) => ({ status: res.status, body: res.body as Answer['body'] }));

  const patch = (path: string, who: string, body: Record<string, unknown>): Promise<Answer> =>
    suite
      .http()
      .patch(path)
      .set(as(who))
      .send(body)
      .then((res) => ({ status: res.status, body: res.body as Answer['body'] }));

  /** Places and bookings of a slot, straight from the venues database. */
  const slotState = async (slotId: string) => {
    const [row] = await db.query(
      `SELECT s.group_taken, s.individual_taken,
         (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id) AS bookings
       FROM slots s WHERE s.id = ?`,
      [slotId],
    );
    return {
      groupTaken: Number(row.group_taken),
      individualTaken: Number(row.individual_taken),
      bookings: Number(row.bookings),
    };
  };

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    db = new DataSource(dataSourceOptions(venuesDatabase(loadConfig(VenuesConfig, testAppEnv()))));
    await db.initialize();
    tokens.platform = await login(DEMO.email, DEMO.password);

    ids.jinan = (
      await findOrganisation(
        suite,
        tokens.platform,
        'kind=bureau',
        (o) => o.regionCode === '370100',
      )
    ).id;
    ids.countyX = await organisation({
      kind: 'bureau',
      name: '安全测试X区教育局',
      parentId: ids.jinan,
      regionCode: '370193',
      level: 'county',
    });
    ids.countyY = await organisation({
      kind: 'bureau',
      name: '安全测试Y区教育局',
      parentId: ids.jinan,
      regionCode: '370194',
      level: 'county',
    });
    ids.venueOrgCity = await organisation({
      kind: 'venue',
      name: '安全测试市级场馆',
      parentId: ids.jinan,
      regionCode: '370100',
      operator: '测试',
    });
    ids.venueOrgX = await organisation({
      kind: 'venue',
      name: '安全测试X区场馆',
      parentId: ids.countyX,
      regionCode: '370193',
      operator: '测试',
    });
    ids.venueOrgY = await organisation({
      kind: 'venue',
      name: '安全测试Y区场馆',
      parentId: ids.countyY,
      regionCode: '370194',
      operator: '测试',
    });
    for (const school of ['A', 'B', 'C']) {
      ids[`school${school}`] = await organisation({
        kind: 'school',
        name: `安全测试学校${school}`,
        parentId: school === 'B' ? ids.countyY : ids.countyX,
        regionCode: school === 'B' ? '370194' : '370193',
        stage: 'primary',
      });
      await account(`teacher${school}`, 'school_staff', ids[`school${school}`]);
    }
    await account('adminX', 'bureau_admin', ids.countyX);
    await account('adminY', 'bureau_admin', ids.countyY);
    await account('adminJinan', 'bureau_admin', ids.jinan);
    await account('staff', 'venue_staff', ids.venueOrgCity);

    // Roster: A1, A2, A3 at school A, B1 at school B; school C has nobody.
    const schoolYear = schoolYearOfDate(today());
    for (const [school, names] of [
      ['A', ['A1', 'A2', 'A3']],
      ['B', ['B1']],
    ] as const) {
      const made = await suite
        .http()
        .post('/roster/classes')
        .set(as(`teacher${school}`))
        .send({ schoolId: ids[`school${school}`], schoolYear, grade: 5, name: '五年级1班' })
        .expect(201);
      for (const name of names) {
        const enrolled = await suite
          .http()
          .post('/roster/students')
          .set(as(`teacher${school}`))
          .send({
            classId: made.body.id as string,
            studentNumber: `S${tag}${name}`,
            name: `学生${name}`,
            gender: 'female',
            dateOfBirth: '2016-03-01',
          })
          .expect(201);
        students[name] = enrolled.body.id as string;
      }
    }

    // The booking venue (Jinan-wide organisation, in county X), once its organisation is known.
    ids.venue = await waitFor(
      async () => {
        const res = await post('/venues', as('staff'), {
          name: '安全测试博物馆',
          category: 'museum',
          regionCode: '370193',
          individualCapacity: 1,
          groupCapacity: 100,
        });
        return res.status === 201 ? (res.body.id as string) : undefined;
      },
      { what: 'the venue organisation to reach the venues service', timeoutMs: 60_000 },
    );
    const listed = await suite
      .http()
      .get(`/venues/${ids.venue}/slots?from=${day}&to=${day}`)
      .set(as('teacherA'))
      .expect(200);
    slots = listed.body as SlotView[];
    expect(slots.length).toBeGreaterThanOrEqual(3);
    const activity = await post(`/venues/${ids.venue}/activities`, as('staff'), {
      title: '安全测试导览',
      kind: 'guided_tour',
      grades: [5],
      date: day,
      startTime: '10:00',
      endTime: '11:00',
      individualCapacity: 5,
      groupCapacity: 40,
    });
    expect(activity.status).toBe(201);
    ids.activity = activity.body.id as string;
  }, 180_000);

  afterAll(async () => {
    await db?.destroy();
    await suite?.close();
  });

  describe('students named by a booking', () => {
    it("refuses a group visit naming another school's student or an unknown id, listing them, and writes nothing", async () => {
      const slot = slots[0].id;
      // The schools' own students are taken (once the roster has reached the venues service).
      const own = await untilRosterKnown(
        () =>
          post('/venues/bookings/group', as('teacherA'), {
            slotId: slot,
            studentIds: [students.A1, students.A2],
            teacherCount: 1,
          }),
        "school A's roster",
      );
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'pending', studentCount: 2 });
      const ofB = await untilRosterKnown(
        () =>
          post('/venues/bookings/group', as('teacherB'), {
            slotId: slot,
            studentIds: [students.B1],
            teacherCount: 1,
          }),
        "school B's roster",
      );
      expect(ofB.status).toBe(201);

      const before = await slotState(slot);
      const unknown = randomUUID();
      const foreign = await post('/venues/bookings/group', as('teacherA'), {
        slotId: slot,
        studentIds: [students.A1, students.B1, unknown],
        teacherCount: 1,
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.code).toBe('STUDENTS_NOT_IN_SCHOOL');
      expect(foreign.body.details?.studentIds).toEqual([students.B1, unknown]);
      expect(await slotState(slot)).toEqual(before);

      // A school without a single roster row refuses every id too.
      const empty = await post('/venues/bookings/group', as('teacherC'), {
        slotId: slot,
        studentIds: [students.B1],
        teacherCount: 1,
      });
      expect(empty.status).toBe(400);
      expect(empty.body).toMatchObject({
        code: 'STUDENTS_NOT_IN_SCHOOL',
        details: { studentIds: [students.B1] },
      });
      // Teachers alone name nobody.
      const teachersOnly = await post('/venues/bookings/group', as('teacherC'), {
        slotId: slot,
        studentIds: [],
        teacherCount: 2,
      });
      expect(teachersOnly.status).toBe(201);
      expect((await slotState(slot)).groupTaken).toBe(before.groupTaken + 2);
    });

    it('refuses the same for a group request of an activity', async () => {
      const path = `/venues/activities/${ids.activity}/bookings/group`;
      const foreign = await post(path, as('teacherA'), {
        studentIds: [students.A1, students.B1],
        teacherCount: 1,
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body).toMatchObject({
        code: 'STUDENTS_NOT_IN_SCHOOL',
        details: { studentIds: [students.B1] },
      });
      expect(await slotState(ids.activity)).toMatchObject({ groupTaken: 0, bookings: 0 });
      const own = await post(path, as('teacherA'), {
        studentIds: [students.A1],
        teacherCount: 1,
      });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'pending', activityId: ids.activity });
    });

    it("refuses an individual booking by a student account linked to another school's student", async () => {
      const slot = slots[1].id;
      const foreign = await post(
        '/venues/bookings/individual',
        bearer(studentToken('schoolA', students.B1)),
        {
          slotId: slot,
        },
      );
      expect(foreign.status).toBe(400);
      expect(foreign.body).toMatchObject({
        code: 'STUDENTS_NOT_IN_SCHOOL',
        details: { studentIds: [students.B1] },
      });
      const activity = await post(
        `/venues/activities/${ids.activity}/bookings/individual`,
        bearer(studentToken('schoolA', randomUUID())),
      );
      expect(activity.status).toBe(400);
      expect(activity.body.code).toBe('STUDENTS_NOT_IN_SCHOOL');
      expect(await slotState(slot)).toMatchObject({ individualTaken: 0, bookings: 0 });

      const own = await post(
        '/venues/bookings/individual',
        bearer(studentToken('schoolA', students.A1)),
        {
          slotId: slot,
        },
      );
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ status: 'confirmed', studentIds: [students.A1] });
    });

    it('keeps the waiting list to students of the school: on joining, and again on accepting an offer', async () => {
      const slot = slots[2].id;
      const first = studentToken('schoolA');
      const booked = await post('/venues/bookings/individual', bearer(first), { slotId: slot });
      expect(booked.status).toBe(201);

      const foreign = await post('/venues/waitlist', bearer(studentToken('schoolA', students.B1)), {
        slotId: slot,
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body).toMatchObject({
        code: 'STUDENTS_NOT_IN_SCHOOL',
        details: { studentIds: [students.B1] },
      });

      // A3 waits, then leaves the school before the offer comes.
      const a3 = studentToken('schoolA', students.A3);
      const waiting = await post('/venues/waitlist', bearer(a3), { slotId: slot });
      expect(waiting.status).toBe(201);
      await suite
        .http()
        .post(`/roster/students/${students.A3}/withdraw`)
        .set(as('teacherA'))
        .send({ reason: '转学' })
        .expect(200);
      // The withdrawal has reached the venues service once A3 may not join another list.
      const full = slots[1].id;
      await waitFor(
        async () => {
          const res = await post('/venues/waitlist', bearer(studentToken('schoolA', students.A3)), {
            slotId: full,
          });
          return res.body.code === 'STUDENTS_NOT_IN_SCHOOL' ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 300, what: 'the withdrawal to reach the venues service' },
      );

      await suite
        .http()
        .post(`/venues/bookings/${booked.body.id as string}/cancel`)
        .set(bearer(first))
        .expect(200);
      const offered = await suite.http().get('/venues/waitlist').set(bearer(a3)).expect(200);
      expect(offered.body.items[0]).toMatchObject({ id: waiting.body.id, status: 'offered' });
      const accepted = await post(
        `/venues/waitlist/${waiting.body.id as string}/accept`,
        bearer(a3),
      );
      expect(accepted.status).toBe(400);
      expect(accepted.body).toMatchObject({
        code: 'STUDENTS_NOT_IN_SCHOOL',
        details: { studentIds: [students.A3] },
      });
      const [{ n }] = await db.query(
        `SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ? AND status = 'confirmed'`,
        [slot],
      );
      expect(Number(n)).toBe(0);
    });
  });

  describe("a venue's organisation and region", () => {
    const venueBody = (extra: Record<string, unknown>) => ({
      name: '安全测试新馆',
      category: 'museum',
      ...extra,
    });
    const venuesOf = async (organisationId: string): Promise<number> => {
      const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM venues WHERE organisation_id = ?', [
        organisationId,
      ]);
      return Number(n);
    };

    beforeAll(async () => {
      // Every test organisation has reached the venues service.
      await waitFor(
        async () => {
          const [{ n }] = await db.query(
            'SELECT COUNT(*) AS n FROM known_organisations WHERE id IN (?)',
            [[ids.countyX, ids.countyY, ids.venueOrgX, ids.venueOrgY]],
          );
          return Number(n) === 4 ? true : undefined;
        },
        { what: 'the test organisations to reach the venues service', timeoutMs: 60_000 },
      );
    });

    it("answers 404 to a bureau admin creating a venue in another district's organisation", async () => {
      for (const extra of [{ regionCode: '370193' }, {}]) {
        const res = await post(
          '/venues',
          as('adminX'),
          venueBody({ organisationId: ids.venueOrgY, ...extra }),
        );
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('VENUE_ORGANISATION_NOT_FOUND');
      }
      expect(await venuesOf(ids.venueOrgY)).toBe(0);
      // Its own district's organisation: created, in the organisation's region.
      const own = await post('/venues', as('adminX'), venueBody({ organisationId: ids.venueOrgX }));
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ organisationId: ids.venueOrgX, regionCode: '370193' });
    });

    it('answers 404 to venue staff creating a venue of another organisation', async () => {
      const res = await post('/venues', as('staff'), venueBody({ organisationId: ids.venueOrgY }));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('VENUE_ORGANISATION_NOT_FOUND');
      expect(await venuesOf(ids.venueOrgY)).toBe(0);
    });

    it("refuses a venue whose region lies outside its organisation's region (400)", async () => {
      const before = await venuesOf(ids.venueOrgX);
      for (const who of ['platform', 'adminX']) {
        const res = await post(
          '/venues',
          as(who),
          venueBody({ organisationId: ids.venueOrgX, regionCode: '370194' }),
        );
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'VENUE_REGION_OUTSIDE_ORGANISATION',
          details: { regionCode: '370194', organisationRegionCode: '370193' },
        });
      }
      expect(await venuesOf(ids.venueOrgX)).toBe(before);
    });

    it("lets venue staff edit their venue but not move it; only a bureau admin of the target region moves it, inside the organisation's region", async () => {
      const created = await post('/venues', as('staff'), venueBody({ regionCode: '370193' }));
      expect(created.status).toBe(201);
      const path = `/venues/${created.body.id as string}`;
      const regionOf = async () =>
        (await suite.http().get(path).set(as('staff')).expect(200)).body.regionCode as string;

      const staffMove = await patch(path, 'staff', { regionCode: '370194' });
      expect(staffMove.status).toBe(403);
      expect(staffMove.body.code).toBe('REGION_CHANGE_NOT_ALLOWED');
      const staffOrganisation = await patch(path, 'staff', { organisationId: ids.venueOrgY });
      expect(staffOrganisation.status).toBe(400);
      expect(await regionOf()).toBe('370193');
      const staffEdit = await patch(path, 'staff', {
        name: '安全测试新馆（改名）',
        regionCode: '370193',
      });
      expect(staffEdit.status).toBe(200);
      expect(staffEdit.body).toMatchObject({ name: '安全测试新馆（改名）', regionCode: '370193' });

      // County X's admin manages the venue (it lies in X) but may not move it out of X.
      const outOfArea = await patch(path, 'adminX', { regionCode: '370194' });
      expect(outOfArea.status).toBe(403);
      expect(outOfArea.body.code).toBe('REGION_CHANGE_NOT_ALLOWED');
      // County Y's admin does not manage it at all.
      expect((await patch(path, 'adminY', { regionCode: '370194' })).status).toBe(403);
      expect(await regionOf()).toBe('370193');

      // Outside the organisation's region (Jinan), not even a platform admin.
      const qingdao = await patch(path, 'platform', { regionCode: '370202' });
      expect(qingdao.status).toBe(400);
      expect(qingdao.body.code).toBe('VENUE_REGION_OUTSIDE_ORGANISATION');
      expect(await regionOf()).toBe('370193');

      const moved = await patch(path, 'adminJinan', { regionCode: '370194' });
      expect(moved.status).toBe(200);
      expect(moved.body.regionCode).toBe('370194');
    });
  });
});
