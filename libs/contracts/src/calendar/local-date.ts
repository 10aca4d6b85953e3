import {
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { addDays, daysBetween } from '@app/time';
import { isCalendarDate, isSchoolYear } from '../roster/validation.js';

/**
 * Local calendar dates (`YYYY-MM-DD`, Asia/Shanghai) are plain strings: they never pass
 * through an instant, so no time zone can shift them by a day. Their arithmetic is in
 * `@app/time` (`addDays`, `daysBetween`).
 */

/** The longest range a day-by-day query may cover: a leap year. */
export const MAX_DAYS_PER_QUERY = 366;

/** True for a date that exists, written `YYYY-MM-DD` (`isCalendarDate`, for any input). */
export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && isCalendarDate(value);
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, i) => addDays(from, i));
}

/** Saturday or Sunday. */
export function isWeekendDate(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The school years a date from `from` to `to` may belong to: a school year `Y-(Y+1)` has its
 * dates in the years Y and Y+1 (see IsInSchoolYear).
 */
export function schoolYearsCovering(from: string, to: string): string[] {
  const first = Number(from.slice(0, 4)) - 1;
  const last = Number(to.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => `${first + i}-${first + i + 1}`);
}

/** The administrative region code of an area: 6 digits, `000000` for the whole country. */
export const AREA_CODE = /^\d{6}$/;

/**
 * `@IsOnOrAfter('startsOn')`: this date is the other one or later; with `maxDays`, at most
 * that many dates from the other one to this one, both included. Passes when either date is
 * malformed, since `@IsCalendarDate` reports that.
 */
export function IsOnOrAfter(
  property: string,
  maxDays?: number,
  options?: ValidationOptions,
): PropertyDecorator {
  const limit = maxDays === undefined ? '' : ` and at most ${maxDays} days from it, inclusive`;
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options: { message: `$property must be on or after ${property}${limit}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          if (!isLocalDate(value) || !isLocalDate(other)) return true;
          const span = daysBetween(other, value);
          return span >= 0 && (maxDays === undefined || span + 1 <= maxDays);
        },
      },
    });
}

/**
 * `@IsInSchoolYear()`: the date falls in one of the two years the object's `schoolYear`
 * names (a term of 2026-2027 lies in 2026 or 2027), which catches a mistyped year.
 */
export function IsInSchoolYear(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInSchoolYear',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must fall in one of the years of schoolYear', ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const schoolYear = (args.object as { schoolYear?: unknown }).schoolYear;
          if (!isLocalDate(value) || typeof schoolYear !== 'string' || !isSchoolYear(schoolYear))
            return true;
          return schoolYear.split('-').includes(value.slice(0, 4));
        },
      },
    });
}
