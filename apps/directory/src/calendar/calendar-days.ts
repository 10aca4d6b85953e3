import {
  datesFrom,
  isWeekendDate,
  type CalendarDayView,
  type HolidayKind,
  type TermNumber,
  type VacationKind,
} from '@app/contracts';
import { enclosingAreas } from './area-code.js';

/** A dated record of some area, as the rules below need it. */
interface AreaRecord {
  areaCode: string;
}
export interface TermRecord extends AreaRecord {
  schoolYear: string;
  term: TermNumber;
  startsOn: string;
  endsOn: string;
}
export interface VacationRecord extends AreaRecord {
  schoolYear: string;
  kind: VacationKind;
  name: string | null;
  startsOn: string;
  endsOn: string;
}
export interface HolidayRecord extends AreaRecord {
  date: string;
  kind: HolidayKind;
  name: string | null;
}

/**
 * Which records apply to an area, given the records of it and its enclosing areas:
 * - terms and vacations, per school year: those of the nearest area that has any for that
 *   school year (a city that sets its own terms replaces the province's for that year, and
 *   a date is never judged by a mix of two areas' terms);
 * - holidays and make-up working days, per date: the entry of the nearest area that has one
 *   for that date (a province may add a local holiday to the national list).
 */
export function effectiveRecords<T extends AreaRecord>(
  areaCode: string,
  records: T[],
  groupOf: (record: T) => string,
): T[] {
  const rank = new Map(enclosingAreas(areaCode).map((code, index) => [code, index]));
  const nearestByGroup = new Map<string, number>();
  for (const record of records) {
    const r = rank.get(record.areaCode);
    if (r === undefined) continue;
    const group = groupOf(record);
    nearestByGroup.set(group, Math.min(r, nearestByGroup.get(group) ?? r));
  }
  return records.filter((record) => {
    const r = rank.get(record.areaCode);
    return r !== undefined && r === nearestByGroup.get(groupOf(record));
  });
}

export const bySchoolYear = (record: { schoolYear: string }): string => record.schoolYear;
export const byDate = (record: { date: string }): string => record.date;

export interface CalendarData {
  terms: TermRecord[];
  vacations: VacationRecord[];
  holidays: HolidayRecord[];
}

const covers = (period: { startsOn: string; endsOn: string }, date: string): boolean =>
  period.startsOn <= date && date <= period.endsOn;

/**
 * What each date from `from` to `to` is in an area. `data` holds the records of the area and
 * its enclosing areas; the nearest applies (see effectiveRecords). A make-up working day is
 * a working day even on a weekend; a holiday is not; otherwise Saturday and Sunday are not.
 */
export function resolveDays(
  areaCode: string,
  from: string,
  to: string,
  data: CalendarData,
): CalendarDayView[] {
  const terms = effectiveRecords(areaCode, data.terms, bySchoolYear);
  const vacations = effectiveRecords(areaCode, data.vacations, bySchoolYear);
  const holidays = new Map(
    effectiveRecords(areaCode, data.holidays, byDate).map((h) => [h.date, h]),
  );
  return datesFrom(from, to).map((date) => {
    const entry = holidays.get(date);
    const isHoliday = entry?.kind === 'holiday';
    const isMakeupWorkday = entry?.kind === 'makeup_workday';
    const isWeekend = isWeekendDate(date);
    const term = terms.find((t) => covers(t, date));
    const vacation = vacations.find((v) => covers(v, date));
    return {
      date,
      areaCode,
      isHoliday,
      holidayName: isHoliday ? (entry?.name ?? null) : null,
      isMakeupWorkday,
      isWeekend,
      isWorkingDay: isMakeupWorkday || (!isHoliday && !isWeekend),
      isVacation: vacation !== undefined,
      vacation: vacation
        ? {
            kind: vacation.kind,
            name: vacation.name,
            startsOn: vacation.startsOn,
            endsOn: vacation.endsOn,
          }
        : null,
      term: term
        ? {
            schoolYear: term.schoolYear,
            term: term.term,
            startsOn: term.startsOn,
            endsOn: term.endsOn,
          }
        : null,
    };
  });
}
