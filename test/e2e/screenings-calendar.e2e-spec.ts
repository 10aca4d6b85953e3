import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import {
  Topics,
  isWeekendDate,
  schoolYearOfDate,
  type EventEnvelope,
  type ScreeningBookingPayload,
} from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { ScreeningsConfig } from '../../apps/screenings/src/config.js';
import { screeningsDatabase } from '../../apps/screenings/src/database/database.js';
import { testAppEnv, testEnv } from '../../scripts/test-infra.js';
import { DEMO, findOrganisation, startSuite, type Suite } from '../harness.js';

/**
 * Screenings and the school calendar, and students' own bookings.
 *
 * The calendar, through the gateway on the real broker and database: a
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

const PASSWORD = 'Screenings-Calendar-2026';

describe('screenings: school days and individual bookings (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  let db: DataSource;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const run = randomUUID().slice(0, 6);
  let filmId: string;
  let areaCode: string;
  let schoolId: string;
  let recorder: TopicRecorder;
  const students: Record<string, { id: string; classId: string }> = {};

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
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-screenings-calendar'), [
      Topics.events.screeningBooked,
      Topics.events.screeningBookingCancelled,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.lixia = await login('lixia.admin@studentpass.local', DEMO.password);
    schoolId = (await suite.http().get('/me').set(as('teacher')).expect(200)).body
      .organisationId as string;
    areaCode = (
      await findOrganisation(suite, tokens.platform, 'kind=school', (o) => o.id === schoolId)
    ).regionCode;

    const film = await suite
      .http()
      .post('/screenings/films')
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
      .post(`/screenings/films/${filmId}/approvals`)
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
    await recorder?.stop();
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

  describe('individual bookings (student accounts)', () => {
    const rosterYear = schoolYearOfDate(shanghaiDateOf(new Date()));
    const bookingDay = addDays(schoolDay, 7);

    /** A class of `grade` with one student per key, each with a student account linked to it. */
    async function studentsOf(classKey: string, grade: number, keys: string[]): Promise<void> {
      const created = await suite
        .http()
        .post('/roster/classes')
        .set(as('teacher'))
        .send({ schoolId, schoolYear: rosterYear, grade, name: `个${run}${classKey}班` })
        .expect(201);
      for (const key of keys) {
        const res = await suite
          .http()
          .post('/roster/students')
          .set(as('teacher'))
          .send({
            classId: created.body.id,
            studentNumber: `IB${run}${key}`,
            name: `学生${key}`,
            gender: 'female',
            dateOfBirth: '2016-05-01',
          })
          .expect(201);
        students[key] = { id: res.body.id as string, classId: created.body.id as string };
        const email = `stu.${key}.${run}@studentpass.test`;
        await suite
          .http()
          .post('/accounts')
          .set(as('platform'))
          .send({
            email,
            password: PASSWORD,
            displayName: `学生${key}`,
            role: 'student',
            organisationId: schoolId,
            studentId: res.body.id,
          })
          .expect(201);
        tokens[key] = await login(email, PASSWORD);
      }
      await waitFor(
        async () => {
          const [row]: { n: number }[] = await db.query(
            'SELECT COUNT(*) AS n FROM roster_students WHERE class_id = ? AND active = 1',
            [created.body.id],
          );
          return Number(row.n) === keys.length ? true : undefined;
        },
        { what: 'the students in the screenings read model' },
      );
    }

    const bookOwn = (screeningId: string, who: string) =>
      suite.http().post(`/screenings/${screeningId}/bookings/individual`).set(as(who)).send({});
    const cancelOwn = (screeningId: string, who: string) =>
      suite.http().delete(`/screenings/${screeningId}/bookings/individual`).set(as(who));
    const scheduleAt = async (startTime: string, seats: number): Promise<string> => {
      const res = await schedule(bookingDay, { startTime, seats, allowNonSchoolDay: true }).expect(
        201,
      );
      return res.body.id as string;
    };
    const seatsTaken = async (screeningId: string): Promise<number> => {
      const [row]: { n: number }[] = await db.query(
        'SELECT seats_taken AS n FROM screenings WHERE id = ?',
        [screeningId],
      );
      return Number(row.n);
    };
    const bookingEvent = (topic: string, bookingId: string) =>
      recorder.waitForCount(
        (m) =>
          m.topic === topic &&
          (JSON.parse(m.value ?? '{}') as EventEnvelope<ScreeningBookingPayload>).payload
            .bookingId === bookingId,
        1,
      );

    beforeAll(async () => {
      await studentsOf('A', 4, ['a1', 'a2']);
      await studentsOf('G', 1, ['g1']);
    });

    it('books a student’s own seat with the class-booking checks and event, and cancels it', async () => {
      const screening = await scheduleAt('09:00', 30);
      const booked = await bookOwn(screening, 'a1').expect(201);
      expect(booked.body).toMatchObject({
        screeningId: screening,
        schoolId,
        classId: students.a1.classId,
        grade: 4,
        studentIds: [students.a1.id],
        studentCount: 1,
        status: 'booked',
      });
      expect(await seatsTaken(screening)).toBe(1);
      const [created] = await bookingEvent(Topics.events.screeningBooked, booked.body.id as string);
      expect(
        (JSON.parse(created.value ?? '{}') as EventEnvelope<ScreeningBookingPayload>).payload,
      ).toMatchObject({ screeningId: screening, schoolId, studentIds: [students.a1.id] });

      // Twice into the same screening, or into an overlapping one: refused.
      const again = await bookOwn(screening, 'a1').expect(409);
      expect(again.body.code).toBe('STUDENTS_ALREADY_BOOKED');
      const overlapping = await scheduleAt('10:00', 30);
      const conflict = await bookOwn(overlapping, 'a1').expect(409);
      expect(conflict.body).toMatchObject({
        code: 'SCREENING_TIME_CONFLICT',
        details: { conflicts: [{ studentId: students.a1.id, screeningId: screening }] },
      });
      expect(await seatsTaken(overlapping)).toBe(0);

      const cancelled = await cancelOwn(screening, 'a1').expect(200);
      expect(cancelled.body).toMatchObject({ id: booked.body.id, status: 'cancelled' });
      expect(await seatsTaken(screening)).toBe(0);
      await bookingEvent(Topics.events.screeningBookingCancelled, booked.body.id as string);
      const none = await cancelOwn(screening, 'a1').expect(404);
      expect(none.body.code).toBe('SCREENING_BOOKING_NOT_FOUND');
      // The seat freed, the overlapping screening may be booked now.
      await bookOwn(overlapping, 'a1').expect(201);
    });

    it('refuses a full screening, a film for other grades, and accounts that are not students', async () => {
      const screening = await scheduleAt('16:00', 1);
      await bookOwn(screening, 'a2').expect(201);
      const full = await bookOwn(screening, 'g1');
      // The grade is checked before the seats.
      expect(full.status).toBe(400);
      expect(full.body.code).toBe('FILM_NOT_SUITABLE_FOR_GRADE');

      const other = await scheduleAt('19:00', 1);
      await bookOwn(other, 'a2').expect(201);
      const noSeat = await bookOwn(other, 'a1').expect(409);
      expect(noSeat.body).toMatchObject({ code: 'SCREENING_FULL', details: { seatsLeft: 0 } });
      expect(await seatsTaken(other)).toBe(1);

      const teacher = await bookOwn(other, 'teacher').expect(403);
      expect(teacher.body.code).toBe('SCREENING_ACTION_FORBIDDEN');
      // Another student's booking is not the student's own to cancel.
      const notOwn = await cancelOwn(other, 'a1').expect(404);
      expect(notOwn.body.code).toBe('SCREENING_BOOKING_NOT_FOUND');
      expect(await seatsTaken(other)).toBe(1);
    });
  });
});
