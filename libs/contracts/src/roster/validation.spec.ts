import {
  isCalendarDate,
  isSchoolYear,
  isValidNationalId,
  maskNationalId,
  nationalIdCheckCharacter,
  normaliseNationalId,
  schoolYearOf,
  schoolYearOfDate,
} from './validation.js';

describe('national ID numbers (GB 11643)', () => {
  it('accepts the standard example and numbers whose check character is X', () => {
    expect(isValidNationalId('11010519491231002X')).toBe(true);
    expect(isValidNationalId(normaliseNationalId(' 11010519491231002x '))).toBe(true);
    const first17 = '37010220170514001';
    expect(isValidNationalId(first17 + nationalIdCheckCharacter(first17))).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length, letters, and a birth date that does not exist', () => {
    expect(isValidNationalId('110105194912310021')).toBe(false);
    expect(isValidNationalId('11010519491231002')).toBe(false);
    expect(isValidNationalId('1101051949123100X2')).toBe(false);
    const badDate = '37010220170230001';
    expect(isValidNationalId(badDate + nationalIdCheckCharacter(badDate))).toBe(false);
  });

  it('masks all but the last four characters', () => {
    expect(maskNationalId('002X')).toBe('**************002X');
  });
});

describe('dates and school years', () => {
  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-1')).toBe(false);
  });

  it('writes school years as two consecutive years', () => {
    expect(isSchoolYear('2026-2027')).toBe(true);
    expect(isSchoolYear('2026-2028')).toBe(false);
  });

  it('turns the school year on 1 August in Shanghai', () => {
    expect(schoolYearOf(new Date('2026-07-31T15:59:59Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-07-31T16:00:00Z'))).toBe('2026-2027');
    expect(schoolYearOf(new Date('2027-03-01T00:00:00Z'))).toBe('2026-2027');
    expect(schoolYearOfDate('2026-07-31')).toBe('2025-2026');
    expect(schoolYearOfDate('2026-08-01')).toBe('2026-2027');
    expect(schoolYearOfDate('2027-01-15')).toBe('2026-2027');
  });
});
