import type { ErrorKind } from '@app/errors';

/** Error codes of the venues service, with their kinds. */
export const VenuesErrorCodes = {} as const satisfies Record<string, ErrorKind>;
