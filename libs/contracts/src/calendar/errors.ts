import type { ErrorKind } from '@app/errors';

/** Error codes of the calendar feature, with their kinds. */
export const CalendarErrorCodes = {
  TERM_NOT_FOUND: 'not_found',
  VACATION_NOT_FOUND: 'not_found',
  HOLIDAY_NOT_FOUND: 'not_found',
  /** Its dates overlap another term of the same area and school year. */
  TERM_OVERLAP: 'conflict',
  /** The area already has this term (1 or 2) for the school year. */
  TERM_EXISTS: 'conflict',
  VACATION_OVERLAP: 'conflict',
  /** The area already has this vacation (winter or summer) for the school year. */
  VACATION_EXISTS: 'conflict',
  /** Rows of an imported file are wrong; `details.errors` lists `{ line, reason }`. */
  HOLIDAY_IMPORT_INVALID: 'invalid',
} as const satisfies Record<string, ErrorKind>;
