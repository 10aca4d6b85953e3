import { Logger } from '@nestjs/common';
import type { Actor, TermNumber, VacationKind } from '@app/contracts';
import { NATIONAL_AREA_CODE } from './area-code.js';
import type { CalendarService } from './calendar.service.js';

/** Shandong province: the demo school calendar is entered there, as a province bureau would. */
export const DEMO_CALENDAR_AREA = '370000';

type DemoTerm = { term: TermNumber; startsOn: string; endsOn: string };
type DemoVacation = { kind: VacationKind; name: string; startsOn: string; endsOn: string };

/**
 * DEMO DATA: a plausible Shandong school calendar per school year, not an official one. Terms
 * and vacations are whole periods layered per school year, so the province sets all of them.
 */
export const DEMO_SCHOOL_YEARS: {
  schoolYear: string;
  terms: DemoTerm[];
  vacations: DemoVacation[];
}[] = [
  {
    schoolYear: '2025-2026',
    terms: [
      { term: 1, startsOn: '2025-09-01', endsOn: '2026-01-30' },
      { term: 2, startsOn: '2026-03-02', endsOn: '2026-07-10' },
    ],
    vacations: [
      { kind: 'winter', name: '2026年寒假', startsOn: '2026-01-31', endsOn: '2026-03-01' },
      { kind: 'summer', name: '2026年暑假', startsOn: '2026-07-11', endsOn: '2026-08-31' },
    ],
  },
  {
    schoolYear: '2026-2027',
    terms: [
      { term: 1, startsOn: '2026-09-01', endsOn: '2027-01-22' },
      { term: 2, startsOn: '2027-02-22', endsOn: '2027-07-09' },
    ],
    vacations: [
      { kind: 'winter', name: '2027年寒假', startsOn: '2027-01-23', endsOn: '2027-02-21' },
      { kind: 'summer', name: '2027年暑假', startsOn: '2027-07-10', endsOn: '2027-08-31' },
    ],
  },
];

const days = (from: number, to: number, prefix: string, rest: string): string[] =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}-${String(from + i).padStart(2, '0')},${rest}`,
  );

/**
 * The 2026 arrangement of the State Council's notice (国务院办公厅关于2026年部分节假日安排的
 * 通知), with its make-up working days, entered at national level (`000000`): every area
 * without a row of its own for a date follows it. Holidays are data, entered or imported each
 * year; an admin corrects them through /calendar/holidays.
 *
 * 2027 is deliberately absent: its notice is not out yet, and a guessed list would set every
 * venue's 2027 holiday hours. Import it at `000000` when it is published.
 *
 * Shandong has no holiday rows of its own: it follows the national list on every date. A
 * province row is for a date where it differs (a provincial holiday, another kind or name),
 * and overrides that one date only.
 */
export const NATIONAL_HOLIDAYS_2026_CSV = [
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
].join('\n');

/**
 * Rows earlier versions of this seed wrote at province level (`370000`): a copy of the 2026
 * national list, which hid later national imports on those dates, and guessed 2027 dates
 * (Spring Festival 02-05..08 without make-up days and the like). Rows of Shandong equal to
 * one of these (date, kind and name) are removed at start; anything an admin changed stays.
 */
const LEGACY_PROVINCE_ROWS = new Set([
  ...NATIONAL_HOLIDAYS_2026_CSV.split('\n').slice(1),
  '2027-01-01,holiday,元旦',
  ...days(5, 8, '2027-02', 'holiday,春节'),
  '2027-04-05,holiday,清明节',
  ...days(1, 2, '2027-05', 'holiday,劳动节'),
  '2027-06-09,holiday,端午节',
  '2027-09-15,holiday,中秋节',
  ...days(1, 3, '2027-10', 'holiday,国庆节'),
]);

/**
 * Demo calendar for a newcomer: the 2026 national holidays at `000000`, and Shandong's terms
 * and vacations for 2025-2026 and 2026-2027 (DEMO DATA). Removes the province rows earlier
 * versions of the seed wrote (see LEGACY_PROVINCE_ROWS). Goes through the service as `actor` (a platform
 * admin), so the changes are published like any other. Safe to run at every start: each part
 * is skipped when its area already has data of its own there, so an admin's later
 * corrections are never overwritten.
 */
export async function seedCalendarDemo(calendar: CalendarService, actor: Actor): Promise<void> {
  const ownOf =
    (areaCode: string) =>
    <T extends { areaCode: string }>(items: T[]): T[] =>
      items.filter((item) => item.areaCode === areaCode);
  const own = ownOf(DEMO_CALENDAR_AREA);
  const area = { actor, areaCode: DEMO_CALENDAR_AREA };
  const seeded: string[] = [];

  for (const { schoolYear, terms, vacations } of DEMO_SCHOOL_YEARS) {
    const existingTerms = await calendar.listTerms({ ...area, schoolYear });
    if (own(existingTerms.items).length === 0) {
      for (const term of terms) await calendar.createTerm({ ...area, schoolYear, ...term });
      seeded.push(`terms ${schoolYear}`);
    }
    const existingVacations = await calendar.listVacations({ ...area, schoolYear });
    if (own(existingVacations.items).length === 0) {
      for (const vacation of vacations) {
        await calendar.createVacation({ ...area, schoolYear, ...vacation });
      }
      seeded.push(`vacations ${schoolYear}`);
    }
  }

  const nation = { actor, areaCode: NATIONAL_AREA_CODE };
  const national = await calendar.listHolidays({ ...nation, year: 2026 });
  if (national.items.length === 0) {
    await calendar.importHolidays({ ...nation, csv: NATIONAL_HOLIDAYS_2026_CSV });
    seeded.push('national holidays 2026');
  }

  // After the national list is in, so the legacy dates fall through to it without a gap.
  let removed = 0;
  for (const year of [2026, 2027]) {
    const rows = own((await calendar.listHolidays({ ...area, year })).items);
    for (const row of rows) {
      if (!LEGACY_PROVINCE_ROWS.has(`${row.date},${row.kind},${row.name ?? ''}`)) continue;
      await calendar.deleteHoliday({ actor, holidayId: row.id });
      removed += 1;
    }
  }
  if (removed > 0) seeded.push(`removed ${removed} legacy province holiday rows`);

  if (seeded.length > 0) {
    new Logger('Seed').log({ msg: 'demo calendar created', area: DEMO_CALENDAR_AREA, seeded });
  }
}
