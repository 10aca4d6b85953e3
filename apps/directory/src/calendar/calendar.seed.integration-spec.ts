import { randomUUID } from 'node:crypto';
import { loginAsDemoAdmin, startSuite, type Suite } from '../../../../test/harness.js';
import { seedCalendarDemo } from './calendar.seed.js';
import { CalendarService } from './calendar.service.js';

describe('seedCalendarDemo (real service and MySQL)', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(async () => {
    await suite.close();
  });

  it('gives Shandong a calendar, and changes nothing when run again', async () => {
    const calendar = suite.directory!.get(CalendarService);
    const actor = {
      accountId: randomUUID(),
      role: 'platform_admin' as const,
      organisationId: null,
    };
    await seedCalendarDemo(calendar, actor);
    const count = async () => {
      const area = { actor, areaCode: '370000' };
      const [terms, vacations, holidays] = await Promise.all([
        calendar.listTerms({ ...area, schoolYear: '2026-2027' }),
        calendar.listVacations({ ...area, schoolYear: '2026-2027' }),
        calendar.listHolidays({ ...area, year: 2026 }),
      ]);
      return [terms.items.length, vacations.items.length, holidays.items.length];
    };
    const first = await count();
    expect(first[0]).toBe(2);
    await seedCalendarDemo(calendar, actor);
    expect(await count()).toEqual(first);

    const token = await loginAsDemoAdmin(suite);
    const makeup = await suite
      .http()
      .get('/calendar/days/2026-10-10?areaCode=370102')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(makeup.body).toMatchObject({ isMakeupWorkday: true, isWorkingDay: true });
    const springFestival = await suite
      .http()
      .get('/calendar/days/2027-02-08?areaCode=370102')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(springFestival.body).toMatchObject({
      isHoliday: true,
      holidayName: '春节',
      isVacation: true,
      vacation: { kind: 'winter' },
      term: null,
    });
  });
});
