import { SCREENINGS_ATTENDANCE_DIGEST } from './digest.js';

/** Request topics of the screenings service: films and their approval, screenings, bookings, attendance. */
export const ScreeningsRequestTopics = {
  ping: 'screenings.health.ping',
  createFilm: 'screenings.films.create',
  listFilms: 'screenings.films.list',
  getFilm: 'screenings.films.get',
  approveFilm: 'screenings.films.approve',
  withdrawApproval: 'screenings.films.withdraw-approval',
  listApprovedFilms: 'screenings.films.approved',
  createScreening: 'screenings.screenings.create',
  listScreenings: 'screenings.screenings.list',
  getScreening: 'screenings.screenings.get',
  cancelScreening: 'screenings.screenings.cancel',
  bookClass: 'screenings.bookings.create',
  listBookings: 'screenings.bookings.list',
  cancelBooking: 'screenings.bookings.cancel',
  bookIndividual: 'screenings.bookings.individual.create',
  cancelIndividual: 'screenings.bookings.individual.cancel',
  recordRollCall: 'screenings.attendance.roll-call',
  checkIn: 'screenings.attendance.check-in',
  listAttendance: 'screenings.attendance.list',
  attendanceHistory: 'screenings.attendance.history',
  attendanceDigest: SCREENINGS_ATTENDANCE_DIGEST,
} as const;

export const ScreeningsDeadLetterTopic = 'screenings.dead-letters';
