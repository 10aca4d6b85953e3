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

  it('gives Shandong its terms and the national 2026 list, and changes nothing when run again', async () => {
    const calendar = suite.directory!.get(CalendarService);
    const actor = {
      accountId: randomUUID(),
      role: 'platform_admin' as const,
      organisationId: null,
    };
    await seedCalendarDemo(calendar, actor);
    const count = async () => {
      const area = { actor, areaCode: '370000' };
      const [terms, lastTerms, vacations, holidays] = await Promise.all([
        calendar.listTerms({ ...area, schoolYear: '2026-2027' }),
        calendar.listTerms({ ...area, schoolYear: '2025-2026' }),
        calendar.listVacations({ ...area, schoolYear: '2026-2027' }),
        calendar.listHolidays({ ...area, year: 2026 }),
      ]);
      return [
        terms.items.length,
        lastTerms.items.length,
        vacations.items.length,
        holidays.items.length,
        holidays.items.filter((h) => h.areaCode !== '000000').length,
      ];
    };
    const first = await count();
    expect(first.slice(0, 2)).toEqual([2, 2]);
    // The 2026 holidays reach Shandong from the national list, not from rows of its own.
    expect(first[4]).toBe(0);
    await seedCalendarDemo(calendar, actor);
    expect(await count()).toEqual(first);

    const token = await loginAsDemoAdmin(suite);
    const makeup = await suite
      .http()
      .get('/calendar/days/2026-10-10?areaCode=370102')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(makeup.body).toMatchObject({ isMakeupWorkday: true, isWorkingDay: true });
    // 2027's notice is not out: no guessed Spring Festival, but the winter vacation.
    const springFestival = await suite
      .http()
      .get('/calendar/days/2027-02-08?areaCode=370102')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(springFestival.body).toMatchObject({
      isHoliday: false,
      isVacation: true,
      vacation: { kind: 'winter' },
      term: null,
    });
  });
});
