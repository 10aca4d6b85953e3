import { AppError } from '@app/errors';

export const activityNotFound = (activityId: string): AppError =>
  new AppError('ACTIVITY_NOT_FOUND', 'not_found', 'No such activity', { activityId });

export const activityFull = (activityId: string, pool: string, placesLeft: number): AppError =>
  new AppError('ACTIVITY_FULL', 'conflict', `Not enough ${pool} places left in this activity`, {
    activityId,
    pool,
    placesLeft,
  });

export const activityCancelled = (activityId: string): AppError =>
  new AppError('ACTIVITY_CANCELLED', 'conflict', 'The activity was cancelled', { activityId });

export const activityStarted = (activityId: string): AppError =>
  new AppError('ACTIVITY_STARTED', 'conflict', 'The activity has started', { activityId });

export const activityHasBookings = (activityId: string, placesTaken: number): AppError =>
  new AppError(
    'ACTIVITY_HAS_BOOKINGS',
    'conflict',
    'Places are taken: the date and times stay as they are (cancel the activity and create another)',
    { activityId, placesTaken },
  );

export const activityCapacityBelowTaken = (
  pool: string,
  capacity: number,
  placesTaken: number,
): AppError =>
  new AppError(
    'ACTIVITY_CAPACITY_BELOW_TAKEN',
    'conflict',
    `${placesTaken} ${pool} places are taken: the capacity cannot go below that`,
    { pool, capacity, placesTaken },
  );

export const activityScheduleInvalid = (field: string, problem: string): AppError =>
  new AppError('ACTIVITY_SCHEDULE_INVALID', 'invalid', `${field} ${problem}`, {
    fields: [{ field, errors: [problem] }],
  });

export const pricedActivitiesAtFreeVenue = (category: string, pricedActivities: number): AppError =>
  new AppError(
    'STUDENT_PRICE_NOT_ALLOWED',
    'invalid',
    `A ${category} is free for students by policy, but ${pricedActivities} of its scheduled activities have a student price: remove it first`,
    { category, pricedActivities },
  );

/** The activity's time lies outside the venue's hours that day (after the calendar and closures). */
export const activityOutsideOpeningHours = (
  date: string,
  startTime: string,
  endTime: string,
  hours: { opens: string; closes: string; reason: string } | null,
): AppError =>
  new AppError(
    'ACTIVITY_OUTSIDE_OPENING_HOURS',
    'invalid',
    hours
      ? `The venue opens ${hours.opens}-${hours.closes} on ${date}: ${startTime}-${endTime} lies outside`
      : `The venue is closed on ${date}`,
    {
      date,
      startTime,
      endTime,
      closed: hours === null,
      opens: hours?.opens ?? null,
      closes: hours?.closes ?? null,
      reason: hours?.reason ?? null,
    },
  );
