import { AppError } from '@app/errors';

export interface AidDateCheck {
  /** The command's field, named in the error. */
  field: string;
  /** The date to check, `YYYY-MM-DD` in Asia/Shanghai. */
  date: string;
  /** Today in Asia/Shanghai. */
  today: string;
  /** The day the graduate was registered, in Asia/Shanghai. */
  registeredOn: string;
  /** The code for a date after today. */
  futureCode: 'SESSION_DATE_IN_FUTURE' | 'OUTCOME_DATE_IN_FUTURE';
}

const invalidDate = (code: string, check: AidDateCheck, reason: string): AppError =>
  new AppError(code, 'invalid', `${check.field} ${check.date} ${reason}`, {
    field: check.field,
    date: check.date,
    today: check.today,
    registeredOn: check.registeredOn,
  });

/**
 * What a session or an outcome is dated must lie between the graduate's registration and
 * today: a session dated ahead would hide the no-contact alert, one dated before the
 * registration would count contact that the aid never had, and an outcome ahead would
 * count employment that has not begun.
 */
export function assertDateWithinAid(check: AidDateCheck): void {
  if (check.date > check.today) {
    throw invalidDate(check.futureCode, check, `is after today (${check.today})`);
  }
  if (check.date < check.registeredOn) {
    throw invalidDate(
      'DATE_BEFORE_REGISTRATION',
      check,
      `is before the graduate was registered (${check.registeredOn})`,
    );
  }
}
