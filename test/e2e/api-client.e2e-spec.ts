import { randomUUID } from 'node:crypto';
import type { ApiClient } from '@app/api-client';
import { DEMO, startSuite, type Suite } from '../harness.js';

/**
 * One whole flow per service through the typed client generated from the committed OpenAPI
 * document (`@app/api-client`, openapi-fetch) on a listening gateway: the compiler checks
 * these calls and the fields they read against the document, and the harness checks every
 * answer against its documented schema.
 */
describe('the typed API client against the running suite', () => {
  let suite: Suite;
  const clients: Record<string, ApiClient> = {};

  /** Signs in a demo account through the client itself. */
  async function as(email: string): Promise<ApiClient> {
    if (clients[email]) return clients[email];
    const anonymous = await suite.api();
    const { data, error } = await anonymous.POST('/auth/login', {
      body: { email, password: DEMO.password },
    });
    expect(error).toBeUndefined();
    clients[email] = await suite.api(data!.accessToken);
    return clients[email];
  }

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('directory: who am I, my school, its classes and a class of students', async () => {
    const teacher = await as('teacher@studentpass.local');
    const me = await teacher.GET('/me');
    expect(me.data?.role).toBe('school_staff');
    const school = await teacher.GET('/organisations/{id}', {
      params: { path: { id: me.data!.organisationId! } },
    });
    expect(school.data?.kind).toBe('school');
    const classes = await teacher.GET('/roster/classes', { params: { query: { pageSize: 100 } } });
    expect(classes.data!.items.length).toBeGreaterThan(0);
    const students = await teacher.GET('/roster/students', {
      params: { query: { classId: classes.data!.items[0].id } },
    });
    expect(students.data!.total).toBeGreaterThan(0);
    // A wrong body is refused with the documented error shape.
    const refused = await teacher.POST('/roster/classes', {
      body: { name: '', grade: 99 } as never,
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error?.code).toBe('VALIDATION_FAILED');
  });

  it('venues: a student finds the museum, books a free slot, reads and cancels the booking', async () => {
    const student = await as('student@studentpass.local');
    const venues = await student.GET('/venues', { params: { query: { pageSize: 100 } } });
    const museum = venues.data!.items.find((venue) => venue.name === '山东博物馆');
    expect(museum).toBeDefined();
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const slots = await student.GET('/venues/{id}/slots', {
      params: { path: { id: museum!.id }, query: { from, to } },
    });
    const mine = await student.GET('/venues/bookings', { params: { query: { pageSize: 100 } } });
    const bookedDates = new Set(
      mine.data!.items.filter((b) => b.status !== 'cancelled').map((b) => b.date),
    );
    const slot = slots.data!.find(
      (candidate) => candidate.individualLeft > 0 && !bookedDates.has(candidate.date),
    );
    expect(slot).toBeDefined();
    const booked = await student.POST('/venues/bookings/individual', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { slotId: slot!.id },
    });
    expect(booked.response.status).toBe(201);
    expect(booked.data).toMatchObject({
      kind: 'individual',
      status: 'confirmed',
      slotId: slot!.id,
    });
    const read = await student.GET('/venues/bookings/{id}', {
      params: { path: { id: booked.data!.id } },
    });
    expect(read.data?.checkInToken).toBeTruthy();
    const cancelled = await student.POST('/venues/bookings/{id}/cancel', {
      params: { path: { id: booked.data!.id } },
    });
    expect(cancelled.data?.status).toBe('cancelled');
  });

  it("screenings: a school's screenings, one of them, its attendance", async () => {
    const teacher = await as('teacher@studentpass.local');
    const screenings = await teacher.GET('/screenings', { params: { query: { pageSize: 100 } } });
    expect(screenings.data!.items.length).toBeGreaterThan(0);
    const first = screenings.data!.items[0];
    const one = await teacher.GET('/screenings/{id}', { params: { path: { id: first.id } } });
    expect(one.data?.film.title).toBe(first.film.title);
    const attendance = await teacher.GET('/screenings/{id}/attendance', {
      params: { path: { id: first.id } },
    });
    expect(attendance.data!.page).toBe(1);
    const films = await teacher.GET('/screenings/films', { params: { query: { pageSize: 10 } } });
    expect(films.data!.total).toBeGreaterThanOrEqual(5);
  });

  it('study tours: the public list of bases, and the school’s bookings', async () => {
    const anonymous = await suite.api();
    const bases = await anonymous.GET('/study-tours/bases', {
      params: { query: { pageSize: 10 } },
    });
    expect(bases.response.status).toBe(200);
    expect(Array.isArray(bases.data!.items)).toBe(true);
    const teacher = await as('teacher@studentpass.local');
    const bookings = await teacher.GET('/study-tours/bookings', {
      params: { query: { pageSize: 10 } },
    });
    expect(bookings.data!.page).toBe(1);
  });

  it('employment aid: the centre lists its graduates and reads a plan; the graduate reads its own record', async () => {
    const careers = await as('careers@studentpass.local');
    const graduates = await careers.GET('/employment-aid/graduates', {
      params: { query: { pageSize: 100 } },
    });
    const liMing = graduates.data!.items.find((graduate) => graduate.name === '李明');
    expect(liMing).toBeDefined();
    const plan = await careers.GET('/employment-aid/graduates/{id}/plan', {
      params: { path: { id: liMing!.id } },
    });
    expect(plan.response.status).toBe(200);
    const graduate = await as('graduate@studentpass.local');
    const mine = await graduate.GET('/employment-aid/me');
    expect(mine.data?.registration.name).toBe('李明');
  });

  it('quotas: the rules, the school’s compliance report and a student’s own standing', async () => {
    const teacher = await as('teacher@studentpass.local');
    const rules = await teacher.GET('/quotas/rules');
    expect(rules.response.status).toBe(200);
    const report = await teacher.GET('/quotas/reports/compliance', {
      params: { query: { period: '2026-2027-T1' } },
    });
    expect(report.response.status).toBe(200);
    // The route answers JSON or, with `format`, a CSV or xlsx download: the type says both.
    if (typeof report.data !== 'object') throw new Error('expected the JSON report');
    expect(report.data.counts.students).toBeGreaterThan(0);
    const student = await as('student@studentpass.local');
    const standing = await student.GET('/quotas/me/standing', {
      params: { query: { period: '2026-2027-T1' } },
    });
    expect(standing.response.status).toBe(200);
  });
});
