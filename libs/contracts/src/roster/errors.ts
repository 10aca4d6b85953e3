import type { ErrorKind } from '@app/errors';

/** Error codes of the roster feature, with their kinds. */
export const RosterErrorCodes = {} as const satisfies Record<string, ErrorKind>;
