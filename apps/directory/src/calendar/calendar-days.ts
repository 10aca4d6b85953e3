import {
  datesFrom,
  holidaysByDate,
  isWeekendDate,
  periodsBySchoolYear,
  type CalendarDayView,
  type HolidayKind,
  type TermNumber,
  type VacationKind,
} from '@app/contracts';

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

export interface CalendarData {
  terms: TermRecord[];
  vacations: VacationRecord[];
  holidays: HolidayRecord[];
}

const covers = (period: { startsOn: string; endsOn: string }, date: string): boolean =>
  period.startsOn <= date && date <= period.endsOn;

/**
 * What each date from `from` to `to` is in an area. `data` holds the records of the area and
 * its enclosing areas, layered as `@app/contracts` layering.ts says: holidays per date,
 * terms and vacations per school year. A make-up working day is
 * a working day even on a weekend; a holiday is not; otherwise Saturday and Sunday are not.
 */
export function resolveDays(
  areaCode: string,
  from: string,
  to: string,
  data: CalendarData,
): CalendarDayView[] {
  const terms = periodsBySchoolYear(areaCode, data.terms);
  const vacations = periodsBySchoolYear(areaCode, data.vacations);
  const holidays = holidaysByDate(areaCode, data.holidays);
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
