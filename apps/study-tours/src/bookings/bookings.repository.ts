import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { StudyTourBookingStatus } from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';

export interface BookingRow {
  id: string;
  programme_id: string;
  base_organisation_id: string;
  school_id: string;
  status: StudyTourBookingStatus;
  local_date: string;
  end_date: string;
  /** JSON: [{ id, classId, grade }], the roster as it was when the booking was last written. */
  students: string;
  student_count: number;
  class_ids: string;
  teachers: string;
  person_in_charge: string;
  insurance: string | null;
  safety_plan: string | null;
  consents: string;
  meal_option: string | null;
  transport_option: string | null;
  note: string | null;
  holds_places: number;
  approved_by: string | null;
  decline_reason: string | null;
  cancelled_by: 'school' | 'base' | null;
  cancel_reason: string | null;
  /** When a submitted booking expires unanswered (null before submission). */
  decide_by: Date | null;
  expiry_reason: string | null;
  wait_if_full: number;
  waitlisted_at: Date | null;
  offer_until: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Another active booking holding some of a booking's students on some of its days. */
export interface StudentDaysTaken {
  bookingId: string;
  studentIds: string[];
  dates: string[];
}

export interface BookedStudent {
  id: string;
  classId: string | null;
  grade: number;
}

export type DraftFields = Pick<
  BookingRow,
  | 'programme_id'
  | 'base_organisation_id'
  | 'local_date'
  | 'end_date'
  | 'students'
  | 'student_count'
  | 'class_ids'
  | 'teachers'
  | 'person_in_charge'
  | 'insurance'
  | 'safety_plan'
  | 'consents'
  | 'meal_option'
  | 'transport_option'
  | 'note'
>;

export interface ParticipationRow {
  id: string;
  booking_id: string;
  student_id: string;
  took_part: number;
  revision: number;
  recorded_at: Date;
}

const COLUMNS = `b.*, DATE_FORMAT(b.local_date, '%Y-%m-%d') AS local_date,
  DATE_FORMAT(b.end_date, '%Y-%m-%d') AS end_date`;

const DRAFT_COLUMNS: (keyof DraftFields)[] = [
  'programme_id',
  'base_organisation_id',
  'local_date',
  'end_date',
  'students',
  'student_count',
  'class_ids',
  'teachers',
  'person_in_charge',
  'insurance',
  'safety_plan',
  'consents',
  'meal_option',
  'transport_option',
  'note',
];

export interface BookingScope {
  schoolId?: string;
  baseOrganisationId?: string;
  /** A LIKE pattern on the region of the school or of the base (bureau admins). */
  regionLike?: string;
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertDraft(
    manager: EntityManager,
    id: string,
    schoolId: string,
    createdBy: string,
    fields: DraftFields,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO st_bookings (id, school_id, status, created_by, created_at, updated_at, ${DRAFT_COLUMNS.join(', ')})
       VALUES (?, ?, 'draft', ?, ?, ?, ${DRAFT_COLUMNS.map(() => '?').join(', ')})`,
      [id, schoolId, createdBy, now, now, ...DRAFT_COLUMNS.map((c) => fields[c])],
    );
  }

  async updateDraft(
    manager: EntityManager,
    id: string,
    fields: DraftFields,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE st_bookings SET ${DRAFT_COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ?
       WHERE id = ? AND status = 'draft'`,
      [...DRAFT_COLUMNS.map((c) => fields[c]), now, id],
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<BookingRow | null> {
    const rows: BookingRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM st_bookings b WHERE b.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: StudyTourBookingStatus,
    now: Date,
    extra: Partial<
      Pick<
        BookingRow,
        | 'holds_places'
        | 'approved_by'
        | 'decline_reason'
        | 'cancelled_by'
        | 'cancel_reason'
        | 'decide_by'
        | 'expiry_reason'
        | 'wait_if_full'
        | 'waitlisted_at'
        | 'offer_until'
      >
    > = {},
  ): Promise<void> {
    const sets = Object.keys(extra).map((k) => `${k} = ?`);
    await manager.query(
      `UPDATE st_bookings SET status = ?, updated_at = ?${sets.map((s) => `, ${s}`).join('')} WHERE id = ?`,
      [status, now, ...Object.values(extra), id],
    );
  }

  /**
   * Bookings due to expire: submitted past `decide_by`, offered past `offer_until`, queued
   * when the visit came (its first day is `today` or earlier).
   */
  async dueForExpiry(now: Date, today: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `(SELECT id FROM st_bookings WHERE status = 'submitted' AND decide_by <= ? ORDER BY decide_by LIMIT ?)
       UNION (SELECT id FROM st_bookings WHERE status = 'offered' AND offer_until <= ? ORDER BY offer_until LIMIT ?)
       UNION (SELECT id FROM st_bookings WHERE status = 'waitlisted' AND local_date <= ? ORDER BY local_date LIMIT ?)`,
      [now, limit, now, limit, today, limit],
    );
    return rows.map((r) => r.id);
  }

  /** A programme's queue, first come first served, locked (an offer is being made). */
  async waitlisted(manager: EntityManager, programmeId: string): Promise<BookingRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM st_bookings b WHERE b.programme_id = ? AND b.status = 'waitlisted'
        ORDER BY b.waitlisted_at, b.id FOR UPDATE`,
      [programmeId],
    );
  }

  /**
   * Takes `places` on each day, in date order (a fixed lock order), by a conditional UPDATE:
   * returns the first day that had no room (its places left, or that the base closed it), or
   * null when all were taken.
   */
  async takePlaces(
    manager: EntityManager,
    programmeId: string,
    dates: string[],
    capacity: number,
    places: number,
  ): Promise<{ date: string; placesLeft: number; closed: boolean } | null> {
    for (const date of [...dates].sort()) {
      await manager.query(
        `INSERT INTO st_programme_days (programme_id, local_date, capacity, taken) VALUES (?, ?, ?, 0)
         ON DUPLICATE KEY UPDATE programme_id = programme_id`,
        [programmeId, date, capacity],
      );
      const result: { affectedRows: number } = await manager.query(
        `UPDATE st_programme_days SET taken = taken + ?
         WHERE programme_id = ? AND local_date = ? AND taken + ? <= capacity AND closed = 0`,
        [places, programmeId, date, places],
      );
      if (result.affectedRows !== 1) {
        // A locking read: the places left now, as the refused UPDATE saw them, not the
        // transaction's older snapshot (which told refused schools of places long taken).
        const [row]: { capacity: number; taken: number; closed: number }[] = await manager.query(
          'SELECT capacity, taken, closed FROM st_programme_days WHERE programme_id = ? AND local_date = ? FOR UPDATE',
          [programmeId, date],
        );
        const closed = Number(row.closed) === 1;
        return {
          date,
          placesLeft: closed ? 0 : Math.max(0, Number(row.capacity) - Number(row.taken)),
          closed,
        };
      }
    }
    return null;
  }

  /**
   * Claims each (student, day) for this booking: the primary key of `st_student_days` keeps a
   * student in one active booking a day. Rows go in key order, so two claims wait for each
   * other rather than deadlock; a claim that meets a row of another booking (committed, or
   * committed while it waited) fails as a whole and returns the other bookings, read with a
   * locking read (the latest rows, not the snapshot). Null when every row was claimed.
   */
  async claimStudentDays(
    manager: EntityManager,
    bookingId: string,
    studentIds: string[],
    dates: string[],
  ): Promise<StudentDaysTaken[] | null> {
    const rows = [...studentIds]
      .sort()
      .flatMap((studentId) => [...dates].sort().map((date) => [studentId, date, bookingId]));
    if (rows.length === 0) return null;
    try {
      await manager.query(
        'INSERT INTO st_student_days (student_id, local_date, booking_id) VALUES ?',
        [rows],
      );
      return null;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const taken: { student_id: string; local_date: string; booking_id: string }[] =
      await manager.query(
        `SELECT student_id, DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date, booking_id
           FROM st_student_days
          WHERE student_id IN (?) AND local_date IN (?) AND booking_id <> ?
          ORDER BY booking_id, student_id, local_date LOCK IN SHARE MODE`,
        [studentIds, dates, bookingId],
      );
    const byBooking = new Map<string, { students: Set<string>; dates: Set<string> }>();
    for (const t of taken) {
      const entry = byBooking.get(t.booking_id) ?? { students: new Set(), dates: new Set() };
      entry.students.add(t.student_id);
      entry.dates.add(t.local_date);
      byBooking.set(t.booking_id, entry);
    }
    return [...byBooking].map(([id, e]) => ({
      bookingId: id,
      studentIds: [...e.students].sort(),
      dates: [...e.dates].sort(),
    }));
  }

  /** Gives back the students' days a booking held (declined, cancelled). */
  async releaseStudentDays(manager: EntityManager, bookingId: string): Promise<void> {
    await manager.query('DELETE FROM st_student_days WHERE booking_id = ?', [bookingId]);
  }

  async releasePlaces(
    manager: EntityManager,
    programmeId: string,
    dates: string[],
    places: number,
  ): Promise<void> {
    for (const date of [...dates].sort()) {
      await manager.query(
        `UPDATE st_programme_days SET taken = taken - ? WHERE programme_id = ? AND local_date = ?`,
        [places, programmeId, date],
      );
    }
  }

  async placesTaken(programmeId: string, date: string): Promise<number> {
    const rows: { taken: number }[] = await this.dataSource.query(
      'SELECT taken FROM st_programme_days WHERE programme_id = ? AND local_date = ?',
      [programmeId, date],
    );
    return rows[0] ? Number(rows[0].taken) : 0;
  }

  async list(
    scope: BookingScope,
    filter: { status?: StudyTourBookingStatus; from?: string; to?: string; hideDrafts: boolean },
    page: number,
    pageSize: number,
  ): Promise<{ rows: BookingRow[]; total: number }> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (scope.schoolId) {
      where.push('b.school_id = ?');
      params.push(scope.schoolId);
    }
    if (scope.baseOrganisationId) {
      where.push('b.base_organisation_id = ?');
      params.push(scope.baseOrganisationId);
    }
    if (scope.regionLike) {
      where.push(
        `EXISTS (SELECT 1 FROM st_organisations o WHERE o.id IN (b.school_id, b.base_organisation_id) AND o.region_code LIKE ?)`,
      );
      params.push(scope.regionLike);
    }
    if (filter.hideDrafts) where.push(`b.status NOT IN ('draft', 'awaiting_approval')`);
    if (filter.status) {
      where.push('b.status = ?');
      params.push(filter.status);
    }
    if (filter.from) {
      where.push('b.local_date >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('b.local_date <= ?');
      params.push(filter.to);
    }
    const from = `FROM st_bookings b WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total ${from}`,
      params,
    );
    const rows: BookingRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} ${from} ORDER BY b.local_date DESC, b.created_at DESC, b.id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: Number(total) };
  }

  // ------------------------------------------------------------ participation and ratings

  async participations(
    bookingId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ParticipationRow[]> {
    return manager.query(
      'SELECT * FROM st_participations WHERE booking_id = ? ORDER BY student_id',
      [bookingId],
    );
  }

  async insertParticipation(
    manager: EntityManager,
    p: {
      id: string;
      bookingId: string;
      studentId: string;
      tookPart: boolean;
      by: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO st_participations (id, booking_id, student_id, took_part, revision, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, 1, ?, ?)`,
      [p.id, p.bookingId, p.studentId, p.tookPart ? 1 : 0, p.by, p.at],
    );
  }

  async reviseParticipation(
    manager: EntityManager,
    id: string,
    tookPart: boolean,
    revision: number,
    by: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE st_participations SET took_part = ?, revision = ?, recorded_by = ?, recorded_at = ? WHERE id = ?`,
      [tookPart ? 1 : 0, revision, by, at, id],
    );
  }

  async insertRating(
    manager: EntityManager,
    b: BookingRow,
    score: number,
    comment: string | null,
    by: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO st_ratings (booking_id, base_organisation_id, programme_id, school_id, score, comment, rated_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [b.id, b.base_organisation_id, b.programme_id, b.school_id, score, comment, by, at],
    );
  }
}
