import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { isWeekendDate } from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { waitFor } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { ScreeningsConfig } from '../../apps/screenings/src/config.js';
import { screeningsDatabase } from '../../apps/screenings/src/database/database.js';
import { testAppEnv } from '../../scripts/test-infra.js';
import { DEMO, findOrganisation, startSuite, type Suite } from '../harness.js';

/**
 * Screenings and the school calendar, through the gateway on the real broker and database: a
 * screening at the demo school (teacher@studentpass.local, Jinan Lixia) is scheduled on a
 * school day of its area only: not on a statutory holiday (here one the province sets), a
 * weekend that is not a make-up working day, or a vacation (here one of the school's own
 * area), unless the request says `allowNonSchoolDay: true`. The screenings service learns the
 * calendar from the directory's `directory.calendar.changed.v1` events.
 *
 * The dates are in a year two ahead, which the seeded calendar does not cover: every entry
 * that matters is set by the test itself.
 */
const year = Number(shanghaiDateOf(new Date()).slice(0, 4)) + 2;
const schoolYear = `${year - 1}-${year}`;
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const nextOn = (from: string, day: number): string => {
  let date = from;
  while (weekday(date) !== day) date = addDays(date, 1);
  return date;
};

const schoolDay = nextOn(`${year}-03-08`, 3); // a Wednesday in term
const holiday = addDays(schoolDay, 1); // the Thursday: a provincial holiday
const saturday = nextOn(`${year}-03-08`, 6);
const makeupSaturday = addDays(saturday, 7);
const vacationStart = `${year}-01-25`;
const vacationEnd = `${year}-02-20`;
let vacationDay = `${year}-02-03`;
while (isWeekendDate(vacationDay)) vacationDay = addDays(vacationDay, 1);
const HOLIDAY_NAME = '测试节';
const VACATION_NAME = `${year}年测试寒假`;

describe('screenings: scheduled on school days of the school’s area (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const run = randomUUID().slice(0, 6);
  let filmId: string;
  let areaCode: string;

  async function login(email: string, password: string): Promise<string> {
    const res = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken as string;
  }

  const schedule = (localDate: string, extra: Record<string, unknown> = {}) =>
    suite
      .http()
      .post('/screenings')
      .set(as('teacher'))
      .send({
        filmId,
        localDate,
        startTime: '14:00',
        seats: 30,
        placeKind: 'school_hall',
        hallName: '礼堂',
        ...extra,
      });

  const screeningsOn = async (localDate: string): Promise<number> => {
    const [row]: { n: number }[] = await db.query(
      'SELECT COUNT(*) AS n FROM screenings WHERE film_id = ? AND local_date = ?',
      [filmId, localDate],
    );
    return Number(row.n);
  };

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    db = new DataSource(
      dataSourceOptions(screeningsDatabase(loadConfig(ScreeningsConfig, testAppEnv()))),
    );
    await db.initialize();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.lixia = await login('lixia.admin@studentpass.local', DEMO.password);
    const schoolId = (await suite.http().get('/me').set(as('teacher')).expect(200)).body
      .organisationId as string;
    areaCode = (
      await findOrganisation(suite, tokens.platform, 'kind=school', (o) => o.id === schoolId)
    ).regionCode;

    const film = await suite
      .http()
      .post('/films')
      .set(as('platform'))
      .send({
        title: `校历测试影片 ${run}`,
        year: 2020,
        runningMinutes: 90,
        grades: [4, 5, 6],
        synopsis: '测试用影片',
        language: '普通话',
        subtitles: false,
        audioDescription: false,
      })
      .expect(201);
    filmId = film.body.id as string;
    await suite
      .http()
      .post(`/films/${filmId}/approvals`)
      .set(as('lixia'))
      .send({ schoolYear })
      .expect(201);

    // The calendar: a provincial holiday, a make-up Saturday and a vacation of the school's area.
    await suite
      .http()
      .post('/calendar/holidays')
      .set(as('platform'))
      .send({ areaCode: '370000', date: holiday, kind: 'holiday', name: HOLIDAY_NAME })
      .expect(200);
    await suite
      .http()
      .post('/calendar/holidays')
      .set(as('platform'))
      .send({ areaCode, date: makeupSaturday, kind: 'makeup_workday', name: HOLIDAY_NAME })
      .expect(200);
    const vacation = await suite.http().post('/calendar/vacations').set(as('platform')).send({
      areaCode,
      schoolYear,
      kind: 'winter',
      name: VACATION_NAME,
      startsOn: vacationStart,
      endsOn: vacationEnd,
    });
    expect([201, 409]).toContain(vacation.status); // 409: kept from an earlier run
    await waitFor(
      async () => {
        const [row]: { holidays: number; vacations: number }[] = await db.query(
          `SELECT (SELECT COUNT(*) FROM area_holidays WHERE on_date IN (?, ?)) AS holidays,
                  (SELECT COUNT(*) FROM area_vacations WHERE area_code = ? AND starts_on = ?) AS vacations`,
          [holiday, makeupSaturday, areaCode, vacationStart],
        );
        return Number(row.holidays) === 2 && Number(row.vacations) === 1 ? true : undefined;
      },
      { what: 'the calendar in the screenings read model' },
    );
  });

  afterAll(async () => {
    await db?.destroy();
    await suite?.close();
  });

  it('refuses a statutory holiday of an enclosing area, and nothing is written', async () => {
    const res = await schedule(holiday).expect(400);
    expect(res.body).toMatchObject({
      code: 'SCREENING_NOT_ON_SCHOOL_DAY',
      details: { date: holiday, kind: 'holiday', name: HOLIDAY_NAME },
    });
    expect(await screeningsOn(holiday)).toBe(0);
  });

  it('refuses a weekend, unless it is a make-up working day or allowed explicitly', async () => {
    const weekdayRes = await schedule(schoolDay).expect(201);
    expect(weekdayRes.body).toMatchObject({ localDate: schoolDay, film: { id: filmId } });

    const res = await schedule(saturday).expect(400);
    expect(res.body).toMatchObject({
      code: 'SCREENING_NOT_ON_SCHOOL_DAY',
      details: { date: saturday, kind: 'weekend', name: null },
    });
    expect(await screeningsOn(saturday)).toBe(0);

    await schedule(makeupSaturday).expect(201);
    const allowed = await schedule(saturday, { allowNonSchoolDay: true }).expect(201);
    expect(allowed.body).toMatchObject({ localDate: saturday });
    expect(await screeningsOn(saturday)).toBe(1);
  });

  it('refuses a day of a vacation of the school’s area', async () => {
    const res = await schedule(vacationDay).expect(400);
    expect(res.body).toMatchObject({
      code: 'SCREENING_NOT_ON_SCHOOL_DAY',
      details: { date: vacationDay, kind: 'vacation', name: VACATION_NAME },
    });
    expect(await screeningsOn(vacationDay)).toBe(0);
  });
});
