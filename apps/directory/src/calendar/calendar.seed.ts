import { Logger } from '@nestjs/common';
import type { Actor, TermNumber, VacationKind } from '@app/contracts';
import type { CalendarService } from './calendar.service.js';

/** Shandong province: the demo calendar is entered there, as a province bureau would. */
export const DEMO_CALENDAR_AREA = '370000';
const SCHOOL_YEAR = '2026-2027';

/** DEMO DATA: a plausible Shandong school calendar, not an official one. */
const DEMO_TERMS: { term: TermNumber; startsOn: string; endsOn: string }[] = [
  { term: 1, startsOn: '2026-09-01', endsOn: '2027-01-22' },
  { term: 2, startsOn: '2027-02-22', endsOn: '2027-07-09' },
];

/** DEMO DATA, like the terms. */
const DEMO_VACATIONS: { kind: VacationKind; name: string; startsOn: string; endsOn: string }[] = [
  { kind: 'winter', name: '2027年寒假', startsOn: '2027-01-23', endsOn: '2027-02-21' },
  { kind: 'summer', name: '2027年暑假', startsOn: '2027-07-10', endsOn: '2027-08-31' },
];

const days = (from: number, to: number, prefix: string, rest: string): string[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}-${String(from + i).padStart(2, '0')},${rest}`,
  );

/**
 * DEMO DATA — to be replaced by the State Council's published list (国务院办公厅关于节假日
 * 安排的通知) before any real use; holidays are data, entered or imported each year.
 * 2026: the arrangement as published for 2026, with its make-up working days.
 * 2027: only the statutory days themselves (全国年节及纪念日放假办法) as the lunar calendar
 * gives them; the 2027 arrangement (bridging days, make-up working days) was not yet
 * published when this was written, so it is missing here.
 */
export const DEMO_HOLIDAYS_CSV = [
  'date,kind,name',
  ...days(1, 3, '2026-01', 'holiday,元旦'),
  '2026-01-04,makeup_workday,元旦',
  '2026-02-14,makeup_workday,春节',
  ...days(15, 23, '2026-02', 'holiday,春节'),
  '2026-02-28,makeup_workday,春节',
  ...days(4, 6, '2026-04', 'holiday,清明节'),
  ...days(1, 5, '2026-05', 'holiday,劳动节'),
  '2026-05-09,makeup_workday,劳动节',
  ...days(19, 21, '2026-06', 'holiday,端午节'),
  '2026-09-20,makeup_workday,国庆节',
  ...days(25, 27, '2026-09', 'holiday,中秋节'),
  ...days(1, 7, '2026-10', 'holiday,国庆节'),
  '2026-10-10,makeup_workday,国庆节',
  '2027-01-01,holiday,元旦',
  ...days(5, 8, '2027-02', 'holiday,春节'),
  '2027-04-05,holiday,清明节',
  ...days(1, 2, '2027-05', 'holiday,劳动节'),
  '2027-06-09,holiday,端午节',
  '2027-09-15,holiday,中秋节',
  ...days(1, 3, '2027-10', 'holiday,国庆节'),
].join('\n');

/**
 * Demo calendar for a newcomer, for Shandong (370000): the 2026-2027 terms, the 2027 winter
 * and summer vacations and the 2026/2027 national statutory holidays. Goes through the
 * service as `actor` (a platform admin), so the changes are published like any other. Safe
 * to run at every start: each part is skipped when the area already has data of its own
 * there, so an admin's later corrections are never overwritten.
 */
export async function seedCalendarDemo(calendar: CalendarService, actor: Actor): Promise<void> {
  const own = <T extends { areaCode: string }>(items: T[]): T[] =>
    items.filter((item) => item.areaCode === DEMO_CALENDAR_AREA);
  const area = { actor, areaCode: DEMO_CALENDAR_AREA };
  const seeded: string[] = [];

  const terms = await calendar.listTerms({ ...area, schoolYear: SCHOOL_YEAR });
  if (own(terms.items).length === 0) {
    for (const term of DEMO_TERMS) {
      await calendar.createTerm({ ...area, schoolYear: SCHOOL_YEAR, ...term });
    }
    seeded.push('terms');
  }
  const vacations = await calendar.listVacations({ ...area, schoolYear: SCHOOL_YEAR });
  if (own(vacations.items).length === 0) {
    for (const vacation of DEMO_VACATIONS) {
      await calendar.createVacation({ ...area, schoolYear: SCHOOL_YEAR, ...vacation });
    }
    seeded.push('vacations');
  }
  const holidays = await calendar.listHolidays({ ...area, year: 2026 });
  if (own(holidays.items).length === 0) {
    await calendar.importHolidays({ ...area, csv: DEMO_HOLIDAYS_CSV });
    seeded.push('holidays');
  }
  if (seeded.length > 0) {
    new Logger('Seed').log({ msg: 'demo calendar created', area: DEMO_CALENDAR_AREA, seeded });
  }
}
