import type { ErrorKind } from '@app/errors';

/** Error codes of the employment-aid service, with their kinds. */
export const EmploymentAidErrorCodes = {} as const satisfies Record<string, ErrorKind>;
