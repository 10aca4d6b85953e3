import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  type Actor,
  type BookClassCommand,
  type CancelScreeningBookingCommand,
  type CancelScreeningCommand,
  type CreateScreeningCommand,
  type IndividualBookingCommand,
  type ListScreeningBookingsQuery,
  type ListScreeningsQuery,
  type Page,
  type ScreeningBookingPayload,
  type ScreeningBookingView,
  type ScreeningQuery,
  type ScreeningView,
  schoolYearOfDate,
} from '@app/contracts';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { Clock, shanghaiInstant } from '@app/time';
import { runsSchool, schoolFilterOf, seesSchool } from '../access/screening-access.js';
import { ScreeningsConfig } from '../config.js';
import { FilmsService } from '../films/films.service.js';
import { ReadModelRepository, type RosterStudent } from '../read-model/read-model.repository.js';
import {
  actionForbidden,
  bookingNotCancellable,
  bookingNotFound,
  classNotFound,
  filmNotApproved,
  filmNotSuitable,
  invalidInput,
  schoolNotFound,
  screeningFull,
  screeningInPast,
  screeningNotFound,
  screeningNotOnSchoolDay,
  screeningNotOpen,
  screeningTimeConflict,
  studentsAlreadyBooked,
  venueOrganisationUnknown,
} from '../screenings.errors.js';
import { gradesOfMask } from '../films/grades-mask.js';
import {
  bookingViewOf,
  screeningViewOf,
  ScreeningsRepository,
  type BookingRow,
  type ScreeningWithFilm,
} from './screenings.repository.js';

const MINUTE_MS = 60_000;

export function bookingPayloadOf(b: BookingRow, s: ScreeningWithFilm): ScreeningBookingPayload {
  return {
    bookingId: b.id,
    screeningId: s.id,
    filmId: s.film_id,
    schoolId: b.school_id,
    classId: b.class_id,
    studentIds: JSON.parse(b.student_ids) as string[],
    startsAt: new Date(s.starts_at).toISOString(),
    localDate: s.local_date,
  };
}

/**
 * Screenings and class bookings. Seats are taken by one conditional UPDATE in the booking's
 * transaction; the students' roster rows are locked first (in id order), so two bookings of
 * one student into overlapping screenings run one after the other and the second sees the
 * first's seats.
 */
@Injectable()
export class ScreeningsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly screenings: ScreeningsRepository,
    private readonly films: FilmsService,
    private readonly readModel: ReadModelRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly config: ScreeningsConfig,
    private readonly clock: Clock,
  ) {}

  async createScreening(command: CreateScreeningCommand): Promise<ScreeningView> {
    const { actor } = command;
    const schoolId =
      command.schoolId ?? (actor.role === 'school_staff' ? actor.organisationId : null);
    if (actor.role !== 'school_staff' && actor.role !== 'platform_admin') {
      throw actionForbidden('schedule screenings (school staff only)');
    }
    if (!schoolId || !runsSchool(actor, schoolId)) throw schoolNotFound(schoolId);
    const school = await this.readModel.findOrganisation(schoolId);
    if (!school || school.kind !== 'school') throw schoolNotFound(schoolId);
    const film = await this.films.filmOrNotFound(command.filmId);
    const now = this.clock.now();
    const startsAt = shanghaiInstant(command.localDate, command.startTime);
    if (startsAt <= now) throw screeningInPast(startsAt);
    const schoolYear = schoolYearOfDate(command.localDate);
    if (!(await this.films.isApprovedFor(school, film.id, schoolYear))) {
      throw filmNotApproved(film.id, schoolYear);
    }
    let venueOrganisationId: string | null = null;
    if (command.placeKind === 'cinema') {
      const venue = command.venueOrganisationId
        ? await this.readModel.findOrganisation(command.venueOrganisationId)
        : null;
      if (!venue || venue.kind !== 'venue') {
        throw venueOrganisationUnknown(command.venueOrganisationId ?? null);
      }
      venueOrganisationId = venue.id;
    } else if (command.venueOrganisationId) {
      throw invalidInput(
        'venueOrganisationId',
        'only a cinema screening names a venue organisation',
      );
    }
    // Last of the checks: a wrong film or venue is told first, whatever the date.
    if (command.allowNonSchoolDay !== true) {
      const nonSchoolDay = await this.readModel.nonSchoolDay(school.regionCode, command.localDate);
      if (nonSchoolDay) throw screeningNotOnSchoolDay(nonSchoolDay);
    }
    const minutes = Number(film.running_minutes) + this.config.SCREENING_BUFFER_MINUTES;
    const id = randomUUID();
    await this.screenings.insert(this.dataSource.manager, {
      id,
      school_id: schoolId,
      school_year: schoolYear,
      film_id: film.id,
      place_kind: command.placeKind,
      venue_organisation_id: venueOrganisationId,
      hall_name: command.hallName.trim(),
      local_date: command.localDate,
      start_time: command.startTime,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + minutes * MINUTE_MS),
      seats: command.seats,
      status: 'scheduled',
      cancel_reason: null,
      created_by: actor.accountId,
      created_at: now,
      updated_at: now,
    });
    return screeningViewOf((await this.screenings.find(id))!);
  }

  async listScreenings(query: ListScreeningsQuery): Promise<Page<ScreeningView>> {
    const own = query.actor.organisationId
      ? await this.readModel.findOrganisation(query.actor.organisationId)
      : null;
    const [rows, total] = await this.screenings.list(
      schoolFilterOf(query.actor, own),
      { schoolId: query.schoolId, filmId: query.filmId, from: query.from, to: query.to },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(screeningViewOf), page: query.page, pageSize: query.pageSize, total };
  }

  async getScreening(query: ScreeningQuery): Promise<ScreeningView> {
    return screeningViewOf(await this.visibleScreening(query.actor, query.screeningId));
  }

  async cancelScreening(command: CancelScreeningCommand): Promise<ScreeningView> {
    const screening = await this.runScreening(command.actor, command.screeningId);
    const now = this.clock.now();
    if (screening.status !== 'scheduled') throw screeningNotOpen(screening.id, 'is cancelled');
    if (new Date(screening.starts_at) <= now) throw screeningNotOpen(screening.id, 'has started');
    await this.inTransaction(async (manager) => {
      const locked = (await this.screenings.find(screening.id, manager, true))!;
      if (await this.screenings.hasAttendance(manager, locked.id)) {
        throw screeningNotOpen(locked.id, 'has attendance recorded');
      }
      if (!(await this.screenings.markCancelled(manager, locked.id, command.reason, now))) {
        throw screeningNotOpen(locked.id, 'is cancelled');
      }
      for (const booking of await this.screenings.activeBookings(manager, locked.id)) {
        await this.screenings.cancelBooking(manager, booking.id, now);
        await this.emitBooking(manager, Topics.events.screeningBookingCancelled, booking, locked);
      }
    });
    return screeningViewOf((await this.screenings.find(screening.id))!);
  }

  async bookClass(command: BookClassCommand): Promise<ScreeningBookingView> {
    const screening = await this.runScreening(command.actor, command.screeningId);
    const now = this.clock.now();
    this.assertOpen(screening, now);
    let booking: BookingRow | null = null;
    try {
      await this.inTransaction(async (manager) => {
        const students = await this.readModel.classStudents(
          manager,
          screening.school_id,
          command.classId,
          true,
        );
        if (students.length === 0) throw classNotFound(command.classId);
        booking = await this.bookStudents(
          manager,
          screening,
          command.classId,
          this.chosen(students, command.studentIds),
          command.actor.accountId,
          now,
        );
      });
    } catch (error) {
      // The unique active seat per screening and student is the backstop of the check.
      if (isDuplicateKeyError(error)) throw studentsAlreadyBooked([]);
      throw error;
    }
    return bookingViewOf(booking!);
  }

  /**
   * Books students of one class into a screening inside the caller's transaction (their
   * roster rows already locked): grade, double booking, overlap, then the seats.
   */
  async bookStudents(
    manager: EntityManager,
    screening: ScreeningWithFilm,
    classId: string | null,
    students: RosterStudent[],
    bookedBy: string,
    now: Date,
  ): Promise<BookingRow> {
    const grades = gradesOfMask(Number(screening.film_grades_mask));
    const unsuited = students.find((s) => !grades.includes(s.grade));
    if (unsuited) throw filmNotSuitable(screening.film_id, unsuited.grade, grades);
    const studentIds = students.map((s) => s.studentId);
    const seated = await this.screenings.alreadySeated(manager, screening.id, studentIds);
    if (seated.length > 0) throw studentsAlreadyBooked(seated);
    const conflicts = await this.screenings.overlapping(
      manager,
      studentIds,
      new Date(screening.starts_at),
      new Date(screening.ends_at),
    );
    if (conflicts.length > 0) throw screeningTimeConflict(conflicts);
    if (!(await this.screenings.takeSeats(manager, screening.id, studentIds.length, now))) {
      const current = (await this.screenings.find(screening.id, manager))!;
      this.assertOpen(current, now);
      throw screeningFull(
        screening.id,
        Number(current.seats) - Number(current.seats_taken),
        studentIds.length,
      );
    }
    const booking: BookingRow = {
      id: randomUUID(),
      screening_id: screening.id,
      school_id: screening.school_id,
      class_id: classId,
      grade: students[0].grade,
      student_ids: JSON.stringify(studentIds),
      student_count: studentIds.length,
      status: 'booked',
      booked_by: bookedBy,
      created_at: now,
      cancelled_at: null,
    };
    await this.screenings.insertBooking(manager, booking);
    await this.screenings.insertSeats(manager, booking, screening);
    await this.emitBooking(manager, Topics.events.screeningBooked, booking, screening);
    return booking;
  }

  async listBookings(query: ListScreeningBookingsQuery): Promise<Page<ScreeningBookingView>> {
    await this.visibleScreening(query.actor, query.screeningId);
    const [rows, total] = await this.screenings.listBookings(
      query.screeningId,
      query.page,
      query.pageSize,
    );
    return { items: rows.map(bookingViewOf), page: query.page, pageSize: query.pageSize, total };
  }

  async cancelBooking(command: CancelScreeningBookingCommand): Promise<ScreeningBookingView> {
    const screening = await this.runScreening(command.actor, command.screeningId);
    const booking = await this.screenings.findBooking(command.bookingId);
    if (!booking || booking.screening_id !== screening.id) throw bookingNotFound(command.bookingId);
    const now = this.clock.now();
    if (booking.status !== 'booked')
      throw bookingNotCancellable(booking.id, 'is already cancelled');
    if (new Date(screening.starts_at) <= now) {
      throw bookingNotCancellable(booking.id, 'cannot be cancelled once the screening has started');
    }
    await this.inTransaction(async (manager) => {
      await this.screenings.find(screening.id, manager, true);
      await this.cancelBookingIn(manager, screening, booking, now);
    });
    return bookingViewOf((await this.screenings.findBooking(booking.id))!);
  }

  /**
   * A student account linked to a roster student (`actor.studentId`) books its own seat in an
   * open screening of its school: the same checks and transaction as a class booking (the
   * student's roster row locked, grade, double booking, overlap, seats) and the same
   * `screenings.booking.created.v1` event. Another school's screening, or a student no
   * longer current: 404; other roles: 403.
   */
  async bookIndividual(command: IndividualBookingCommand): Promise<ScreeningBookingView> {
    const studentId = this.ownStudent(command.actor);
    const screening = await this.screenings.find(command.screeningId);
    if (!screening) throw screeningNotFound(command.screeningId);
    const now = this.clock.now();
    let booking: BookingRow | null = null;
    try {
      await this.inTransaction(async (manager) => {
        const student = await this.readModel.rosterStudent(manager, studentId, true);
        if (!student || student.schoolId !== screening.school_id) {
          throw screeningNotFound(screening.id);
        }
        this.assertOpen(screening, now);
        booking = await this.bookStudents(
          manager,
          screening,
          student.classId,
          [student],
          command.actor.accountId,
          now,
        );
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw studentsAlreadyBooked([studentId]);
      throw error;
    }
    return bookingViewOf(booking!);
  }

  /** The student cancels its own individual booking before the start; the seat returns. */
  async cancelIndividual(command: IndividualBookingCommand): Promise<ScreeningBookingView> {
    const studentId = this.ownStudent(command.actor);
    const screening = await this.screenings.find(command.screeningId);
    if (!screening) throw screeningNotFound(command.screeningId);
    const now = this.clock.now();
    let bookingId: string | null = null;
    await this.inTransaction(async (manager) => {
      const student = await this.readModel.rosterStudent(manager, studentId, false);
      if (!student || student.schoolId !== screening.school_id) {
        throw screeningNotFound(screening.id);
      }
      await this.screenings.find(screening.id, manager, true);
      const booking = await this.screenings.activeIndividualBooking(
        manager,
        screening.id,
        studentId,
        command.actor.accountId,
      );
      if (!booking) throw bookingNotFound(null);
      if (new Date(screening.starts_at) <= now) {
        throw bookingNotCancellable(
          booking.id,
          'cannot be cancelled once the screening has started',
        );
      }
      bookingId = booking.id;
      await this.cancelBookingIn(manager, screening, booking, now);
    });
    return bookingViewOf((await this.screenings.findBooking(bookingId!))!);
  }

  /** The student a student account stands for; any other actor may not book for itself. */
  private ownStudent(actor: Actor): string {
    if (actor.role !== 'student' || !actor.studentId) {
      throw actionForbidden('book a seat for yourself (student accounts of a roster student only)');
    }
    return actor.studentId;
  }

  /** Cancels a booking inside the caller's transaction (the screening's row locked). */
  private async cancelBookingIn(
    manager: EntityManager,
    screening: ScreeningWithFilm,
    booking: BookingRow,
    now: Date,
  ): Promise<void> {
    if (
      await this.screenings.hasAttendance(
        manager,
        screening.id,
        JSON.parse(booking.student_ids) as string[],
      )
    ) {
      throw bookingNotCancellable(booking.id, 'has attendance recorded');
    }
    if (!(await this.screenings.cancelBooking(manager, booking.id, now))) {
      throw bookingNotCancellable(booking.id, 'is already cancelled');
    }
    await this.screenings.releaseSeats(manager, screening.id, Number(booking.student_count), now);
    await this.emitBooking(manager, Topics.events.screeningBookingCancelled, booking, screening);
  }

  /** A screening the actor may read (its school in scope, or its cinema's staff), else 404. */
  async visibleScreening(actor: Actor, screeningId: string): Promise<ScreeningWithFilm> {
    const screening = await this.screenings.find(screeningId);
    if (!screening) throw screeningNotFound(screeningId);
    if (actor.role === 'venue_staff' && actor.organisationId === screening.venue_organisation_id) {
      return screening;
    }
    const [school, own] = await Promise.all([
      this.readModel.findOrganisation(screening.school_id),
      actor.organisationId ? this.readModel.findOrganisation(actor.organisationId) : null,
    ]);
    if (!school || !seesSchool(actor, school, own)) throw screeningNotFound(screeningId);
    return screening;
  }

  /** A screening the actor runs (its school's staff, platform admins): 404 out of scope, 403 read-only. */
  async runScreening(actor: Actor, screeningId: string): Promise<ScreeningWithFilm> {
    const screening = await this.visibleScreening(actor, screeningId);
    if (!runsSchool(actor, screening.school_id)) {
      throw actionForbidden('change screenings (the school’s staff only)');
    }
    return screening;
  }

  /** Locks the screening's row for the caller's transaction (attendance of one screening in turn). */
  async lockScreening(manager: EntityManager, screeningId: string): Promise<ScreeningWithFilm> {
    const screening = await this.screenings.find(screeningId, manager, true);
    if (!screening) throw screeningNotFound(screeningId);
    return screening;
  }

  private chosen(students: RosterStudent[], studentIds: string[] | undefined): RosterStudent[] {
    if (!studentIds) return students;
    const inClass = new Map(students.map((s) => [s.studentId, s]));
    const strangers = studentIds.filter((id) => !inClass.has(id));
    if (strangers.length > 0) {
      throw invalidInput(
        'studentIds',
        `not current students of the class: ${strangers.join(', ')}`,
      );
    }
    return studentIds
      .map((id) => inClass.get(id)!)
      .sort((a, b) => a.studentId.localeCompare(b.studentId));
  }

  private assertOpen(screening: ScreeningWithFilm, now: Date): void {
    if (screening.status !== 'scheduled') throw screeningNotOpen(screening.id, 'is cancelled');
    if (new Date(screening.starts_at) <= now) throw screeningNotOpen(screening.id, 'has started');
  }

  private async emitBooking(
    manager: EntityManager,
    topic: (typeof Topics.events)['screeningBooked' | 'screeningBookingCancelled'],
    booking: BookingRow,
    screening: ScreeningWithFilm,
  ): Promise<void> {
    await this.outbox.append<ScreeningBookingPayload>(manager, {
      topic,
      key: screening.id,
      payload: bookingPayloadOf(booking, screening),
    });
  }

  private async inTransaction(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    await withDbRetry(() => this.dataSource.transaction(work));
    this.relay.wake();
  }
}
