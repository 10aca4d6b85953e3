import type { ErrorKind } from '@app/errors';

/** Error codes of the screenings service, with their kinds. */
export const ScreeningsErrorCodes = {
  FILM_NOT_FOUND: 'not_found',
  SCREENING_NOT_FOUND: 'not_found',
  SCREENING_BOOKING_NOT_FOUND: 'not_found',
  /** A class of the screening's school that has no current students in the roster (or none). */
  CLASS_NOT_FOUND: 'not_found',
  /** A school outside the actor's scope, or unknown to the service. */
  SCHOOL_NOT_FOUND: 'not_found',
  BUREAU_NOT_FOUND: 'not_found',
  /** The actor's role may not do this (e.g. school staff adding a film to the catalogue). */
  SCREENING_ACTION_FORBIDDEN: 'forbidden',
  /** The same film (title and year) is already in the catalogue. */
  FILM_ALREADY_EXISTS: 'conflict',
  /** No bureau above the school approved the film for the screening's school year. */
  FILM_NOT_APPROVED: 'invalid',
  /** The film's grades do not include the class's grade. */
  FILM_NOT_SUITABLE_FOR_GRADE: 'invalid',
  /** The partner cinema is not a venue organisation the service knows. */
  VENUE_ORGANISATION_UNKNOWN: 'invalid',
  /** A screening must start in the future. */
  SCREENING_IN_PAST: 'invalid',
  /**
   * The date is not a school day of the school's area: a statutory holiday, a weekend that is
   * not a make-up working day, or a vacation (details.date, details.kind, details.name);
   * `allowNonSchoolDay: true` schedules it anyway.
   */
  SCREENING_NOT_ON_SCHOOL_DAY: 'invalid',
  /** Not enough seats left for the students booked (details.seatsLeft, details.requested). */
  SCREENING_FULL: 'conflict',
  /** Students already booked into a screening overlapping this one (details.conflicts). */
  SCREENING_TIME_CONFLICT: 'conflict',
  /** Students already booked into this screening (details.studentIds). */
  STUDENTS_ALREADY_BOOKED: 'conflict',
  /** Cancelled screening, or it has started: no booking, cancellation or change. */
  SCREENING_NOT_OPEN: 'conflict',
  BOOKING_NOT_CANCELLABLE: 'conflict',
  /** Marks for students not booked into the screening (details.studentIds). */
  STUDENT_NOT_BOOKED: 'invalid',
  /** Attendance opens shortly before the screening starts. */
  ATTENDANCE_NOT_OPEN: 'conflict',
  /** The correction window after the screening's end has passed (details.closedAt). */
  ATTENDANCE_CORRECTION_CLOSED: 'conflict',
} as const satisfies Record<string, ErrorKind>;
