import { AppError } from '@app/errors';

export const slotNotFound = (slotId: string): AppError =>
  new AppError('SLOT_NOT_FOUND', 'not_found', 'No such slot', { slotId });

export const bookingNotFound = (bookingId: string): AppError =>
  new AppError('BOOKING_NOT_FOUND', 'not_found', 'No such booking', { bookingId });

export const slotFull = (slotId: string, pool: string, placesLeft: number): AppError =>
  new AppError('SLOT_FULL', 'conflict', `Not enough ${pool} places left in this slot`, {
    slotId,
    pool,
    placesLeft,
  });

export const slotUnavailable = (slotId: string, why: string): AppError =>
  new AppError('SLOT_UNAVAILABLE', 'conflict', `The slot cannot be booked: ${why}`, { slotId });

export const alreadyBookedThatDay = (venueId: string, date: string): AppError =>
  new AppError(
    'ALREADY_BOOKED_THAT_DAY',
    'conflict',
    'You already have a booking at this venue that day',
    {
      venueId,
      date,
    },
  );

export const bookingCapReached = (cap: number): AppError =>
  new AppError('BOOKING_CAP_REACHED', 'conflict', `At most ${cap} individual bookings in 30 days`, {
    cap,
  });

export const bookingBarred = (barredUntil: Date, noShows: number, windowDays: number): AppError =>
  new AppError(
    'BOOKING_BARRED',
    'forbidden',
    `Individual bookings are barred until ${barredUntil.toISOString()}: ${noShows} missed visits (no-shows) within ${windowDays} days`,
    { barredUntil: barredUntil.toISOString(), reason: 'no_shows', noShows },
  );

export const idempotencyKeyReused = (): AppError =>
  new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'conflict',
    'This Idempotency-Key was already used for a different request',
  );

export const bookingNotPending = (status: string): AppError =>
  new AppError('BOOKING_NOT_PENDING', 'conflict', `The request is ${status}, not pending`, {
    status,
  });

export const bookingNotCancellable = (status: string): AppError =>
  new AppError('BOOKING_NOT_CANCELLABLE', 'conflict', `A ${status} booking cannot be cancelled`, {
    status,
  });

export const cancellationClosed = (cutoff: Date): AppError =>
  new AppError(
    'CANCELLATION_CLOSED',
    'conflict',
    `Cancellation closed at ${cutoff.toISOString()}`,
    {
      cutoff: cutoff.toISOString(),
    },
  );

export const checkInTokenInvalid = (): AppError =>
  new AppError(
    'CHECKIN_TOKEN_INVALID',
    'invalid',
    'The QR code is not a genuine check-in token of this venue',
  );

export const alreadyCheckedIn = (checkedInAt: Date): AppError =>
  new AppError(
    'ALREADY_CHECKED_IN',
    'conflict',
    `Already checked in at ${checkedInAt.toISOString()}`,
    {
      checkedInAt: checkedInAt.toISOString(),
    },
  );

export const bookingNotConfirmed = (status: string): AppError =>
  new AppError('BOOKING_NOT_CONFIRMED', 'conflict', `The booking is ${status}, not confirmed`, {
    status,
  });

export const checkInWindowClosed = (opensAt: Date, closesAt: Date): AppError =>
  new AppError(
    'CHECKIN_WINDOW_CLOSED',
    'conflict',
    `Check-in is open from ${opensAt.toISOString()} to ${closesAt.toISOString()}`,
    { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
  );

/** Students a booking names who are not enrolled at its school (unknown ids included). */
export const studentsNotInSchool = (studentIds: string[]): AppError =>
  new AppError(
    'STUDENTS_NOT_IN_SCHOOL',
    'invalid',
    studentIds.length === 1
      ? "1 student named is not on the roster of the booking's school"
      : `${studentIds.length} students named are not on the roster of the booking's school`,
    { studentIds },
  );
