import type { ErrorKind } from '@app/errors';

/** Error codes of the calendar feature, with their kinds. */
export const CalendarErrorCodes = {} as const satisfies Record<string, ErrorKind>;
