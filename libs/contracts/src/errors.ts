import type { ErrorKind } from '@app/errors';
import { CommonErrorCodes } from '@app/errors';
import { CalendarErrorCodes } from './calendar/errors.js';
import { RosterErrorCodes } from './roster/errors.js';
import { EmploymentAidErrorCodes } from './employment-aid/errors.js';
import { VenuesErrorCodes } from './venues/errors.js';
import { ScreeningsErrorCodes } from './screenings/errors.js';
import { StudyToursErrorCodes } from './study-tours/errors.js';
import { QuotasErrorCodes } from './quotas/errors.js';

/** Error codes the directory service raises, with the kind the gateway maps to a status. */
export const DirectoryErrorCodes = {
  INVALID_CREDENTIALS: 'unauthenticated',
  EMAIL_TAKEN: 'conflict',
  ROLE_NOT_ALLOWED: 'invalid',
  INVALID_REFRESH_TOKEN: 'unauthenticated',
  REFRESH_TOKEN_REUSED: 'unauthenticated',
  ACCOUNT_NOT_FOUND: 'not_found',
  ORGANISATION_NOT_FOUND: 'not_found',
  PARENT_ORGANISATION_NOT_FOUND: 'not_found',
  INVALID_ORGANISATION_HIERARCHY: 'invalid',
  /** A roster student has at most one account. */
  STUDENT_ACCOUNT_EXISTS: 'conflict',
  // Security hardening (issue 12): region checks of the organisation tree.
  /** A child organisation's region code lies outside its parent's region. */
  REGION_OUTSIDE_PARENT: 'invalid',
  /** A bureau's region code is not of its level (a county bureau with a city code). */
  REGION_LEVEL_MISMATCH: 'invalid',
  // Account management (issue 18): passwords, deactivation, edits.
  /** The account's password was reset by an admin: only /me, /me/password and logout until changed. */
  PASSWORD_CHANGE_REQUIRED: 'forbidden',
  /** The new password is the current one. */
  PASSWORD_UNCHANGED: 'invalid',
  /** Nobody deactivates, resets or changes the role of their own account here. */
  OWN_ACCOUNT_CHANGE: 'conflict',
  /** The last active platform admin stays active. */
  LAST_PLATFORM_ADMIN: 'conflict',
} as const satisfies Record<string, ErrorKind>;

/** Every code any service may send back, so the gateway knows the status of each. */
export const ErrorCatalog: Readonly<Record<string, ErrorKind>> = {
  ...CommonErrorCodes,
  ...DirectoryErrorCodes,
  ...CalendarErrorCodes,
  ...RosterErrorCodes,
  ...VenuesErrorCodes,
  ...EmploymentAidErrorCodes,
  ...ScreeningsErrorCodes,
  ...StudyToursErrorCodes,
  ...QuotasErrorCodes,
};
