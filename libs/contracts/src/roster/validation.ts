import { ValidateBy, type ValidationOptions } from 'class-validator';
import { shanghaiDateOf } from '@app/time';

/** Weights of the first 17 characters of a GB 11643 citizen identity number. */
const NATIONAL_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder of the weighted sum mod 11 (ISO 7064 MOD 11-2). */
const NATIONAL_ID_CHECK = '10X98765432';

/** Upper-cases the check character (`x` → `X`) and trims blanks around the number. */
export function normaliseNationalId(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * True for an 18-character GB 11643 citizen identity number: 17 digits whose 7th to 14th
 * are a real birth date, then the MOD 11-2 check character (0–9 or X). Give it normalised.
 */
export function isValidNationalId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (!isCalendarDate(`${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * NATIONAL_ID_WEIGHTS[i];
  return NATIONAL_ID_CHECK[sum % 11] === value[17];
}

/** The check character the first 17 digits call for (for test data and tools). */
export function nationalIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * NATIONAL_ID_WEIGHTS[i];
  return NATIONAL_ID_CHECK[sum % 11];
}

/** `**************123X`: all but the last four characters hidden. */
export function maskNationalId(lastFour: string): string {
  return `${'*'.repeat(14)}${lastFour}`;
}

/** True for `YYYY-MM-DD` naming a day that exists (no 2月30日). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** True for a school year written `2026-2027`: two consecutive years. */
export function isSchoolYear(value: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/**
 * The school year of a local date (`YYYY-MM-DD`): it turns on 1 August, so that the rosters
 * of the year starting in September are prepared under that year's name.
 */
export function schoolYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The school year an instant falls in, by its date in Asia/Shanghai. */
export function schoolYearOf(at: Date): string {
  return schoolYearOfDate(shanghaiDateOf(at));
}

/** Student numbers: letters, digits, `-` and `_`, up to 32 (学籍号 are 19 characters). */
export const STUDENT_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export function IsNationalId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNationalId',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isValidNationalId(normaliseNationalId(value)),
        defaultMessage: () =>
          '$property must be an 18-character national ID number with a valid check digit (GB 11643)',
      },
    },
    options,
  );
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => '$property must be a date written YYYY-MM-DD',
      },
    },
    options,
  );
}

export function IsSchoolYear(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSchoolYear',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isSchoolYear(value),
        defaultMessage: () => '$property must be a school year such as 2026-2027',
      },
    },
    options,
  );
}
