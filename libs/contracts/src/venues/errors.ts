import type { ErrorKind } from '@app/errors';

/** Error codes of the venues service, with their kinds. */
export const VenuesErrorCodes = {
  VENUE_NOT_FOUND: 'not_found',
  CLOSURE_NOT_FOUND: 'not_found',
  SLOT_NOT_FOUND: 'not_found',
  BOOKING_NOT_FOUND: 'not_found',
  /** The organisation is not a venue organisation the service knows (yet). */
  VENUE_ORGANISATION_UNKNOWN: 'invalid',
  /** The actor's role may not do this (e.g. a student creating a venue). */
  VENUE_ACTION_FORBIDDEN: 'forbidden',
  /** Free categories (museum, memorial_hall, ...) never carry a student price. */
  STUDENT_PRICE_NOT_ALLOWED: 'invalid',
  /** Science and sports venues state their student price (0 allowed). */
  STUDENT_PRICE_REQUIRED: 'invalid',
  /** Opening hours that close before they open, or slots longer than the day. */
  OPENING_HOURS_INVALID: 'invalid',
  /** No individual places left in the slot (or group places, for a group). */
  SLOT_FULL: 'conflict',
  /** The slot was withdrawn (calendar change), has started, or lies outside the window. */
  SLOT_UNAVAILABLE: 'conflict',
  /** One individual booking per venue per day per student. */
  ALREADY_BOOKED_THAT_DAY: 'conflict',
  /** The rolling cap of individual bookings per 30 days is reached. */
  BOOKING_CAP_REACHED: 'conflict',
  /** Too many no-shows: individual bookings are barred until `details.barredUntil`. */
  BOOKING_BARRED: 'forbidden',
  /** The same Idempotency-Key was used with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'conflict',
  /** Only a pending group request can be confirmed or declined. */
  BOOKING_NOT_PENDING: 'conflict',
  /** Cancelled, declined, expired, checked in or a no-show: nothing to cancel. */
  BOOKING_NOT_CANCELLABLE: 'conflict',
  /** The cancellation cut-off before the slot has passed. */
  CANCELLATION_CLOSED: 'conflict',
  /** The QR token is malformed, forged or tampered with. */
  CHECKIN_TOKEN_INVALID: 'invalid',
  ALREADY_CHECKED_IN: 'conflict',
  /** The booking is not confirmed (pending, declined, cancelled, expired, no-show). */
  BOOKING_NOT_CONFIRMED: 'conflict',
  /** Outside the entry window around the slot. */
  CHECKIN_WINDOW_CLOSED: 'conflict',
  WAITLIST_ENTRY_NOT_FOUND: 'not_found',
  /** The individual pool has places: book directly. */
  SLOT_NOT_FULL: 'conflict',
  ALREADY_ON_WAITLIST: 'conflict',
  /** The entry has no open offer (still waiting, expired, taken or left). */
  OFFER_NOT_OPEN: 'conflict',
  ACTIVITY_NOT_FOUND: 'not_found',
  /** No places left in the activity's pool (individual, or group for a group). */
  ACTIVITY_FULL: 'conflict',
  /** The activity was cancelled: it takes no bookings and no changes. */
  ACTIVITY_CANCELLED: 'conflict',
  /** The activity has started (or ended): it cannot be booked, moved or cancelled. */
  ACTIVITY_STARTED: 'conflict',
  /** Date and times change only while nobody holds a place: cancel and create another. */
  ACTIVITY_HAS_BOOKINGS: 'conflict',
  /** A capacity below the places already taken. */
  ACTIVITY_CAPACITY_BELOW_TAKEN: 'conflict',
  /** End before start, in the past, too far ahead, or no places at all. */
  ACTIVITY_SCHEDULE_INVALID: 'invalid',
  // ---- security hardening (issue 12) ----
  /** Listed students (or the booking student) not enrolled at the booking's school: `details.studentIds`. */
  STUDENTS_NOT_IN_SCHOOL: 'invalid',
  /** The venue organisation lies outside the actor's scope: as if it did not exist. */
  VENUE_ORGANISATION_NOT_FOUND: 'not_found',
  /** A venue's region lies inside its organisation's region (`370100` ⊃ `370102`). */
  VENUE_REGION_OUTSIDE_ORGANISATION: 'invalid',
  /** Only a bureau admin whose region contains the target region (or a platform admin) moves a venue. */
  REGION_CHANGE_NOT_ALLOWED: 'forbidden',
  // ---- calendar changes (issue 18) ----
  /** An activity outside the venue's opening hours that day (after holidays, vacations, closures): `details` has the day's hours. */
  ACTIVITY_OUTSIDE_OPENING_HOURS: 'invalid',
} as const satisfies Record<string, ErrorKind>;
