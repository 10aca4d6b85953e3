import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import {
  Topics,
  type AttendanceMarkView,
  type AttendanceRecordedPayload,
  type EventEnvelope,
  type Page,
  type ScreeningBookingPayload,
  schoolYearOfDate,
} from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, waitFor, type RecordedMessage } from '@app/testing';
import { addDays, type Clock, shanghaiDateOf } from '@app/time';
import { ScreeningsConfig } from '../../apps/screenings/src/config.js';
import { screeningsDatabase } from '../../apps/screenings/src/database/database.js';
import { testAppEnv, testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite, findOrganisation } from '../harness.js';

/**
 * Screenings through the gateway, on the real broker and database: films and approvals,
 * screenings at the demo school (teacher@studentpass.local), class bookings (seats, overlaps,
 * grades, under concurrency), scope (school, county bureaus), attendance events with
 * revisions, the correction window and the digest. Classes and students are made through the
 * roster API; the screenings service learns them from the directory's events.
 */
const PASSWORD = 'Screenings-Test-2026';
const today = (): string => shanghaiDateOf(new Date());

describe('screenings: films, screenings, class bookings and attendance (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  let db: DataSource;
  let recorder: TopicRecorder;
  let clock: Clock;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const run = randomUUID().slice(0, 6);
  let schoolId: string;
  let otherSchoolId: string;
  let filmId: string;
  const classes: Record<string, { id: string; students: string[] }> = {};

  // Two days well ahead; the school year follows the first.
  const day = addDays(today(), 10);
  const nextDay = addDays(day, 1);
  const schoolYear = schoolYearOfDate(day);

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

  async function makeClass(key: string, grade: number, size: number): Promise<void> {
    const created = await suite
      .http()
      .post('/roster/classes')
      .set(as('teacher'))
      .send({ schoolId, schoolYear, grade, name: `影${run}${key}班` })
      .expect(201);
    const students: string[] = [];
    for (let i = 0; i < size; i++) {
      const res = await suite
        .http()
        .post('/roster/students')
        .set(as('teacher'))
        .send({
          classId: created.body.id,
          studentNumber: `SC${run}${key}${i}`,
          name: `学生${key}${i}`,
          gender: i % 2 === 0 ? 'female' : 'male',
          dateOfBirth: '2016-05-01',
        })
        .expect(201);
      students.push(res.body.id as string);
    }
    classes[key] = { id: created.body.id as string, students };
  }

  async function schedule(
    localDate: string,
    startTime: string,
    seats: number,
    film = filmId,
  ): Promise<string> {
    const res = await suite
      .http()
      .post('/screenings')
      .set(as('teacher'))
      .send({
        filmId: film,
        localDate,
        startTime,
        seats,
        placeKind: 'school_hall',
        hallName: '礼堂',
        // The days are relative to today, so any may be a weekend or a vacation; the school
        // calendar has its own suite (screenings-calendar.e2e-spec.ts).
        allowNonSchoolDay: true,
      })
      .expect(201);
    return res.body.id as string;
  }

  const book = (screeningId: string, key: string, who = 'teacher') =>
    suite
      .http()
      .post(`/screenings/${screeningId}/bookings`)
      .set(as(who))
      .send({ classId: classes[key].id });

  const attendanceEvents = (screeningId: string): EventEnvelope<AttendanceRecordedPayload>[] =>
    recorder
      .where((m) => m.topic === Topics.events.attendanceRecorded)
      .map((m) => JSON.parse(m.value ?? '{}') as EventEnvelope<AttendanceRecordedPayload>)
      .filter((e) => e.payload.screeningId === screeningId);

  const bookingEvent = (topic: string, bookingId: string) =>
    recorder.waitForCount(
      (m: RecordedMessage) =>
        m.topic === topic &&
        (JSON.parse(m.value ?? '{}') as EventEnvelope<ScreeningBookingPayload>).payload
          .bookingId === bookingId,
      1,
    );

  beforeAll(async () => {
    suite = await startSuite({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
      // Attendance may be taken long before the start, so screenings days ahead can be marked.
      ATTENDANCE_EARLY_MINUTES: '525600',
    });
    clock = suite.clockOf('screenings');
    db = new DataSource(
      dataSourceOptions(screeningsDatabase(loadConfig(ScreeningsConfig, testAppEnv()))),
    );
    await db.initialize();
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-screenings'), [
      Topics.events.attendanceRecorded,
      Topics.events.screeningBooked,
      Topics.events.screeningBookingCancelled,
    ]).start();
    tokens.platform = await login(DEMO.email, DEMO.password);
    tokens.teacher = await login('teacher@studentpass.local', DEMO.password);
    tokens.lixia = await login('lixia.admin@studentpass.local', DEMO.password);
    tokens.province = await login('province.admin@studentpass.local', DEMO.password);
    schoolId = (await suite.http().get('/me').set(as('teacher')).expect(200)).body
      .organisationId as string;
    const licheng = await findOrganisation(
      suite,
      tokens.platform,
      'kind=bureau',
      (o) => o.name === '历城区教育和体育局',
    );
    otherSchoolId = (
      await findOrganisation(
        suite,
        tokens.platform,
        `kind=school&parentId=${licheng.id}`,
        (o) => o.name === '济南市历城区第二中学',
      )
    ).id;
    tokens.licheng = await account(`licheng.${run}@studentpass.test`, 'bureau_admin', licheng.id);
    tokens.otherTeacher = await account(
      `other.${run}@studentpass.test`,
      'school_staff',
      otherSchoolId,
    );

    await makeClass('A', 4, 3);
    await makeClass('B', 4, 3);
    await makeClass('C', 4, 3);
    await makeClass('G', 1, 1);
    // The screenings service learns the roster from the directory's events.
    for (const { id, students } of Object.values(classes)) {
      await waitFor(
        async () => {
          const [row]: { n: number }[] = await db.query(
            'SELECT COUNT(*) AS n FROM roster_students WHERE class_id = ? AND active = 1',
            [id],
          );
          return Number(row.n) === students.length ? true : undefined;
        },
        { what: 'the class’s students in the screenings read model' },
      );
    }

    const film = await suite
      .http()
      .post('/screenings/films')
      .set(as('platform'))
      .send({
        title: `测试影片 ${run}`,
        year: 2020,
        runningMinutes: 90,
        grades: [4, 5, 6],
        synopsis: '测试用影片',
        language: '普通话',
        subtitles: true,
        audioDescription: true,
      })
      .expect(201);
    filmId = film.body.id as string;
  });

  afterAll(async () => {
    await recorder?.stop();
    await db?.destroy();
    await suite?.close();
  });

  describe('films and approval', () => {
    it('refuses a film from school staff, keeps the catalogue, and schedules only approved films', async () => {
      const refused = await suite
        .http()
        .post('/screenings/films')
        .set(as('teacher'))
        .send({
          title: '不该进来',
          year: 2020,
          runningMinutes: 90,
          grades: [4],
          synopsis: '',
          language: '普通话',
          subtitles: false,
          audioDescription: false,
        })
        .expect(403);
      expect(refused.body.code).toBe('SCREENING_ACTION_FORBIDDEN');
      const catalogue = await suite
        .http()
        .get(`/screenings/films?grade=5&title=${encodeURIComponent(run)}`)
        .set(as('teacher'))
        .expect(200);
      expect(catalogue.body.items).toEqual([
        expect.objectContaining({ id: filmId, grades: [4, 5, 6], audioDescription: true }),
      ]);

      const unapproved = await suite
        .http()
        .post('/screenings')
        .set(as('teacher'))
        .send({
          filmId,
          localDate: day,
          startTime: '09:00',
          seats: 10,
          placeKind: 'school_hall',
          hallName: '礼堂',
        })
        .expect(400);
      expect(unapproved.body).toMatchObject({
        code: 'FILM_NOT_APPROVED',
        details: { filmId, schoolYear },
      });

      // The county bureau above the school approves it (its own list); then the school may.
      const approval = await suite
        .http()
        .post(`/screenings/films/${filmId}/approvals`)
        .set(as('lixia'))
        .send({ schoolYear })
        .expect(201);
      // The later test days may fall in the next school year (a run at the end of July).
      for (const year of new Set([schoolYearOfDate(nextDay), schoolYearOfDate(addDays(day, 4))])) {
        await suite
          .http()
          .post(`/screenings/films/${filmId}/approvals`)
          .set(as('lixia'))
          .send({ schoolYear: year })
          .expect(201);
      }
      expect(approval.body).toMatchObject({ filmId, schoolYear, bureauName: '历下区教育和体育局' });
      const approved = await suite
        .http()
        .get(`/screenings/films/approved?schoolYear=${schoolYear}&grade=4`)
        .set(as('teacher'))
        .expect(200);
      expect((approved.body.items as { id: string }[]).map((f) => f.id)).toContain(filmId);
      // Another county's school does not get it from Lixia's list.
      const elsewhere = await suite
        .http()
        .get(`/screenings/films/approved?schoolYear=${schoolYear}`)
        .set(as('otherTeacher'))
        .expect(200);
      expect((elsewhere.body.items as { id: string }[]).map((f) => f.id)).not.toContain(filmId);
    });

    it('shows a film of the catalogue, and takes it off a bureau’s list for a school year', async () => {
      const film = await suite
        .http()
        .get(`/screenings/films/${filmId}`)
        .set(as('teacher'))
        .expect(200);
      expect(film.body).toMatchObject({ id: filmId, runningMinutes: 90, grades: [4, 5, 6] });

      // A school year no other test uses: the approvals the screenings need stay.
      const spareYear = '2040-2041';
      const approvedIn = async (): Promise<string[]> => {
        const res = await suite
          .http()
          .get(`/screenings/films/approved?schoolYear=${spareYear}&pageSize=100`)
          .set(as('teacher'))
          .expect(200);
        return (res.body.items as { id: string }[]).map((f) => f.id);
      };
      await suite
        .http()
        .post(`/screenings/films/${filmId}/approvals`)
        .set(as('lixia'))
        .send({ schoolYear: spareYear })
        .expect(201);
      expect(await approvedIn()).toContain(filmId);
      const withdraw = () =>
        suite
          .http()
          .post(`/screenings/films/${filmId}/approvals/withdraw`)
          .set(as('lixia'))
          .send({ schoolYear: spareYear })
          .expect(200);
      expect((await withdraw()).body).toEqual({ withdrawn: true });
      expect(await approvedIn()).not.toContain(filmId);
      expect((await withdraw()).body).toEqual({ withdrawn: false });
    });
  });

  describe('bookings', () => {
    let full: string;

    it('books a whole class, publishes the booking, and answers a class too big for the seats left with 409 SCREENING_FULL', async () => {
      full = await schedule(day, '09:00', 4);
      const booked = await book(full, 'A').expect(201);
      expect(booked.body).toMatchObject({
        screeningId: full,
        classId: classes.A.id,
        grade: 4,
        studentCount: 3,
        status: 'booked',
      });
      expect([...(booked.body.studentIds as string[])].sort()).toEqual(
        [...classes.A.students].sort(),
      );
      const [event] = await bookingEvent(Topics.events.screeningBooked, booked.body.id as string);
      expect(event.key).toBe(full);

      const tooMany = await book(full, 'B').expect(409);
      expect(tooMany.body).toMatchObject({
        code: 'SCREENING_FULL',
        details: { seatsLeft: 1, requested: 3 },
      });
      const again = await book(full, 'A').expect(409);
      expect(again.body.code).toBe('STUDENTS_ALREADY_BOOKED');
      const screening = await suite
        .http()
        .get(`/screenings/${full}`)
        .set(as('teacher'))
        .expect(200);
      expect(screening.body).toMatchObject({ seats: 4, seatsTaken: 3, seatsLeft: 1 });
    });

    it('refuses a class whose grade the film does not suit', async () => {
      const screening = await schedule(day, '19:00', 50);
      const res = await book(screening, 'G').expect(400);
      expect(res.body).toMatchObject({
        code: 'FILM_NOT_SUITABLE_FOR_GRADE',
        details: { grade: 1, grades: [4, 5, 6] },
      });
    });

    it('never oversells seats when two classes book the last seats at once', async () => {
      const screening = await schedule(day, '14:00', 3);
      const results = await Promise.all([book(screening, 'B'), book(screening, 'C')]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('SCREENING_FULL');
      const [row]: { seats_taken: number }[] = await db.query(
        'SELECT seats_taken FROM screenings WHERE id = ?',
        [screening],
      );
      expect(Number(row.seats_taken)).toBe(3);
      const [seats]: { n: number }[] = await db.query(
        'SELECT COUNT(*) AS n FROM booked_seats WHERE screening_id = ? AND active_flag = 1',
        [screening],
      );
      expect(Number(seats.n)).toBe(3);
    });

    it('refuses a student in two overlapping screenings, also when both bookings race', async () => {
      const overlapping = await schedule(day, '09:30', 50);
      const refused = await book(overlapping, 'A').expect(409);
      expect(refused.body.code).toBe('SCREENING_TIME_CONFLICT');
      expect(refused.body.details.conflicts).toEqual(
        expect.arrayContaining([{ studentId: classes.A.students[0], screeningId: full }]),
      );

      const first = await schedule(nextDay, '09:00', 50);
      const second = await schedule(nextDay, '10:00', 50);
      const results = await Promise.all([book(first, 'A'), book(second, 'A')]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.code).toBe('SCREENING_TIME_CONFLICT');
      const [seats]: { n: number }[] = await db.query(
        'SELECT COUNT(*) AS n FROM booked_seats WHERE screening_id IN (?) AND active_flag = 1',
        [[first, second]],
      );
      expect(Number(seats.n)).toBe(3);

      // Cancelling the booking frees the seats (and the students' time).
      const winner = results.find((r) => r.status === 201)!.body as {
        id: string;
        screeningId: string;
      };
      const cancelled = await suite
        .http()
        .post(`/screenings/${winner.screeningId}/bookings/${winner.id}/cancel`)
        .set(as('teacher'))
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      const [event] = await bookingEvent(Topics.events.screeningBookingCancelled, winner.id);
      expect(event.key).toBe(winner.screeningId);
      const other = winner.screeningId === first ? second : first;
      await book(other, 'A').expect(201);
    });

    it('lists the bookings of a screening, and cancels the screening with its bookings', async () => {
      const screening = await schedule(addDays(day, 3), '09:00', 20);
      const booked = await book(screening, 'C').expect(201);
      const bookings = () =>
        suite.http().get(`/screenings/${screening}/bookings`).set(as('teacher')).expect(200);
      expect((await bookings()).body).toMatchObject({
        total: 1,
        items: [{ id: booked.body.id, classId: classes.C.id, studentCount: 3, status: 'booked' }],
      });

      const cancelled = await suite
        .http()
        .post(`/screenings/${screening}/cancel`)
        .set(as('teacher'))
        .send({ reason: '礼堂设备检修' })
        .expect(200);
      expect(cancelled.body).toMatchObject({
        id: screening,
        status: 'cancelled',
        cancelReason: '礼堂设备检修',
      });
      expect((await bookings()).body.items).toEqual([
        expect.objectContaining({ id: booked.body.id, status: 'cancelled' }),
      ]);
      const [event] = await bookingEvent(
        Topics.events.screeningBookingCancelled,
        booked.body.id as string,
      );
      expect(event.key).toBe(screening);
      const late = await book(screening, 'C').expect(409);
      expect(late.body.code).toBe('SCREENING_NOT_OPEN');
    });
  });

  describe('scope', () => {
    it('shows a school only its own screenings, and a county bureau only its own schools', async () => {
      const screening = await schedule(addDays(day, 2), '09:00', 40);
      await suite.http().get(`/screenings/${screening}`).set(as('lixia')).expect(200);
      await suite.http().get(`/screenings/${screening}`).set(as('province')).expect(200);
      const foreign = await suite
        .http()
        .get(`/screenings/${screening}`)
        .set(as('licheng'))
        .expect(404);
      expect(foreign.body.code).toBe('SCREENING_NOT_FOUND');
      await suite.http().get(`/screenings/${screening}`).set(as('otherTeacher')).expect(404);
      await suite
        .http()
        .get(`/screenings/${screening}/bookings`)
        .set(as('otherTeacher'))
        .expect(404);

      const ids = async (who: string): Promise<string[]> => {
        const res = await suite
          .http()
          .get(`/screenings?from=${addDays(day, 2)}&to=${addDays(day, 2)}&pageSize=100`)
          .set(as(who))
          .expect(200);
        return (res.body.items as { id: string; schoolId: string }[]).map((s) => s.id);
      };
      expect(await ids('teacher')).toContain(screening);
      expect(await ids('lixia')).toContain(screening);
      expect(await ids('licheng')).not.toContain(screening);
      expect(await ids('otherTeacher')).not.toContain(screening);

      // A bureau reads but does not book; another school cannot even see it.
      expect((await book(screening, 'B', 'lixia')).status).toBe(403);
      expect((await book(screening, 'B', 'otherTeacher')).status).toBe(404);
    });
  });

  describe('attendance', () => {
    let screening: string;

    it('publishes one event per student mark, a new revision for a correction, and nothing for a repeat', async () => {
      screening = await schedule(addDays(day, 4), '09:00', 30);
      await book(screening, 'B').expect(201);
      const [b0, b1, b2] = classes.B.students;
      const marks = [
        { studentId: b0, present: true },
        { studentId: b1, present: true },
        { studentId: b2, present: false },
      ];
      const first = await suite
        .http()
        .post(`/screenings/${screening}/roll-call`)
        .set(as('teacher'))
        .send({ marks })
        .expect(200);
      expect(first.body).toMatchObject({ changed: 3, unchanged: 0 });
      await waitFor(() => (attendanceEvents(screening).length >= 3 ? true : undefined), {
        what: 'three attendance events',
      });
      const firstEvents = attendanceEvents(screening);
      expect(firstEvents.map((e) => [e.key, e.payload.present, e.payload.revision]).sort()).toEqual(
        [
          [b0, true, 1],
          [b1, true, 1],
          [b2, false, 1],
        ].sort(),
      );
      expect(new Set(firstEvents.map((e) => e.payload.attendanceId)).size).toBe(3);
      expect(firstEvents[0].payload).toMatchObject({
        filmId,
        schoolId,
        classId: classes.B.id,
        grade: 4,
        localDate: addDays(day, 4),
      });

      const repeat = await suite
        .http()
        .post(`/screenings/${screening}/roll-call`)
        .set(as('teacher'))
        .send({ marks })
        .expect(200);
      expect(repeat.body).toMatchObject({ changed: 0, unchanged: 3 });
      // A check-in of a student already present changes nothing either.
      const checkIn = await suite
        .http()
        .post(`/screenings/${screening}/check-ins`)
        .set(as('teacher'))
        .send({ studentId: b0 })
        .expect(200);
      expect(checkIn.body).toMatchObject({ studentId: b0, present: true, revision: 1 });

      // The correction: b2 came late. Its event is published after anything the repeats would
      // have published (the outbox keeps order), so the count below is exact.
      const corrected = await suite
        .http()
        .post(`/screenings/${screening}/check-ins`)
        .set(as('teacher'))
        .send({ studentId: b2 })
        .expect(200);
      expect(corrected.body).toMatchObject({ present: true, revision: 2 });
      const correction = await waitFor(
        () => attendanceEvents(screening).find((e) => e.payload.revision === 2),
        { what: 'the correction event' },
      );
      expect(correction.payload).toMatchObject({ studentId: b2, present: true });
      expect(correction.payload.attendanceId).toBe(
        firstEvents.find((e) => e.key === b2)!.payload.attendanceId,
      );
      expect(attendanceEvents(screening)).toHaveLength(4);

      const history = await suite
        .http()
        .get(`/screenings/${screening}/attendance/history`)
        .set(as('teacher'))
        .expect(200);
      expect(history.body.total).toBe(4);
      expect(history.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ studentId: b2, revision: 1, from: null, to: false }),
          expect.objectContaining({ studentId: b2, revision: 2, from: false, to: true }),
        ]),
      );
    });

    it('refuses marks for students not booked, and corrections after the window with 409', async () => {
      const stranger = await suite
        .http()
        .post(`/screenings/${screening}/roll-call`)
        .set(as('teacher'))
        .send({ marks: [{ studentId: classes.G.students[0], present: true }] })
        .expect(400);
      expect(stranger.body.code).toBe('STUDENT_NOT_BOOKED');

      const view = await suite
        .http()
        .get(`/screenings/${screening}`)
        .set(as('teacher'))
        .expect(200);
      const realNow = clock.now.bind(clock);
      // 72 h after the end, and a minute more.
      const later = new Date(Date.parse(view.body.endsAt as string) + 72 * 3600_000 + 60_000);
      clock.now = () => later;
      try {
        const closed = await suite
          .http()
          .post(`/screenings/${screening}/roll-call`)
          .set(as('teacher'))
          .send({ marks: [{ studentId: classes.B.students[0], present: false }] })
          .expect(409);
        expect(closed.body.code).toBe('ATTENDANCE_CORRECTION_CLOSED');
      } finally {
        clock.now = realNow;
      }
    });

    it('answers the digest from the latest revisions, for the school and its bureaus only', async () => {
      const date = addDays(day, 4);
      const digest = await suite
        .http()
        .get(`/screenings/attendance-digest?schoolId=${schoolId}&from=${date}&to=${date}`)
        .set(as('lixia'))
        .expect(200);
      expect(digest.body).toMatchObject({ schoolId, from: date, to: date });
      // Earlier runs may have marks at the school on that date: look at this run's students.
      const ours = (digest.body.students as { studentId: string }[]).filter((s) =>
        classes.B.students.includes(s.studentId),
      );
      expect(ours).toEqual(
        [...classes.B.students]
          .sort()
          .map((studentId) => ({ studentId, distinctFilms: 1, presentMarks: 1 })),
      );
      const foreign = await suite
        .http()
        .get(`/screenings/attendance-digest?schoolId=${schoolId}&from=${date}&to=${date}`)
        .set(as('licheng'))
        .expect(404);
      expect(foreign.body.code).toBe('SCHOOL_NOT_FOUND');
    });
  });

  it('seeds demo films, a screening at the demo school with its class booked and attendance', async () => {
    const screenings = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/screenings?from=2026-11-20&to=2026-11-20')
          .set(as('teacher'))
          .expect(200);
        return (res.body.items as { id: string; film: { title: string } }[]).find(
          (s) => s.film.title === '闪闪的红星',
        );
      },
      { what: 'the demo screening', timeoutMs: 30_000 },
    );
    const attendance = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get(`/screenings/${screenings.id}/attendance`)
          .set(as('teacher'))
          .expect(200);
        const page = res.body as Page<AttendanceMarkView>;
        return page.total > 0 ? page : undefined;
      },
      { what: 'the demo attendance' },
    );
    expect(attendance.items.some((m) => m.present)).toBe(true);
  });
});
