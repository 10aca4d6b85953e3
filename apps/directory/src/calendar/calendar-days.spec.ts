import { enclosingAreas } from './area-code.js';
import {
  resolveDays,
  type CalendarData,
  type HolidayRecord,
  type TermRecord,
  type VacationRecord,
} from './calendar-days.js';

const term = (areaCode: string, t: 1 | 2, startsOn: string, endsOn: string): TermRecord => ({
  areaCode,
  schoolYear: '2026-2027',
  term: t,
  startsOn,
  endsOn,
});
const holiday = (
  areaCode: string,
  date: string,
  kind: HolidayRecord['kind'] = 'holiday',
  name: string | null = '国庆节',
): HolidayRecord => ({ areaCode, date, kind, name });
const winter: VacationRecord = {
  areaCode: '370000',
  schoolYear: '2026-2027',
  kind: 'winter',
  name: '寒假',
  startsOn: '2027-01-23',
  endsOn: '2027-02-21',
};

const shandong: CalendarData = {
  terms: [
    term('370000', 1, '2026-09-01', '2027-01-22'),
    term('370000', 2, '2027-02-22', '2027-07-09'),
  ],
  vacations: [winter],
  holidays: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => holiday('000000', `2026-10-${d}`)),
    holiday('000000', '2026-10-10', 'makeup_workday'),
  ],
};

const day = (areaCode: string, date: string, data = shandong) =>
  resolveDays(areaCode, date, date, data)[0];

describe('enclosingAreas', () => {
  it('goes from a district to its city, its province and the country', () => {
    expect(enclosingAreas('370102')).toEqual(['370102', '370100', '370000', '000000']);
    expect(enclosingAreas('370100')).toEqual(['370100', '370000', '000000']);
    expect(enclosingAreas('000000')).toEqual(['000000']);
  });
});

describe('resolveDays', () => {
  it('makes a holiday weekday a day off, with its name', () => {
    expect(day('370102', '2026-10-02')).toMatchObject({
      isHoliday: true,
      holidayName: '国庆节',
      isWeekend: false,
      isWorkingDay: false,
      term: { schoolYear: '2026-2027', term: 1 },
    });
  });

  it('makes a make-up Saturday a working day, and an ordinary Sunday not', () => {
    expect(day('370102', '2026-10-10')).toMatchObject({
      isMakeupWorkday: true,
      isWeekend: true,
      isWorkingDay: true,
      isHoliday: false,
      holidayName: null,
    });
    expect(day('370102', '2026-10-18')).toMatchObject({
      isWeekend: true,
      isWorkingDay: false,
      isHoliday: false,
      isMakeupWorkday: false,
    });
  });

  it('counts a term’s last day in the term and a vacation day as vacation', () => {
    expect(day('370102', '2027-01-22').term).toEqual({
      schoolYear: '2026-2027',
      term: 1,
      startsOn: '2026-09-01',
      endsOn: '2027-01-22',
    });
    expect(day('370102', '2027-01-25')).toMatchObject({
      term: null,
      isVacation: true,
      vacation: { kind: 'winter', name: '寒假' },
    });
  });

  it('takes a school year’s terms from the nearest area that has any, never a mix', () => {
    const withCity: CalendarData = {
      ...shandong,
      terms: [...shandong.terms, term('370100', 1, '2026-09-01', '2027-01-15')],
    };
    // Jinan set only its term 1: its districts follow Jinan, not the province's term 2.
    expect(day('370102', '2027-01-20', withCity).term).toBeNull();
    expect(day('370102', '2027-03-01', withCity).term).toBeNull();
    expect(day('370202', '2027-01-20', withCity).term).toMatchObject({ term: 1 });
  });

  it('takes each date’s entry from the nearest area that has one', () => {
    const withProvince: CalendarData = {
      ...shandong,
      holidays: [...shandong.holidays, holiday('370000', '2026-10-10', 'holiday', '地方节日')],
    };
    expect(day('370102', '2026-10-10', withProvince)).toMatchObject({
      isHoliday: true,
      holidayName: '地方节日',
      isWorkingDay: false,
    });
    expect(day('440100', '2026-10-10', withProvince).isMakeupWorkday).toBe(true);
    expect(day('370102', '2026-10-01', withProvince).holidayName).toBe('国庆节');
  });

  it('answers one entry per date over a range', () => {
    const october = resolveDays('370102', '2026-10-01', '2026-10-31', shandong);
    expect(october).toHaveLength(31);
    expect(october.filter((d) => d.isHoliday)).toHaveLength(7);
    // 22 weekdays, less 5 holiday weekdays, plus 1 make-up Saturday.
    expect(october.filter((d) => d.isWorkingDay)).toHaveLength(18);
  });
});
