import { randomUUID } from 'node:crypto';
import type { HolidayView, SlotView } from '@app/contracts';
import { waitFor } from '@app/testing';
import { DEMO, startSuite, type Suite, findOrganisation } from '../harness.js';

/**
 * Calendar layering (issue 18): holidays and make-up working days are layered per date, so a
 * national import reaches every date a province has no row for, and a province row decides
 * its own date only; terms and vacations per school year. Checked through the directory's
 * days and the opening hours of a venue in Jinan (its slots). The seed leaves 2027 empty, so
 * the 2027 national rows here are test data (not the real notice) and are removed through the
 * API before and after the run; the venues service's clock is moved to late December 2026 so
 * that its slot window covers New Year 2027 whatever day the test runs.
 */
const NATION = '000000';
const SHANDONG = '370000';
const JINAN = '370100';
const LIXIA = '370102';
const GUIYANG_DISTRICT = '520102';
const VENUE_AREA = '370191';
const PASSWORD = 'Layering-Test-2026';
const NOTICE_NAME = '元旦（测试通知）';
/** A national list for New Year 2027: test data, not the State Council's notice. */
const TEST_NOTICE_CSV = [
  'date,kind,name',
  `2027-01-01,holiday,${NOTICE_NAME}`,
  `2027-01-02,holiday,${NOTICE_NAME}`,
  `2027-01-03,holiday,${NOTICE_NAME}`,
].join('\n');

describe('calendar layering by date (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  let venueId: string;

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  const day = (date: string, areaCode = LIXIA) =>
    suite.http().get(`/calendar/days/${date}?areaCode=${areaCode}`).set(as('teacher')).expect(200);

  /** Deletes, through the API (so the venues service hears of it), the rows the test writes. */
  async function removeTestRows(): Promise<void> {
    const rows = async (areaCode: string) =>
      (
        await suite
          .http()
          .get(`/calendar/holidays?areaCode=${areaCode}&year=2027`)
          .set(as('platform'))
          .expect(200)
      ).body.items as HolidayView[];
    const national = (await rows(NATION)).filter((h) => h.areaCode === NATION);
    const province = (await rows(SHANDONG)).filter(
      (h) => h.areaCode === SHANDONG && h.date === '2027-01-02',
    );
    for (const h of [...national, ...province]) {
      await suite.http().delete(`/calendar/holidays/${h.id}`).set(as('platform')).expect(204);
    }
  }

  const slotsOf = async (date: string): Promise<SlotView[]> =>
    (
      await suite
        .http()
        .get(`/venues/${venueId}/slots?from=${date}&to=${date}`)
        .set(as('teacher'))
        .expect(200)
    ).body as SlotView[];

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    // The slot window (14 days) starts on 2026-12-28: New Year 2027 lies in it.
    suite.clockOf('venues').now = () => new Date('2026-12-28T02:00:00Z');
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.shandong = await login('province.admin@studentpass.local', DEMO.password);
    await removeTestRows();

    // A venue in Jinan, in its own district, open Tuesday to Sunday, until 20:00 on holidays.
    const jinan = await findOrganisation(
      suite,
      tokens.platform,
      'kind=bureau',
      (o) => o.regionCode === JINAN,
    );
    const org = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send({
        kind: 'venue',
        name: `分层测试馆 ${randomUUID().slice(0, 8)}`,
        parentId: jinan?.id,
        regionCode: VENUE_AREA,
        operator: '测试',
      })
      .expect(201);
    const staffEmail = `layering.staff.${(org.body.id as string).slice(0, 8)}@studentpass.test`;
    const account = await suite.http().post('/accounts').set(as('platform')).send({
      email: staffEmail,
      password: PASSWORD,
      displayName: '分层测试馆员',
      role: 'venue_staff',
      organisationId: org.body.id,
    });
    expect(account.status).toBe(201);
    tokens.staff = await login(staffEmail, PASSWORD);
    venueId = await waitFor(
      async () => {
        const res = await suite
          .http()
          .post('/venues')
          .set(as('staff'))
          .send({
            name: '分层测试馆',
            category: 'museum',
            address: '济南市测试路2号',
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
  });

  afterAll(async () => {
    if (tokens.platform) await removeTestRows();
    await suite?.close();
  });

  it('keeps the 2026 holidays at national level, Shandong without copies, and 2027 empty', async () => {
    const national = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${NATION}&year=2026`)
      .set(as('teacher'))
      .expect(200);
    expect(national.body.items).toContainEqual(
      expect.objectContaining({ areaCode: NATION, date: '2026-10-01', name: '国庆节' }),
    );
    const shandong = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${SHANDONG}&year=2026`)
      .set(as('teacher'))
      .expect(200);
    const areas = new Set((shandong.body.items as HolidayView[]).map((h) => h.areaCode));
    expect([...areas]).toEqual([NATION]);

    // No guessed 2027 Spring Festival: 2027-02-05 is an ordinary Friday in the winter vacation.
    expect((await day('2027-02-05')).body).toMatchObject({
      isHoliday: false,
      holidayName: null,
      isWorkingDay: true,
      isVacation: true,
    });
    const year2027 = await suite
      .http()
      .get(`/calendar/holidays?areaCode=${LIXIA}&year=2027`)
      .set(as('teacher'))
      .expect(200);
    expect(year2027.body.items).toEqual([]);
  });

  it('has the 2025-2026 school year’s terms and vacations for Shandong', async () => {
    const terms = await suite
      .http()
      .get(`/calendar/terms?areaCode=${LIXIA}&schoolYear=2025-2026`)
      .set(as('teacher'))
      .expect(200);
    expect(terms.body.items).toEqual([
      expect.objectContaining({ areaCode: SHANDONG, term: 1, startsOn: '2025-09-01' }),
      expect.objectContaining({ areaCode: SHANDONG, term: 2 }),
    ]);
    const vacations = await suite
      .http()
      .get(`/calendar/vacations?areaCode=${LIXIA}&schoolYear=2025-2026`)
      .set(as('teacher'))
      .expect(200);
    expect((vacations.body.items as { kind: string }[]).map((v) => v.kind)).toEqual([
      'winter',
      'summer',
    ]);
    expect((await day('2026-04-15')).body).toMatchObject({
      term: { schoolYear: '2025-2026', term: 2 },
    });
    // Spring Festival 2026 (national list) in Shandong's 2025-2026 winter vacation.
    expect((await day('2026-02-17')).body).toMatchObject({
      isHoliday: true,
      holidayName: '春节',
      isVacation: true,
      vacation: { kind: 'winter' },
    });
  });

  it('lets a national import reach Shandong’s dates without a province row, venue hours included, while a province row decides its own date', async () => {
    // Shandong makes 2027-01-02 a make-up working day of its own (a province row).
    await suite
      .http()
      .post('/calendar/holidays')
      .set(as('shandong'))
      .send({
        areaCode: SHANDONG,
        date: '2027-01-02',
        kind: 'makeup_workday',
        name: '山东测试调休',
      })
      .expect(200);
    const imported = await suite
      .http()
      .post('/calendar/holidays/import')
      .set(as('platform'))
      .send({ areaCode: NATION, csv: TEST_NOTICE_CSV })
      .expect(200);
    expect(imported.body).toMatchObject({ areaCode: NATION, rows: 3, created: 3 });

    expect((await day('2027-01-01')).body).toMatchObject({
      isHoliday: true,
      holidayName: NOTICE_NAME,
      isWorkingDay: false,
    });
    expect((await day('2027-01-03')).body).toMatchObject({ isHoliday: true });
    expect((await day('2027-01-02')).body).toMatchObject({
      isHoliday: false,
      isMakeupWorkday: true,
      isWorkingDay: true,
    });
    // Outside Shandong the province's row does not apply: the national list decides.
    expect((await day('2027-01-02', GUIYANG_DISTRICT)).body).toMatchObject({
      isHoliday: true,
      holidayName: NOTICE_NAME,
    });

    // The venue in Jinan opens until 20:00 on the national holiday, ordinary hours on
    // Shandong's make-up Saturday.
    const holiday = await waitFor(
      async () => {
        const slots = await slotsOf('2027-01-01');
        return slots.length > 0 && slots[0].reason === `holiday:${NOTICE_NAME}` ? slots : undefined;
      },
      { timeoutMs: 60_000, what: 'holiday hours of the Jinan venue on 2027-01-01' },
    );
    expect(holiday[0]).toMatchObject({ profile: 'extended', opens: '09:00' });
    expect(holiday[holiday.length - 1].closes).toBe('20:00');
    const saturday = await waitFor(
      async () => {
        const slots = await slotsOf('2027-01-02');
        return slots.length > 0 && slots[0].reason === 'makeup_workday' ? slots : undefined;
      },
      { timeoutMs: 60_000, what: 'ordinary hours of the Jinan venue on 2027-01-02' },
    );
    expect(saturday[0]).toMatchObject({ profile: 'ordinary' });
    expect(saturday[saturday.length - 1].closes).toBe('17:00');
  });
});
