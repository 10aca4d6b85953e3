import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AttendanceDigestStudent,
  AttendanceHistoryEntry,
  AttendanceMarkView,
} from '@app/contracts';

export interface AttendanceRow {
  id: string;
  screening_id: string;
  student_id: string;
  class_id: string | null;
  present: number;
  revision: number;
  recorded_by: string;
  recorded_at: Date;
}

/** A student's active seat in a screening, with the grade of the booking. */
export interface SeatRow {
  student_id: string;
  class_id: string | null;
  grade: number;
}

export const markViewOf = (r: AttendanceRow): AttendanceMarkView => ({
  attendanceId: r.id,
  screeningId: r.screening_id,
  studentId: r.student_id,
  classId: r.class_id,
  present: Number(r.present) === 1,
  revision: Number(r.revision),
  recordedBy: r.recorded_by,
  recordedAt: new Date(r.recorded_at).toISOString(),
});

/** Every query of attendance marks and their history. */
@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seats(
    manager: EntityManager,
    screeningId: string,
    studentIds: string[],
  ): Promise<SeatRow[]> {
    return manager.query(
      `SELECT bs.student_id, bs.class_id, b.grade FROM booked_seats bs
         JOIN screening_bookings b ON b.id = bs.booking_id
       WHERE bs.screening_id = ? AND bs.student_id IN (?) AND bs.active_flag = 1`,
      [screeningId, studentIds],
    );
  }

  async marks(
    manager: EntityManager,
    screeningId: string,
    studentIds: string[],
  ): Promise<AttendanceRow[]> {
    return manager.query(
      'SELECT * FROM attendance WHERE screening_id = ? AND student_id IN (?) ORDER BY student_id',
      [screeningId, studentIds],
    );
  }

  async insertMark(manager: EntityManager, r: AttendanceRow): Promise<void> {
    await manager.query(
      `INSERT INTO attendance (id, screening_id, student_id, class_id, present, revision, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.id,
        r.screening_id,
        r.student_id,
        r.class_id,
        r.present,
        r.revision,
        r.recorded_by,
        r.recorded_at,
      ],
    );
  }

  async updateMark(manager: EntityManager, r: AttendanceRow): Promise<void> {
    await manager.query(
      'UPDATE attendance SET present = ?, revision = ?, recorded_by = ?, recorded_at = ? WHERE id = ?',
      [r.present, r.revision, r.recorded_by, r.recorded_at, r.id],
    );
  }

  async insertHistory(
    manager: EntityManager,
    r: AttendanceRow,
    fromPresent: number | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO attendance_history (attendance_id, revision, screening_id, student_id, from_present,
         to_present, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.id,
        r.revision,
        r.screening_id,
        r.student_id,
        fromPresent,
        r.present,
        r.recorded_by,
        r.recorded_at,
      ],
    );
  }

  async list(
    screeningId: string,
    page: number,
    pageSize: number,
  ): Promise<[AttendanceRow[], number]> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM attendance WHERE screening_id = ?',
      [screeningId],
    );
    const rows: AttendanceRow[] = await this.dataSource.query(
      'SELECT * FROM attendance WHERE screening_id = ? ORDER BY student_id LIMIT ? OFFSET ?',
      [screeningId, pageSize, (page - 1) * pageSize],
    );
    return [rows, Number(total)];
  }

  async history(
    screeningId: string,
    page: number,
    pageSize: number,
  ): Promise<[AttendanceHistoryEntry[], number]> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM attendance_history WHERE screening_id = ?',
      [screeningId],
    );
    const rows: {
      attendance_id: string;
      student_id: string;
      revision: number;
      from_present: number | null;
      to_present: number;
      changed_by: string;
      changed_at: Date;
    }[] = await this.dataSource.query(
      `SELECT * FROM attendance_history WHERE screening_id = ?
       ORDER BY changed_at, student_id, revision LIMIT ? OFFSET ?`,
      [screeningId, pageSize, (page - 1) * pageSize],
    );
    return [
      rows.map((r) => ({
        attendanceId: r.attendance_id,
        studentId: r.student_id,
        revision: Number(r.revision),
        from: r.from_present === null ? null : Number(r.from_present) === 1,
        to: Number(r.to_present) === 1,
        changedBy: r.changed_by,
        changedAt: new Date(r.changed_at).toISOString(),
      })),
      Number(total),
    ];
  }

  /**
   * Per student with a mark at a screening of the school dated in the window: distinct films
   * and screenings marked present. `attendance` holds only the latest revision of each mark.
   */
  async digest(schoolId: string, from: string, to: string): Promise<AttendanceDigestStudent[]> {
    const rows: { student_id: string; distinct_films: number; present_marks: number }[] =
      await this.dataSource.query(
        `SELECT a.student_id,
           COUNT(DISTINCT CASE WHEN a.present = 1 THEN s.film_id END) AS distinct_films,
           SUM(CASE WHEN a.present = 1 THEN 1 ELSE 0 END) AS present_marks
         FROM attendance a JOIN screenings s ON s.id = a.screening_id
         WHERE s.school_id = ? AND s.local_date BETWEEN ? AND ?
         GROUP BY a.student_id ORDER BY a.student_id`,
        [schoolId, from, to],
      );
    return rows.map((r) => ({
      studentId: r.student_id,
      distinctFilms: Number(r.distinct_films),
      presentMarks: Number(r.present_marks),
    }));
  }
}
