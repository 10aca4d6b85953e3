import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import {
  CreateTermCommand,
  ListCalendarDaysQuery,
  SetHolidayCommand,
  datesFrom,
  isWeekendDate,
  schoolYearsCovering,
} from '../index.js';

const actor = { accountId: randomUUID(), role: 'bureau_admin', organisationId: randomUUID() };

/** The fields that fail validation, as the gateway would list them. */
function invalidFields<T extends object>(cls: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(cls, { actor, ...plain }))
    .map((e) => e.property)
    .sort();
}

const term = {
  areaCode: '370000',
  schoolYear: '2026-2027',
  term: 1,
  startsOn: '2026-09-01',
  endsOn: '2027-01-22',
};

describe('calendar dates', () => {
  it('lists every date of a range across a month boundary', () => {
    expect(datesFrom('2026-09-30', '2026-10-02')).toEqual([
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
    ]);
  });

  it('knows Saturdays and Sundays', () => {
    expect(isWeekendDate('2026-10-10')).toBe(true); // Saturday
    expect(isWeekendDate('2026-10-18')).toBe(true); // Sunday
    expect(isWeekendDate('2026-10-09')).toBe(false); // Friday
  });

  it('lists the school years whose dates may fall in a range', () => {
    expect(schoolYearsCovering('2026-10-01', '2026-10-31')).toEqual(['2025-2026', '2026-2027']);
    expect(schoolYearsCovering('2026-12-01', '2027-01-31')).toEqual([
      '2025-2026',
      '2026-2027',
      '2027-2028',
    ]);
  });
});

describe('calendar messages', () => {
  it('accepts a well-formed term', () => {
    expect(invalidFields(CreateTermCommand, term)).toEqual([]);
  });

  it('refuses dates that do not exist, an end before the start, and a year outside the school year', () => {
    expect(invalidFields(CreateTermCommand, { ...term, startsOn: '2026-02-30' })).toEqual([
      'startsOn',
    ]);
    expect(invalidFields(CreateTermCommand, { ...term, endsOn: '2026-08-31' })).toEqual(['endsOn']);
    expect(invalidFields(CreateTermCommand, { ...term, endsOn: '2028-01-22' })).toEqual(['endsOn']);
    expect(
      invalidFields(CreateTermCommand, { ...term, schoolYear: '2026-2028', areaCode: '3700' }),
    ).toEqual(['areaCode', 'schoolYear']);
    expect(invalidFields(CreateTermCommand, { ...term, term: 3 })).toEqual(['term']);
  });

  it('wants a name for a holiday, and a weekend for a make-up working day', () => {
    const holiday = { areaCode: '000000', date: '2026-10-01', kind: 'holiday', name: '国庆节' };
    expect(invalidFields(SetHolidayCommand, holiday)).toEqual([]);
    expect(invalidFields(SetHolidayCommand, { ...holiday, name: undefined })).toEqual(['name']);
    const makeup = { areaCode: '000000', date: '2026-10-10', kind: 'makeup_workday' };
    expect(invalidFields(SetHolidayCommand, makeup)).toEqual([]);
    expect(invalidFields(SetHolidayCommand, { ...makeup, date: '2026-10-09' })).toEqual(['date']);
  });

  it('allows a range of at most 366 dates, in order', () => {
    const range = { areaCode: '370102', from: '2028-01-01' };
    expect(invalidFields(ListCalendarDaysQuery, { ...range, to: '2028-12-31' })).toEqual([]);
    expect(invalidFields(ListCalendarDaysQuery, { ...range, to: '2029-01-01' })).toEqual(['to']);
    expect(invalidFields(ListCalendarDaysQuery, { ...range, to: '2027-12-31' })).toEqual(['to']);
  });
});
