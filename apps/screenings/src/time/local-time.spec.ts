import { gradesMaskOf, gradesOfMask, schoolYearOfDate, shanghaiInstant } from './local-time.js';

describe('local time and grades', () => {
  it('turns a local date and time in Asia/Shanghai into the UTC instant', () => {
    expect(shanghaiInstant('2026-12-01', '09:00').toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(shanghaiInstant('2026-12-01', '07:30').toISOString()).toBe('2026-11-30T23:30:00.000Z');
  });

  it('gives the school year turning on 1 August', () => {
    expect(schoolYearOfDate('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOfDate('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOfDate('2027-01-15')).toBe('2026-2027');
  });

  it('keeps grades through the mask', () => {
    expect(gradesOfMask(gradesMaskOf([9, 1, 12]))).toEqual([1, 9, 12]);
  });
});
