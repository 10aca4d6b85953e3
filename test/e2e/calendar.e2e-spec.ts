import { DataSource } from 'typeorm';
import { Topics, type CalendarChangedPayload, type EventEnvelope } from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, type RecordedMessage } from '@app/testing';
import { directoryDatabase } from '../../apps/directory/src/database/database.js';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite, findOrganisation } from '../harness.js';

/**
 * The calendar through the gateway: terms, vacations, holidays and make-up working days of
 * an area, and what a date is. The data lives in Guizhou (52xxxx), which the demo seed does
 * not touch (only the seed's national 2026 list reaches it, on the dates Guizhou has no entry
 * of its own); its bureaus and admins are made once and found again by later runs, and the
 * area's calendar rows are cleared before each run.
 */
const PROVINCE = '520000';
const CITY = '520100';
const DISTRICT = '520102';
const OTHER_CITY_DISTRICT = '520202';
const PASSWORD = 'Calendar-Test-2026';

const NATIONAL_DAY_CSV = [
  'date,kind,name',
  '2026-09-20,makeup_workday,国庆节',
  '2026-09-25,holiday,中秋节',
  '2026-09-26,holiday,中秋节',
  '2026-09-27,holiday,中秋节',
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d},holiday,国庆节`),
  '2026-10-10,makeup_workday,国庆节',
].join('\n');

interface Org {
  id: string;
  name: string;
}

describe('the calendar (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  const tokens: Record<string, string> = {};
  const created: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  /** The bureau of this name, created on the first run only. */
  async function bureau(name: string, regionCode: string, parent: Org | null): Promise<Org> {
    const found = await findOrganisation(
      suite,
      tokens.platform,
      'kind=bureau',
      (o) => o.name === name,
    ).catch(() => null);
    if (found) return found;
    const res = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send({
        kind: 'bureau',
        name,
        parentId: parent?.id ?? null,
        regionCode,
        level: parent ? 'city' : 'province',
      })
      .expect(201);
    return res.body as Org;
  }

  /** A bureau admin of this organisation, created on the first run only, then signed in. */
  async function bureauAdmin(email: string, organisation: Org): Promise<string> {
    const res = await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({
        email,
        password: PASSWORD,
        displayName: `${organisation.name}管理员`,
        role: 'bureau_admin',
        organisationId: organisation.id,
      });
    expect([201, 409]).toContain(res.status);
    return login(email, PASSWORD);
  }

  /** Guizhou's own entries of a holiday list (the seed's national dates fall through to it). */
  const ownRows = (items: { id: string; areaCode: string }[]) =>
    items.filter((h) => h.areaCode === PROVINCE);

  const day = (date: string, areaCode = DISTRICT, who = 'teacher') =>
    suite.http().get(`/calendar/days/${date}?areaCode=${areaCode}`).set(as(who));

  const eventsFor = (predicate: (payload: CalendarChangedPayload) => boolean, count = 1) =>
    recorder.waitForCount((m: RecordedMessage) => predicate(payloadOf(m)), count);

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const db = new DataSource(dataSourceOptions(directoryDatabase(suite.directoryConfig)));
    await db.initialize();
    for (const table of ['calendar_terms', 'calendar_vacations', 'calendar_holidays']) {
      await db.query(`DELETE FROM ${table} WHERE area_code LIKE '52%'`);
    }
    await db.destroy();
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-calendar'), [
      Topics.events.calendarChanged,
    ]).start();

    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.shandong = await login('province.admin@studentpass.local', DEMO.password);
    const guizhou = await bureau('贵州省教育厅（日历测试）', PROVINCE, null);
    const guiyang = await bureau('贵阳市教育局（日历测试）', CITY, guizhou);
    tokens.guizhou = await bureauAdmin('guizhou.calendar@studentpass.test', guizhou);
    tokens.guiyang = await bureauAdmin('guiyang.calendar@studentpass.test', guiyang);
  });
  afterAll(async () => {
    await recorder?.stop();
    await suite?.close();
  });

  it('answers each kind of day as a user expects, for a district from its province’s data', async () => {
    const term1 = await suite
      .http()
      .post('/calendar/terms')
      .set(as('guizhou'))
      .send({
        areaCode: PROVINCE,
        schoolYear: '2026-2027',
        term: 1,
        startsOn: '2026-09-01',
        endsOn: '2027-01-22',
      })
      .expect(201);
    expect(term1.body).toMatchObject({ areaCode: PROVINCE, term: 1, endsOn: '2027-01-22' });
    created.term1 = term1.body.id;
    await suite
      .http()
      .post('/calendar/terms')
      .set(as('guizhou'))
      .send({
        areaCode: PROVINCE,
        schoolYear: '2026-2027',
        term: 2,
        startsOn: '2027-02-22',
        endsOn: '2027-07-09',
      })
      .expect(201);
    const winter = await suite
      .http()
      .post('/calendar/vacations')
      .set(as('guizhou'))
      .send({
        areaCode: PROVINCE,
        schoolYear: '2026-2027',
        kind: 'winter',
        name: '2027年寒假',
        startsOn: '2027-01-23',
        endsOn: '2027-02-21',
      })
      .expect(201);
    expect(winter.body).toMatchObject({ kind: 'winter', name: '2027年寒假' });
    const imported = await suite
      .http()
      .post('/calendar/holidays/import')
      .set(as('guizhou'))
      .send({ areaCode: PROVINCE, csv: `\uFEFF${NATIONAL_DAY_CSV}\n` })
      .expect(200);
    expect(imported.body).toEqual({
      areaCode: PROVINCE,
      rows: 12,
      created: 12,
      updated: 0,
      unchanged: 0,
    });

    // A National Day weekday: a holiday, not a working day, still in term.
    const holiday = await day('2026-10-02').expect(200);
    expect(holiday.body).toEqual({
      date: '2026-10-02',
      areaCode: DISTRICT,
      isHoliday: true,
      holidayName: '国庆节',
      isMakeupWorkday: false,
      isWeekend: false,
      isWorkingDay: false,
      isVacation: false,
      vacation: null,
      term: { schoolYear: '2026-2027', term: 1, startsOn: '2026-09-01', endsOn: '2027-01-22' },
    });
    // The make-up Saturday after National Day is worked.
    expect((await day('2026-10-10').expect(200)).body).toMatchObject({
      isMakeupWorkday: true,
      isWeekend: true,
      isWorkingDay: true,
      isHoliday: false,
      holidayName: null,
    });
    // An ordinary Sunday is not.
    expect((await day('2026-10-18').expect(200)).body).toMatchObject({
      isWeekend: true,
      isWorkingDay: false,
      isHoliday: false,
      isMakeupWorkday: false,
    });
    // A Monday of the winter vacation: out of term, a working day for adults.
    expect((await day('2027-02-01').expect(200)).body).toMatchObject({
      isVacation: true,
      vacation: { kind: 'winter', name: '2027年寒假', startsOn: '2027-01-23' },
      term: null,
      isWorkingDay: true,
    });
    // An ordinary Wednesday in term, and the term's last day.
    expect((await day('2026-11-04').expect(200)).body).toMatchObject({
      isWorkingDay: true,
      isHoliday: false,
      isVacation: false,
      term: { term: 1 },
    });
    expect((await day('2027-01-22').expect(200)).body.term).toMatchObject({ term: 1 });

    const october = await suite
      .http()
      .get(`/calendar/days?areaCode=${DISTRICT}&from=2026-10-01&to=2026-10-31`)
      .set(as('teacher'))
      .expect(200);
    const days = october.body.days as { date: string; isHoliday: boolean; isWorkingDay: boolean }[];
    expect(days).toHaveLength(31);
    expect(days[0].date).toBe('2026-10-01');
    expect(days[30].date).toBe('2026-10-31');
    expect(days.filter((d) => d.isHoliday)).toHaveLength(7);
    // 22 weekdays, less 5 on holiday, plus the make-up Saturday.
    expect(days.filter((d) => d.isWorkingDay)).toHaveLength(18);
  });

  it('publishes every change on directory.calendar.changed.v1, keyed by area', async () => {
    const [termEvent] = await eventsFor((p) => p.ids.includes(created.term1));
    expect(termEvent.key).toBe(PROVINCE);
    expect(payloadOf(termEvent)).toMatchObject({
      areaCode: PROVINCE,
      kind: 'term',
      action: 'upserted',
      from: '2026-09-01',
      to: '2027-01-22',
      records: [{ id: created.term1, schoolYear: '2026-2027', term: 1 }],
    });
    const list = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${PROVINCE}&year=2026`)
      .set(as('teacher'))
      .expect(200);
    const holidayIds = ownRows(list.body.items).map((h) => h.id);
    expect(holidayIds).toHaveLength(12);
    const [importEvent] = await eventsFor(
      (p) => p.kind === 'holiday' && holidayIds.every((id) => p.ids.includes(id)),
    );
    expect(importEvent.key).toBe(PROVINCE);
    expect(payloadOf(importEvent)).toMatchObject({
      areaCode: PROVINCE,
      action: 'upserted',
      from: '2026-09-20',
      to: '2026-10-10',
      dates: expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-10-10']),
    });

    const summer = await suite
      .http()
      .post('/calendar/vacations')
      .set(as('guizhou'))
      .send({
        areaCode: PROVINCE,
        schoolYear: '2026-2027',
        kind: 'summer',
        startsOn: '2027-07-10',
        endsOn: '2027-08-31',
      })
      .expect(201);
    await suite
      .http()
      .delete(`/calendar/vacations/${summer.body.id}`)
      .set(as('guizhou'))
      .expect(204);
    const [removed] = await eventsFor(
      (p) => p.action === 'deleted' && p.ids.includes(summer.body.id),
    );
    expect(payloadOf(removed)).toMatchObject({ kind: 'vacation', areaCode: PROVINCE });
    const again = await suite
      .http()
      .delete(`/calendar/vacations/${summer.body.id}`)
      .set(as('guizhou'))
      .expect(404);
    expect(again.body.code).toBe('VACATION_NOT_FOUND');
  });

  it('lets a city’s own terms replace the province’s for its districts only', async () => {
    await suite
      .http()
      .post('/calendar/terms')
      .set(as('guiyang'))
      .send({
        areaCode: CITY,
        schoolYear: '2026-2027',
        term: 1,
        startsOn: '2026-09-01',
        endsOn: '2027-01-15',
      })
      .expect(201);
    expect((await day('2027-01-20').expect(200)).body.term).toBeNull();
    expect((await day('2027-01-20', OTHER_CITY_DISTRICT).expect(200)).body.term).toMatchObject({
      term: 1,
      endsOn: '2027-01-22',
    });
    const terms = await suite
      .http()
      .get(`/calendar/terms?areaCode=${DISTRICT}&schoolYear=2026-2027`)
      .set(as('teacher'))
      .expect(200);
    expect(terms.body).toMatchObject({
      areaCode: DISTRICT,
      items: [{ areaCode: CITY, term: 1, endsOn: '2027-01-15' }],
    });
    // Holidays still come from the province, date by date.
    expect((await day('2026-10-02').expect(200)).body.holidayName).toBe('国庆节');
    // A city admin does not manage its province.
    const up = await suite
      .http()
      .post('/calendar/holidays')
      .set(as('guiyang'))
      .send({ areaCode: PROVINCE, date: '2026-11-11', kind: 'holiday', name: '测试节' })
      .expect(403);
    expect(up.body.code).toBe('FORBIDDEN');
  });

  it('imports nothing from a file with bad rows and names each bad line; importing again adds nothing', async () => {
    const bad = [
      'date,kind,name',
      '2027-10-01,holiday,国庆节',
      '2027-02-30,holiday,春节',
      '2027-10-02,holiday,国庆节',
      '2027-10-08,makeup_workday,国庆节',
    ].join('\r\n');
    const rejected = await suite
      .http()
      .post('/calendar/holidays/import')
      .set(as('guizhou'))
      .send({ areaCode: PROVINCE, csv: bad })
      .expect(400);
    expect(rejected.body.code).toBe('HOLIDAY_IMPORT_INVALID');
    expect(rejected.body.details.errors).toEqual([
      { line: 3, reason: expect.stringMatching(/date/) },
      { line: 5, reason: expect.stringMatching(/Saturday or Sunday/) },
    ]);
    const year2027 = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${PROVINCE}&year=2027`)
      .set(as('teacher'))
      .expect(200);
    expect(
      (year2027.body.items as { areaCode: string }[]).filter((h) => h.areaCode === PROVINCE),
    ).toEqual([]);

    const again = await suite
      .http()
      .post('/calendar/holidays/import')
      .set(as('guizhou'))
      .send({ areaCode: PROVINCE, csv: NATIONAL_DAY_CSV })
      .expect(200);
    expect(again.body).toMatchObject({ rows: 12, created: 0, updated: 0, unchanged: 12 });
    const year2026 = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${DISTRICT}&year=2026`)
      .set(as('teacher'))
      .expect(200);
    expect(ownRows(year2026.body.items)).toHaveLength(12);
    expect(ownRows(year2026.body.items)[0]).toMatchObject({
      areaCode: PROVINCE,
      date: '2026-09-20',
      kind: 'makeup_workday',
    });

    // One date entered by hand replaces that date's entry; nothing is duplicated.
    const renamed = await suite
      .http()
      .post('/calendar/holidays')
      .set(as('guizhou'))
      .send({ areaCode: PROVINCE, date: '2026-10-07', kind: 'holiday', name: '国庆节假期' })
      .expect(200);
    expect(renamed.body).toMatchObject({ date: '2026-10-07', name: '国庆节假期' });
    const after = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${PROVINCE}&year=2026`)
      .set(as('teacher'))
      .expect(200);
    expect(ownRows(after.body.items)).toHaveLength(12);
  });

  it('refuses writes to school staff and to the admin of another province, but lets them read', async () => {
    const term = {
      areaCode: PROVINCE,
      schoolYear: '2027-2028',
      term: 1,
      startsOn: '2027-09-01',
      endsOn: '2028-01-21',
    };
    const teacher = await suite.http().post('/calendar/terms').set(as('teacher')).send(term);
    expect(teacher.status).toBe(403);
    expect(teacher.body.code).toBe('FORBIDDEN');
    const teacherImport = await suite
      .http()
      .post('/calendar/holidays/import')
      .set(as('teacher'))
      .send({ areaCode: PROVINCE, csv: NATIONAL_DAY_CSV });
    expect(teacherImport.status).toBe(403);

    const shandong = await suite.http().post('/calendar/terms').set(as('shandong')).send(term);
    expect(shandong.status).toBe(403);
    expect(shandong.body.code).toBe('FORBIDDEN');
    const removal = await suite
      .http()
      .delete(`/calendar/terms/${created.term1}`)
      .set(as('shandong'));
    expect(removal.status).toBe(403);
    await day('2026-11-04').expect(200);

    // Its own province's admin may add that term and take it back.
    const added = await suite.http().post('/calendar/terms').set(as('guizhou')).send(term);
    expect(added.status).toBe(201);
    await suite.http().delete(`/calendar/terms/${added.body.id}`).set(as('guizhou')).expect(204);
    const gone = await suite
      .http()
      .delete(`/calendar/terms/${added.body.id}`)
      .set(as('guizhou'))
      .expect(404);
    expect(gone.body.code).toBe('TERM_NOT_FOUND');

    await day('2026-11-04', DISTRICT, 'shandong').expect(200);
    expect((await day('2026-11-04', DISTRICT, 'shandong')).body.term).toMatchObject({ term: 1 });
  });

  it('answers bad dates with 400 VALIDATION_FAILED and overlapping terms with 409', async () => {
    const fieldsOf = (body: { details: { fields: { field: string }[] } }) =>
      body.details.fields.map((f) => f.field).sort();
    const term = {
      areaCode: '520103',
      schoolYear: '2026-2027',
      term: 1,
      startsOn: '2026-09-01',
      endsOn: '2027-01-20',
    };
    const noSuchDay = await suite
      .http()
      .post('/calendar/terms')
      .set(as('guizhou'))
      .send({ ...term, startsOn: '2026-02-30' })
      .expect(400);
    expect(noSuchDay.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(noSuchDay.body)).toEqual(['startsOn']);
    const backwards = await suite
      .http()
      .post('/calendar/terms')
      .set(as('guizhou'))
      .send({ ...term, endsOn: '2026-08-01' })
      .expect(400);
    expect(fieldsOf(backwards.body)).toEqual(['endsOn']);
    const badDay = await day('2026-13-01').expect(400);
    expect(badDay.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fieldsOf(badDay.body)).toEqual(['date']);
    const tooLong = await suite
      .http()
      .get(`/calendar/days?areaCode=${DISTRICT}&from=2026-01-01&to=2027-01-02`)
      .set(as('teacher'))
      .expect(400);
    expect(fieldsOf(tooLong.body)).toEqual(['to']);
    const badArea = await day('2026-10-01', '5201').expect(400);
    expect(fieldsOf(badArea.body)).toEqual(['areaCode']);

    await suite.http().post('/calendar/terms').set(as('guizhou')).send(term).expect(201);
    const overlap = await suite
      .http()
      .post('/calendar/terms')
      .set(as('guizhou'))
      .send({ ...term, term: 2, startsOn: '2027-01-10', endsOn: '2027-06-30' })
      .expect(409);
    expect(overlap.body).toMatchObject({
      code: 'TERM_OVERLAP',
      details: { existing: { term: 1, areaCode: '520103' } },
    });
    const twice = await suite
      .http()
      .post('/calendar/terms')
      .set(as('guizhou'))
      .send({ ...term, startsOn: '2027-03-01', endsOn: '2027-06-30' })
      .expect(409);
    expect(twice.body.code).toBe('TERM_EXISTS');

    // Two overlapping terms sent at once: one is created, the other is refused.
    const racing = await Promise.all(
      [1, 2].map((n) =>
        suite
          .http()
          .post('/calendar/terms')
          .set(as('guizhou'))
          .send({ ...term, areaCode: '520104', term: n }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(racing.find((r) => r.status === 409)!.body.code).toBe('TERM_OVERLAP');
  });
});

function payloadOf(message: RecordedMessage): CalendarChangedPayload {
  return (JSON.parse(message.value ?? '{}') as EventEnvelope<CalendarChangedPayload>).payload;
}
