import type { ErrorKind } from '@app/errors';

/** Error codes of the roster feature, with their kinds. */
export const RosterErrorCodes = {
  SCHOOL_NOT_FOUND: 'not_found',
  CLASS_NOT_FOUND: 'not_found',
  STUDENT_NOT_FOUND: 'not_found',
  ROSTER_IMPORT_NOT_FOUND: 'not_found',
  CLASS_NAME_TAKEN: 'conflict',
  CLASS_NOT_EMPTY: 'conflict',
  STUDENT_NUMBER_TAKEN: 'conflict',
  NATIONAL_ID_ALREADY_RECORDED: 'conflict',
  STUDENT_NOT_ACTIVE: 'conflict',
  ROSTER_IMPORT_NOT_UPLOADING: 'conflict',
  INVALID_ROSTER_CHANGE: 'invalid',
  ROSTER_IMPORT_INVALID_UPLOAD: 'invalid',
  ROSTER_IMPORT_TOO_LARGE: 'invalid',
} as const satisfies Record<string, ErrorKind>;
