import { AppError } from '@app/errors';
import { assertDateWithinAid, type AidDateCheck } from './aid-dates.js';

const check = (date: string): AidDateCheck => ({
  field: 'occurredAt',
  date,
  today: '2026-12-07',
  registeredOn: '2026-11-01',
  futureCode: 'SESSION_DATE_IN_FUTURE',
});

const codeOf = (work: () => void): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('assertDateWithinAid', () => {
  it('takes the registration day, today and every day between', () => {
    for (const date of ['2026-11-01', '2026-11-20', '2026-12-07']) {
      expect(codeOf(() => assertDateWithinAid(check(date)))).toBeUndefined();
    }
  });

  it('refuses tomorrow with the future code and the day before registration', () => {
    expect(codeOf(() => assertDateWithinAid(check('2026-12-08')))).toBe('SESSION_DATE_IN_FUTURE');
    expect(
      codeOf(() =>
        assertDateWithinAid({ ...check('2030-01-01'), futureCode: 'OUTCOME_DATE_IN_FUTURE' }),
      ),
    ).toBe('OUTCOME_DATE_IN_FUTURE');
    expect(codeOf(() => assertDateWithinAid(check('2026-10-31')))).toBe('DATE_BEFORE_REGISTRATION');
  });
});
