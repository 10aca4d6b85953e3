import type { ErrorKind } from '@app/errors';

/** Error codes of the quotas service, with their kinds. */
export const QuotasErrorCodes = {
  QUOTA_RULE_NOT_FOUND: 'not_found',
  /** Outside the actor's organisation, or unknown: the same answer. */
  QUOTA_SCOPE_NOT_FOUND: 'not_found',
  QUOTA_STUDENT_NOT_FOUND: 'not_found',
  /** The actor's role may not do this. */
  QUOTA_ACTION_FORBIDDEN: 'forbidden',
  /** A rule with neither minimum nor maximum, or a maximum below the minimum. */
  QUOTA_RULE_INVALID: 'invalid',
  /** The period does not fit the rule (a term key for a school-year rule, or the reverse). */
  QUOTA_PERIOD_INVALID: 'invalid',
  /** The digest is for another school or window than asked. */
  QUOTA_DIGEST_MISMATCH: 'invalid',
} as const satisfies Record<string, ErrorKind>;
