import { AppError } from '@app/errors';
import type { NonSchoolDay } from './read-model/read-model.repository.js';

export const filmNotFound = (filmId: string): AppError =>
  new AppError('FILM_NOT_FOUND', 'not_found', 'No such film', { filmId });
export const screeningNotFound = (screeningId: string): AppError =>
  new AppError('SCREENING_NOT_FOUND', 'not_found', 'No such screening', { screeningId });
export const bookingNotFound = (bookingId: string | null): AppError =>
  new AppError('SCREENING_BOOKING_NOT_FOUND', 'not_found', 'No such booking of this screening', {
    bookingId,
  });
export const classNotFound = (classId: string): AppError =>
  new AppError(
    'CLASS_NOT_FOUND',
    'not_found',
    'No class with current students at the screening’s school',
    { classId },
  );
export const schoolNotFound = (schoolId: string | null): AppError =>
  new AppError('SCHOOL_NOT_FOUND', 'not_found', 'No such school in your scope', { schoolId });
export const bureauNotFound = (bureauId: string | null): AppError =>
  new AppError('BUREAU_NOT_FOUND', 'not_found', 'No such bureau in your scope', { bureauId });
export const actionForbidden = (what: string): AppError =>
  new AppError('SCREENING_ACTION_FORBIDDEN', 'forbidden', `Your role may not ${what}`);
export const filmAlreadyExists = (title: string, year: number): AppError =>
  new AppError('FILM_ALREADY_EXISTS', 'conflict', 'This film is already in the catalogue', {
    title,
    year,
  });
export const filmNotApproved = (filmId: string, schoolYear: string): AppError =>
  new AppError(
    'FILM_NOT_APPROVED',
    'invalid',
    `No bureau above the school approved this film for ${schoolYear}`,
    { filmId, schoolYear },
  );
export const filmNotSuitable = (filmId: string, grade: number, grades: number[]): AppError =>
  new AppError(
    'FILM_NOT_SUITABLE_FOR_GRADE',
    'invalid',
    `The film suits grades ${grades.join(', ')}, not grade ${grade}`,
    { filmId, grade, grades },
  );
export const venueOrganisationUnknown = (venueOrganisationId: string | null): AppError =>
  new AppError(
    'VENUE_ORGANISATION_UNKNOWN',
    'invalid',
    'A cinema screening names a known venue organisation (venueOrganisationId)',
    { venueOrganisationId },
  );
export const screeningInPast = (startsAt: Date): AppError =>
  new AppError('SCREENING_IN_PAST', 'invalid', 'A screening must start in the future', {
    startsAt: startsAt.toISOString(),
  });
export const screeningNotOnSchoolDay = (day: NonSchoolDay): AppError =>
  new AppError(
    'SCREENING_NOT_ON_SCHOOL_DAY',
    'invalid',
    `${day.date} is not a school day (${day.kind}${day.name ? `: ${day.name}` : ''}); ` +
      'send allowNonSchoolDay: true to schedule it anyway',
    { date: day.date, kind: day.kind, name: day.name },
  );
export const screeningFull = (
  screeningId: string,
  seatsLeft: number,
  requested: number,
): AppError =>
  new AppError(
    'SCREENING_FULL',
    'conflict',
    `Not enough seats: ${requested} requested, ${seatsLeft} left`,
    { screeningId, seatsLeft, requested },
  );
export const screeningTimeConflict = (
  conflicts: { studentId: string; screeningId: string }[],
): AppError =>
  new AppError(
    'SCREENING_TIME_CONFLICT',
    'conflict',
    'Some students are booked into another screening at an overlapping time',
    { conflicts },
  );
export const studentsAlreadyBooked = (studentIds: string[]): AppError =>
  new AppError(
    'STUDENTS_ALREADY_BOOKED',
    'conflict',
    'Some students are already booked into this screening',
    { studentIds },
  );
export const screeningNotOpen = (screeningId: string, why: string): AppError =>
  new AppError('SCREENING_NOT_OPEN', 'conflict', `The screening ${why}`, { screeningId });
export const bookingNotCancellable = (bookingId: string, why: string): AppError =>
  new AppError('BOOKING_NOT_CANCELLABLE', 'conflict', `The booking ${why}`, { bookingId });
export const studentNotBooked = (studentIds: string[]): AppError =>
  new AppError(
    'STUDENT_NOT_BOOKED',
    'invalid',
    'Marks for students not booked into the screening',
    {
      studentIds,
    },
  );
export const attendanceNotOpen = (opensAt: Date): AppError =>
  new AppError('ATTENDANCE_NOT_OPEN', 'conflict', 'Attendance opens shortly before the screening', {
    opensAt: opensAt.toISOString(),
  });
export const attendanceCorrectionClosed = (closedAt: Date): AppError =>
  new AppError(
    'ATTENDANCE_CORRECTION_CLOSED',
    'conflict',
    'The window for recording and correcting attendance has closed',
    { closedAt: closedAt.toISOString() },
  );
export const invalidInput = (field: string, error: string): AppError =>
  new AppError('VALIDATION_FAILED', 'invalid', error, { fields: [{ field, errors: [error] }] });
