import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  type AttendanceDigest,
  type AttendanceDigestCommand,
  type AttendanceHistoryEntry,
  type AttendanceMarkView,
  type AttendanceRecordedPayload,
  type ListAttendanceQuery,
  type Page,
  type RollCallCommand,
  type RollCallResult,
  type ScreeningCheckInCommand,
} from '@app/contracts';
import { withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { Clock, daysBetween } from '@app/time';
import { ScreeningsConfig } from '../config.js';
import { FilmsService } from '../films/films.service.js';
import {
  attendanceCorrectionClosed,
  attendanceNotOpen,
  invalidInput,
  screeningNotOpen,
  studentNotBooked,
} from '../screenings.errors.js';
import type { ScreeningWithFilm } from '../screenings/screenings.repository.js';
import { ScreeningsService } from '../screenings/screenings.service.js';
import { AttendanceRepository, markViewOf, type AttendanceRow } from './attendance.repository.js';
import {
  attendanceWindow,
  duplicatesOf,
  markChangesOf,
  type RecordedMark,
} from './mark-changes.js';

const MAX_DIGEST_DAYS = 400;

/**
 * Attendance: a roll call marks booked students present or absent in one request, a check-in
 * marks one. Each new or changed mark is one revision, kept in the history, and one
 * `screenings.attendance.recorded.v1` event (key: student id) through the outbox; a repeat of
 * what is recorded publishes nothing. Marks of one screening are serialised by locking its row.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attendance: AttendanceRepository,
    private readonly screenings: ScreeningsService,
    private readonly films: FilmsService,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly config: ScreeningsConfig,
    private readonly clock: Clock,
  ) {}

  async recordRollCall(command: RollCallCommand): Promise<RollCallResult> {
    const twice = duplicatesOf(command.marks.map((m) => m.studentId));
    if (twice.length > 0) {
      throw invalidInput('marks', `one mark per student; listed twice: ${twice.join(', ')}`);
    }
    const screening = await this.screenings.runScreening(command.actor, command.screeningId);
    return this.record(screening, command.marks, command.actor.accountId);
  }

  async checkIn(command: ScreeningCheckInCommand): Promise<AttendanceMarkView> {
    const screening = await this.screenings.runScreening(command.actor, command.screeningId);
    const result = await this.record(
      screening,
      [{ studentId: command.studentId, present: true }],
      command.actor.accountId,
    );
    return result.marks[0];
  }

  async listAttendance(query: ListAttendanceQuery): Promise<Page<AttendanceMarkView>> {
    await this.screenings.visibleScreening(query.actor, query.screeningId);
    const [rows, total] = await this.attendance.list(query.screeningId, query.page, query.pageSize);
    return { items: rows.map(markViewOf), page: query.page, pageSize: query.pageSize, total };
  }

  async history(query: ListAttendanceQuery): Promise<Page<AttendanceHistoryEntry>> {
    await this.screenings.visibleScreening(query.actor, query.screeningId);
    const [items, total] = await this.attendance.history(
      query.screeningId,
      query.page,
      query.pageSize,
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  /** The agreed digest (contracts/screenings/digest.ts), for the quotas consistency check. */
  async digest(command: AttendanceDigestCommand): Promise<AttendanceDigest> {
    if (command.to < command.from) throw invalidInput('to', 'to must not be before from');
    const days = daysBetween(command.from, command.to);
    if (days > MAX_DIGEST_DAYS) {
      throw invalidInput('to', `a window of at most ${MAX_DIGEST_DAYS} days`);
    }
    const school = await this.films.visibleSchool(command.actor, command.schoolId);
    return {
      schoolId: school.id,
      from: command.from,
      to: command.to,
      students: await this.attendance.digest(school.id, command.from, command.to),
    };
  }

  /**
   * Applies marks inside one transaction; also used by the demo seed (which records the
   * attendance of a past screening, so it passes `enforceWindow: false`).
   */
  async record(
    screening: ScreeningWithFilm,
    marks: { studentId: string; present: boolean }[],
    actorId: string,
    enforceWindow = true,
  ): Promise<RollCallResult> {
    const now = this.clock.now();
    const { opensAt, closesAt } = attendanceWindow(
      new Date(screening.starts_at),
      new Date(screening.ends_at),
      this.config.ATTENDANCE_EARLY_MINUTES,
      this.config.ATTENDANCE_CORRECTION_HOURS,
    );
    if (screening.status !== 'scheduled') throw screeningNotOpen(screening.id, 'is cancelled');
    if (enforceWindow && now < opensAt) throw attendanceNotOpen(opensAt);
    if (enforceWindow && now > closesAt) throw attendanceCorrectionClosed(closesAt);
    let result: RollCallResult | null = null;
    await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        result = await this.applyMarks(manager, screening, marks, actorId, now, closesAt);
      }),
    );
    this.relay.wake();
    return result!;
  }

  private async applyMarks(
    manager: EntityManager,
    screening: ScreeningWithFilm,
    marks: { studentId: string; present: boolean }[],
    actorId: string,
    now: Date,
    closesAt: Date,
  ): Promise<RollCallResult> {
    const locked = await this.screenings.lockScreening(manager, screening.id);
    if (locked.status !== 'scheduled') throw screeningNotOpen(screening.id, 'is cancelled');
    const studentIds = marks.map((m) => m.studentId);
    const seats = new Map(
      (await this.attendance.seats(manager, screening.id, studentIds)).map((s) => [
        s.student_id,
        s,
      ]),
    );
    const strangers = studentIds.filter((id) => !seats.has(id));
    if (strangers.length > 0) throw studentNotBooked(strangers);
    const rows = new Map(
      (await this.attendance.marks(manager, screening.id, studentIds)).map((r) => [
        r.student_id,
        r,
      ]),
    );
    const recorded = new Map<string, RecordedMark>(
      [...rows.values()].map((r) => [
        r.student_id,
        { attendanceId: r.id, present: Number(r.present) === 1, revision: Number(r.revision) },
      ]),
    );
    const { changes, unchanged } = markChangesOf(recorded, marks);
    const events: { topic: string; key: string; payload: AttendanceRecordedPayload }[] = [];
    for (const change of changes) {
      const seat = seats.get(change.studentId)!;
      const row: AttendanceRow = {
        id: change.previous?.attendanceId ?? randomUUID(),
        screening_id: screening.id,
        student_id: change.studentId,
        class_id: seat.class_id,
        present: change.present ? 1 : 0,
        revision: change.revision,
        recorded_by: actorId,
        recorded_at: now,
      };
      if (change.previous) await this.attendance.updateMark(manager, row);
      else await this.attendance.insertMark(manager, row);
      await this.attendance.insertHistory(
        manager,
        row,
        change.previous ? (change.previous.present ? 1 : 0) : null,
      );
      rows.set(change.studentId, row);
      events.push({
        topic: Topics.events.attendanceRecorded,
        key: change.studentId,
        payload: {
          attendanceId: row.id,
          revision: row.revision,
          screeningId: screening.id,
          filmId: screening.film_id,
          studentId: change.studentId,
          schoolId: screening.school_id,
          classId: seat.class_id,
          grade: Number(seat.grade),
          present: change.present,
          startsAt: new Date(screening.starts_at).toISOString(),
          localDate: screening.local_date,
          recordedAt: now.toISOString(),
        },
      });
    }
    if (events.length > 0) await this.outbox.appendMany(manager, events);
    return {
      screeningId: screening.id,
      marks: studentIds.map((id) => markViewOf(rows.get(id)!)),
      changed: changes.length,
      unchanged,
      correctionsCloseAt: closesAt.toISOString(),
    };
  }
}
