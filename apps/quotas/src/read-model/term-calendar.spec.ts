import { schoolYearOfDate } from '@app/contracts';
import { parsePeriodKey, TermCalendar } from './term-calendar.js';

const terms = new TermCalendar([
  {
    areaCode: '000000',
    schoolYear: '2026-2027',
    termNo: 1,
    startsOn: '2026-09-01',
    endsOn: '2027-01-20',
  },
  {
    areaCode: '000000',
    schoolYear: '2026-2027',
    termNo: 2,
    startsOn: '2027-02-20',
    endsOn: '2027-07-10',
  },
  {
    areaCode: '370100',
    schoolYear: '2026-2027',
    termNo: 1,
    startsOn: '2026-09-01',
    endsOn: '2027-01-15',
  },
]);

describe('TermCalendar', () => {
  it('counts the last day of a term for the term and the day after for none', () => {
    expect(terms.periodOf('370102', '2027-01-15')).toEqual({ schoolYear: '2026-2027', termNo: 1 });
    expect(terms.periodOf('370102', '2027-01-16')).toEqual({
      schoolYear: '2026-2027',
      termNo: null,
    });
  });

  it('takes a school year whole from the nearest area that has terms for it', () => {
    // Jinan (3701) has only a first term: its second term is not the nation's.
    expect(terms.termOn('370102', '2027-03-01')).toBeNull();
    // Qingdao (3702) falls back to the nation.
    expect(terms.termOn('370202', '2027-03-01')?.termNo).toBe(2);
    expect(terms.termOn('370202', '2027-01-18')?.termNo).toBe(1);
  });

  it('resolves an unknown school region with the national calendar', () => {
    expect(terms.periodOf(null, '2026-10-01')).toEqual({ schoolYear: '2026-2027', termNo: 1 });
  });

  it('names school years and period keys', () => {
    expect(schoolYearOfDate('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOfDate('2027-07-31')).toBe('2026-2027');
    expect(parsePeriodKey('2026-2027-T2')).toEqual({ schoolYear: '2026-2027', termNo: 2 });
    expect(parsePeriodKey('2026-2027')).toEqual({ schoolYear: '2026-2027', termNo: null });
    expect(terms.rangeOf('370102', '2026-2027-T1')).toEqual({
      from: '2026-09-01',
      to: '2027-01-15',
    });
  });
});
