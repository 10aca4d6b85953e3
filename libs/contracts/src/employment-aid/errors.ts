import type { ErrorKind } from '@app/errors';

/** Error codes of the employment-aid service, with their kinds. */
export const EmploymentAidErrorCodes = {
  GRADUATE_NOT_FOUND: 'not_found',
  MENTOR_NOT_FOUND: 'not_found',
  GOAL_NOT_FOUND: 'not_found',
  REFERRAL_NOT_FOUND: 'not_found',
  SESSION_NOT_FOUND: 'not_found',
  OUTCOME_NOT_FOUND: 'not_found',
  TRAINING_NOT_FOUND: 'not_found',
  POSTING_NOT_FOUND: 'not_found',
  POSTING_ALREADY_REVIEWED: 'conflict',
  POSTING_SELF_REVIEW: 'conflict',
  POSTING_NOT_OPEN: 'conflict',
  UNIVERSITY_NOT_FOUND: 'not_found',
  BUREAU_NOT_FOUND: 'not_found',
  MENTOR_AT_CAPACITY: 'conflict',
  MENTOR_ALREADY_ASSIGNED: 'conflict',
  GRADUATE_ALREADY_HAS_MENTOR: 'conflict',
  MENTOR_ACCOUNT_TAKEN: 'conflict',
  REASSIGNMENT_REASON_REQUIRED: 'invalid',
  SESSION_EDIT_WINDOW_CLOSED: 'conflict',
  OUTCOME_ALREADY_VERIFIED: 'conflict',
  TRAINING_FULL: 'conflict',
  ALREADY_ENROLLED: 'conflict',
  NOT_ENROLLED: 'conflict',
  INVALID_CAPACITY: 'invalid',
  MENTOR_ACCOUNT_NOT_ELIGIBLE: 'invalid',
  /** The account is linked to another graduate record (one account per graduate). */
  GRADUATE_ACCOUNT_TAKEN: 'conflict',
  /** The graduate record is already linked to an account: unlink it first. */
  GRADUATE_ALREADY_LINKED: 'conflict',
  GRADUATE_ACCOUNT_NOT_ELIGIBLE: 'invalid',
  /** A graduate's own view: no graduate record is linked to the signed-in account. */
  GRADUATE_NOT_LINKED: 'not_found',
  /** A support session dated after today (Asia/Shanghai). */
  SESSION_DATE_IN_FUTURE: 'invalid',
  /** An outcome's start date after today (Asia/Shanghai). */
  OUTCOME_DATE_IN_FUTURE: 'invalid',
  /** A session or outcome dated before the graduate was registered. */
  DATE_BEFORE_REGISTRATION: 'invalid',
} as const satisfies Record<string, ErrorKind>;
