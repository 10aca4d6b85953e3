import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ScreeningBookingStatus,
  ScreeningBookingView,
  ScreeningPlaceKind,
  ScreeningStatus,
  ScreeningView,
} from '@app/contracts';
import type { SchoolFilter } from '../access/screening-access.js';

export interface ScreeningRow {
  id: string;
  school_id: string;
  school_year: string;
  film_id: string;
  place_kind: ScreeningPlaceKind;
  venue_organisation_id: string | null;
  hall_name: string;
  local_date: string;
  start_time: string;
  starts_at: Date;
  ends_at: Date;
  seats: number;
  seats_taken: number;
  status: ScreeningStatus;
  cancel_reason: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** A screening with the film fields its view shows. */
export interface ScreeningWithFilm extends ScreeningRow {
  film_title: string;
  film_running_minutes: number;
  film_subtitles: number;
  film_audio_description: number;
  film_grades_mask: number;
}

export interface BookingRow {
  id: string;
  screening_id: string;
  school_id: string;
  class_id: string | null;
  grade: number;
  student_ids: string;
  student_count: number;
  status: ScreeningBookingStatus;
  booked_by: string;
  created_at: Date;
  cancelled_at: Date | null;
}

export const screeningViewOf = (s: ScreeningWithFilm): ScreeningView => ({
  id: s.id,
  schoolId: s.school_id,
  schoolYear: s.school_year,
  film: {
    id: s.film_id,
    title: s.film_title,
    runningMinutes: Number(s.film_running_minutes),
    subtitles: Number(s.film_subtitles) === 1,
    audioDescription: Number(s.film_audio_description) === 1,
  },
  placeKind: s.place_kind,
  venueOrganisationId: s.venue_organisation_id,
  hallName: s.hall_name,
  localDate: s.local_date,
  startTime: s.start_time,
  startsAt: new Date(s.starts_at).toISOString(),
  endsAt: new Date(s.ends_at).toISOString(),
  seats: Number(s.seats),
  seatsTaken: Number(s.seats_taken),
  seatsLeft: Number(s.seats) - Number(s.seats_taken),
  status: s.status,
  cancelReason: s.cancel_reason,
  createdBy: s.created_by,
  createdAt: new Date(s.created_at).toISOString(),
});

export const bookingViewOf = (b: BookingRow): ScreeningBookingView => ({
  id: b.id,
  screeningId: b.screening_id,
  schoolId: b.school_id,
  classId: b.class_id,
  grade: Number(b.grade),
  studentIds: JSON.parse(b.student_ids) as string[],
  studentCount: Number(b.student_count),
  status: b.status,
  bookedBy: b.booked_by,
  createdAt: new Date(b.created_at).toISOString(),
  cancelledAt: b.cancelled_at ? new Date(b.cancelled_at).toISOString() : null,
});

const SCREENING_SELECT = `SELECT s.id, s.school_id, s.school_year, s.film_id, s.place_kind,
    s.venue_organisation_id, s.hall_name, DATE_FORMAT(s.local_date, '%Y-%m-%d') AS local_date,
    s.start_time, s.starts_at, s.ends_at, s.seats, s.seats_taken, s.status, s.cancel_reason,
    s.created_by, s.created_at, s.updated_at, f.title AS film_title,
    f.running_minutes AS film_running_minutes, f.subtitles AS film_subtitles,
    f.audio_description AS film_audio_description, f.grades_mask AS film_grades_mask
  FROM screenings s JOIN films f ON f.id = s.film_id`;

/** Every query of screenings, their seats and the class bookings. */
@Injectable()
export class ScreeningsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, s: Omit<ScreeningRow, 'seats_taken'>): Promise<void> {
    await manager.query(
      `INSERT INTO screenings (id, school_id, school_year, film_id, place_kind, venue_organisation_id,
         hall_name, local_date, start_time, starts_at, ends_at, seats, seats_taken, status,
         cancel_reason, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
      [
        s.id,
        s.school_id,
        s.school_year,
        s.film_id,
        s.place_kind,
        s.venue_organisation_id,
        s.hall_name,
        s.local_date,
        s.start_time,
        s.starts_at,
        s.ends_at,
        s.seats,
        s.status,
        s.cancel_reason,
        s.created_by,
        s.created_at,
        s.updated_at,
      ],
    );
  }

  /** With `lock`, the screening's row is locked for the caller's transaction. */
  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ScreeningWithFilm | null> {
    // Only the screening's row is locked, not its film's (shared by many screenings).
    if (lock) await manager.query('SELECT id FROM screenings WHERE id = ? FOR UPDATE', [id]);
    const rows: ScreeningWithFilm[] = await manager.query(`${SCREENING_SELECT} WHERE s.id = ?`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async list(
    scope: SchoolFilter,
    filter: { schoolId?: string; filmId?: string; from?: string; to?: string },
    page: number,
    pageSize: number,
  ): Promise<[ScreeningWithFilm[], number]> {
    const where: string[] = ['1 = 1'];
    const params: unknown[] = [];
    switch (scope.kind) {
      case 'none':
        return [[], 0];
      case 'school':
        where.push('s.school_id = ?');
        params.push(scope.schoolId);
        break;
      case 'region':
        where.push('s.school_id IN (SELECT id FROM known_organisations WHERE region_code LIKE ?)');
        params.push(`${scope.prefix}%`);
        break;
      case 'all':
        break;
    }
    if (filter.schoolId) {
      where.push('s.school_id = ?');
      params.push(filter.schoolId);
    }
    if (filter.filmId) {
      where.push('s.film_id = ?');
      params.push(filter.filmId);
    }
    if (filter.from) {
      where.push('s.local_date >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('s.local_date <= ?');
      params.push(filter.to);
    }
    const clause = where.join(' AND ');
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM screenings s WHERE ${clause}`,
      params,
    );
    const rows: ScreeningWithFilm[] = await this.dataSource.query(
      `${SCREENING_SELECT} WHERE ${clause} ORDER BY s.starts_at DESC, s.id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return [rows, Number(total)];
  }

  /**
   * Takes seats with one conditional UPDATE: never more than the seats, whatever the
   * concurrency (the CHECK constraint is the backstop). False when it could not.
   */
  async takeSeats(manager: EntityManager, id: string, count: number, now: Date): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      `UPDATE screenings SET seats_taken = seats_taken + ?, updated_at = ?
       WHERE id = ? AND status = 'scheduled' AND starts_at > ? AND seats_taken + ? <= seats`,
      [count, now, id, now, count],
    );
    return result.affectedRows === 1;
  }

  async releaseSeats(manager: EntityManager, id: string, count: number, now: Date): Promise<void> {
    await manager.query(
      'UPDATE screenings SET seats_taken = seats_taken - ?, updated_at = ? WHERE id = ?',
      [count, now, id],
    );
  }

  async markCancelled(
    manager: EntityManager,
    id: string,
    reason: string,
    now: Date,
  ): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      `UPDATE screenings SET status = 'cancelled', cancel_reason = ?, seats_taken = 0, updated_at = ?
       WHERE id = ? AND status = 'scheduled'`,
      [reason, now, id],
    );
    return result.affectedRows === 1;
  }

  /** Students of the list already holding a seat in the screening. */
  async alreadySeated(
    manager: EntityManager,
    screeningId: string,
    studentIds: string[],
  ): Promise<string[]> {
    const rows: { student_id: string }[] = await manager.query(
      `SELECT student_id FROM booked_seats
       WHERE screening_id = ? AND student_id IN (?) AND active_flag = 1`,
      [screeningId, studentIds],
    );
    return rows.map((r) => r.student_id);
  }

  /** Active seats of the students in other screenings overlapping [startsAt, endsAt). */
  async overlapping(
    manager: EntityManager,
    studentIds: string[],
    startsAt: Date,
    endsAt: Date,
  ): Promise<{ studentId: string; screeningId: string }[]> {
    const rows: { student_id: string; screening_id: string }[] = await manager.query(
      `SELECT student_id, screening_id FROM booked_seats
       WHERE student_id IN (?) AND active_flag = 1 AND starts_at < ? AND ends_at > ?
       ORDER BY student_id`,
      [studentIds, endsAt, startsAt],
    );
    return rows.map((r) => ({ studentId: r.student_id, screeningId: r.screening_id }));
  }

  async insertBooking(manager: EntityManager, b: BookingRow): Promise<void> {
    await manager.query(
      `INSERT INTO screening_bookings (id, screening_id, school_id, class_id, grade, student_ids,
         student_count, status, booked_by, created_at, cancelled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        b.id,
        b.screening_id,
        b.school_id,
        b.class_id,
        b.grade,
        b.student_ids,
        b.student_count,
        b.status,
        b.booked_by,
        b.created_at,
        b.cancelled_at,
      ],
    );
  }

  async insertSeats(
    manager: EntityManager,
    booking: BookingRow,
    screening: Pick<ScreeningRow, 'starts_at' | 'ends_at'>,
  ): Promise<void> {
    const studentIds = JSON.parse(booking.student_ids) as string[];
    await manager.query(
      `INSERT INTO booked_seats (booking_id, student_id, screening_id, class_id, starts_at, ends_at, active_flag)
       VALUES ?`,
      [
        studentIds.map((studentId) => [
          booking.id,
          studentId,
          booking.screening_id,
          booking.class_id,
          screening.starts_at,
          screening.ends_at,
          1,
        ]),
      ],
    );
  }

  async findBooking(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BookingRow | null> {
    const rows: BookingRow[] = await manager.query(
      'SELECT * FROM screening_bookings WHERE id = ?',
      [id],
    );
    return rows[0] ?? null;
  }

  /** The student's own active booking of the screening (booked by its account, itself only), locked. */
  async activeIndividualBooking(
    manager: EntityManager,
    screeningId: string,
    studentId: string,
    accountId: string,
  ): Promise<BookingRow | null> {
    const rows: BookingRow[] = await manager.query(
      `SELECT b.* FROM screening_bookings b JOIN booked_seats s ON s.booking_id = b.id
         WHERE b.screening_id = ? AND s.student_id = ? AND s.active_flag = 1
           AND b.booked_by = ? AND b.student_count = 1 AND b.status = 'booked'
         LIMIT 1 FOR UPDATE`,
      [screeningId, studentId, accountId],
    );
    return rows[0] ?? null;
  }

  async activeBookings(manager: EntityManager, screeningId: string): Promise<BookingRow[]> {
    return manager.query(
      "SELECT * FROM screening_bookings WHERE screening_id = ? AND status = 'booked' ORDER BY created_at, id",
      [screeningId],
    );
  }

  async listBookings(
    screeningId: string,
    page: number,
    pageSize: number,
  ): Promise<[BookingRow[], number]> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM screening_bookings WHERE screening_id = ?',
      [screeningId],
    );
    const rows: BookingRow[] = await this.dataSource.query(
      'SELECT * FROM screening_bookings WHERE screening_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?',
      [screeningId, pageSize, (page - 1) * pageSize],
    );
    return [rows, Number(total)];
  }

  /** Cancels a booked booking and frees its students' seats; false when it was not booked. */
  async cancelBooking(manager: EntityManager, bookingId: string, now: Date): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      "UPDATE screening_bookings SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status = 'booked'",
      [now, bookingId],
    );
    if (result.affectedRows !== 1) return false;
    await manager.query('UPDATE booked_seats SET active_flag = NULL WHERE booking_id = ?', [
      bookingId,
    ]);
    return true;
  }

  /** Whether any mark (of these students, if given) is recorded for the screening. */
  async hasAttendance(
    manager: EntityManager,
    screeningId: string,
    studentIds?: string[],
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM attendance WHERE screening_id = ?${studentIds ? ' AND student_id IN (?)' : ''} LIMIT 1`,
      studentIds ? [screeningId, studentIds] : [screeningId],
    );
    return rows.length > 0;
  }
}
