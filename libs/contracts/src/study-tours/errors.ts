import type { ErrorKind } from '@app/errors';

/**
 * Error codes of the study-tours service. The booking checks (`TEACHER_RATIO_NOT_MET` …
 * `PARENTAL_CONSENT_MISSING`) each carry `details.fix`, saying what would make them pass.
 */
export const StudyToursErrorCodes = {
  STUDY_TOUR_BASE_NOT_FOUND: 'not_found',
  DESIGNATION_NOT_FOUND: 'not_found',
  PROGRAMME_NOT_FOUND: 'not_found',
  STUDY_TOUR_BOOKING_NOT_FOUND: 'not_found',
  STUDY_TOUR_SCHOOL_NOT_FOUND: 'not_found',
  STUDY_TOUR_BUREAU_NOT_FOUND: 'not_found',
  /** The role may not do this (in your scope, but not yours to do). */
  STUDY_TOUR_ACTION_FORBIDDEN: 'forbidden',
  /** A bureau designates at its own level only; `national` is for platform admins. */
  DESIGNATION_LEVEL_NOT_ALLOWED: 'forbidden',
  /** Every checklist item must have passed (details.failedItems). */
  DESIGNATION_CHECKLIST_INCOMPLETE: 'invalid',
  /** validUntil before validFrom, or already over. */
  DESIGNATION_PERIOD_INVALID: 'invalid',
  /** The base already holds a live (active or suspended) designation at that level. */
  DESIGNATION_EXISTS: 'conflict',
  /** E.g. reinstating a revoked designation, suspending a suspended one. */
  DESIGNATION_STATUS_CONFLICT: 'conflict',
  /** No active, unexpired designation: no new programmes or bookings. */
  BASE_NOT_DESIGNATED: 'conflict',
  /** Group bounds, capacity or options that contradict each other. */
  PROGRAMME_INVALID: 'invalid',
  /** A programme may ask for more teachers than the bureau's default, never fewer. */
  TEACHER_RATIO_BELOW_DEFAULT: 'invalid',
  /** A meal or transport option the programme does not offer. */
  PROGRAMME_OPTION_UNKNOWN: 'invalid',
  /** Listed students not on the school's roster (as this service knows it). */
  STUDENTS_NOT_ON_ROSTER: 'invalid',
  /** Participation marks for students the booking does not list. */
  STUDENT_NOT_LISTED: 'invalid',
  /** Approval on without a principal account. */
  PRINCIPAL_REQUIRED: 'invalid',
  TEACHER_RATIO_NOT_MET: 'invalid',
  GRADE_NOT_SUITED: 'invalid',
  GROUP_SIZE_OUT_OF_RANGE: 'invalid',
  DATE_OUTSIDE_DESIGNATION: 'invalid',
  DATE_IN_PAST: 'invalid',
  INSURANCE_INCOMPLETE: 'invalid',
  SAFETY_PLAN_MISSING: 'invalid',
  PARENTAL_CONSENT_MISSING: 'invalid',
  /** Not enough places left that day (details.placesLeft). */
  DAY_FULL: 'conflict',
  /** The booking is not in a status that allows this (details.status). */
  BOOKING_STATE_CONFLICT: 'conflict',
  /** Participation is recorded for a confirmed booking, from its first day on. */
  PARTICIPATION_NOT_OPEN: 'conflict',
  /** Rated once per booking, after participation was recorded. */
  RATING_NOT_OPEN: 'conflict',
  ALREADY_RATED: 'conflict',
  // ---- issue 21 (safety) and issue 12 (principal)
  /**
   * Listed students already in another active booking (awaiting approval, submitted,
   * confirmed, completed) on one of the visit's days: details.studentIds, details.bookingId.
   */
  STUDENTS_ALREADY_BOOKED: 'conflict',
  /** The same teacher (account, name or phone) listed twice: details.duplicates. */
  TEACHERS_LISTED_TWICE: 'invalid',
  /** A teacher's accountId that is not a school_staff account of the school: details.accountIds. */
  TEACHER_NOT_SCHOOL_STAFF: 'invalid',
  /** A consent recorded after the request (today) or not before the visit: details.studentIds. */
  PARENTAL_CONSENT_DATE_INVALID: 'invalid',
  /** No policy period, or one that does not cover every day of the visit. */
  INSURANCE_PERIOD_INVALID: 'invalid',
  /** The principal named is not an existing school_staff account of that school. */
  PRINCIPAL_NOT_SCHOOL_STAFF: 'invalid',
  /** The principal account drafted this booking: someone else must approve it. */
  SELF_APPROVAL_FORBIDDEN: 'forbidden',
  // ---- issue 18 item 6 (decision deadline, programme edits)
  /** The base answers a submitted booking by `decideBy`; after it the booking expired. */
  DECISION_DEADLINE_PASSED: 'conflict',
  /** A new daily capacity below the places already taken on a future day: details.days. */
  CAPACITY_BELOW_TAKEN: 'conflict',
  /** New group bounds or grades that active bookings do not fit: details.bookings. */
  PROGRAMME_CHANGE_CONFLICTS_BOOKINGS: 'conflict',
  /** The base closed this day of the programme to new bookings: details.date. */
  DAY_CLOSED: 'conflict',
} as const satisfies Record<string, ErrorKind>;
