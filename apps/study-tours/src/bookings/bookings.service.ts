import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  type BookingCheckResult,
  type BookingDraftFields,
  type CreateTourBookingCommand,
  type ListTourBookingsQuery,
  type Page,
  type ParticipationRecordedPayload,
  type ParticipationView,
  type RateBookingCommand,
  type RecordParticipationCommand,
  type StudyTourBookingStatus,
  type TourBookingCommand,
  type TourBookingEventPayload,
  type TourBookingExpiredPayload,
  type TourBookingReasonCommand,
  type TourBookingView,
  type UpdateTourBookingCommand,
} from '@app/contracts';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import { AppError } from '@app/errors';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { addDays, Clock, shanghaiInstant } from '@app/time';
import { forbidden, type StudyToursAccess } from '../access/study-tours-access.js';
import { baseNotDesignated, programmeNotFound } from '../bases/bases.errors.js';
import { BasesRepository, gradesOfMask, type ProgrammeRow } from '../bases/bases.repository.js';
import { BasesService, regionLikeOf } from '../bases/bases.service.js';
import { StudyToursConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { evaluateBookingChecks, teacherGroups } from './booking-checks.js';
import {
  BookingsRepository,
  type BookedStudent,
  type BookingRow,
  type DraftFields,
} from './bookings.repository.js';
import { decisionDeadline } from './decision-deadline.js';

const bookingNotFound = (): AppError =>
  new AppError(
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'not_found',
    'No such study-tour booking in your scope',
  );

const stateConflict = (b: BookingRow, expected: StudyTourBookingStatus[]): AppError =>
  new AppError(
    'BOOKING_STATE_CONFLICT',
    'conflict',
    `The booking is ${b.status}; this needs ${expected.join(' or ')}`,
    { status: b.status, expected },
  );

/** Every day a booking covers, first to last. */
const daysOf = (b: Pick<BookingRow, 'local_date' | 'end_date'>): string[] => {
  const days: string[] = [];
  for (let d = b.local_date; d <= b.end_date; d = addDays(d, 1)) days.push(d);
  return days;
};

/**
 * Group bookings of study tours. A draft is checked on submission (every check with its own
 * code); a submitted booking holds its places (as group requests do in venues), so the base's
 * confirmation never fails for want of room. Places are taken per programme and day by a
 * conditional UPDATE in the booking's transaction, retried on deadlock.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingsRepository,
    private readonly bases: BasesRepository,
    private readonly basesService: BasesService,
    private readonly readModel: ReadModelRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
    private readonly config: StudyToursConfig,
  ) {}

  // ------------------------------------------------------------ drafts

  async create(command: CreateTourBookingCommand): Promise<TourBookingView> {
    const schoolId = this.schoolOf(command);
    const fields = await this.draftFields(schoolId, command);
    const id = randomUUID();
    await this.dataSource.transaction((manager) =>
      this.bookings.insertDraft(
        manager,
        id,
        schoolId,
        command.actor.accountId,
        fields,
        this.clock.now(),
      ),
    );
    return this.view((await this.bookings.find(id))!);
  }

  async update(command: UpdateTourBookingCommand): Promise<TourBookingView> {
    const schoolId = this.schoolOf(command);
    const existing = await this.visible(command);
    if (existing.school_id !== schoolId) throw bookingNotFound();
    if (existing.status !== 'draft') throw stateConflict(existing, ['draft']);
    const fields = await this.draftFields(schoolId, command);
    await this.dataSource.transaction((manager) =>
      this.bookings.updateDraft(manager, existing.id, fields, this.clock.now()),
    );
    return this.view((await this.bookings.find(existing.id))!);
  }

  private schoolOf(command: BookingDraftFields): string {
    if (command.actor.role !== 'school_staff' || !command.actor.organisationId)
      throw forbidden('Study tours are booked by school staff for their school');
    return command.actor.organisationId;
  }

  private async draftFields(schoolId: string, c: BookingDraftFields): Promise<DraftFields> {
    const programme = await this.bases.findProgramme(c.programmeId);
    if (!programme) throw programmeNotFound();
    await this.assertBaseTakesBookings(programme.base_organisation_id);
    const options: string[] = [];
    const meals = JSON.parse(programme.meal_options) as string[];
    const transports = JSON.parse(programme.transport_options) as string[];
    if (c.mealOption && !meals.includes(c.mealOption)) options.push(`mealOption ${c.mealOption}`);
    if (c.transportOption && !transports.includes(c.transportOption))
      options.push(`transportOption ${c.transportOption}`);
    if (options.length > 0)
      throw new AppError(
        'PROGRAMME_OPTION_UNKNOWN',
        'invalid',
        `The programme does not offer ${options.join(', ')}`,
        { mealOptions: meals, transportOptions: transports },
      );
    await this.assertTeachersValid(schoolId, c.teachers);
    const found = await this.readModel.studentsOfSchool(schoolId, c.studentIds);
    const known = new Set(found.map((s) => s.id));
    const missing = c.studentIds.filter((id) => !known.has(id));
    if (missing.length > 0)
      throw new AppError(
        'STUDENTS_NOT_ON_ROSTER',
        'invalid',
        `${missing.length} listed students are not on your school's roster`,
        { studentIds: missing },
      );
    const byId = new Map(found.map((s) => [s.id, s]));
    const students: BookedStudent[] = c.studentIds.map((id) => ({
      id,
      classId: byId.get(id)!.classId,
      grade: byId.get(id)!.grade,
    }));
    const classIds = [...new Set(students.map((s) => s.classId).filter((x) => x !== null))];
    return {
      programme_id: programme.id,
      base_organisation_id: programme.base_organisation_id,
      local_date: c.date,
      end_date: addDays(c.date, Number(programme.days) - 1),
      students: JSON.stringify(students),
      student_count: students.length,
      class_ids: JSON.stringify(classIds),
      teachers: JSON.stringify(c.teachers),
      person_in_charge: JSON.stringify(c.personInCharge),
      insurance: c.insurance ? JSON.stringify(c.insurance) : null,
      safety_plan: c.safetyPlan ? JSON.stringify(c.safetyPlan) : null,
      consents: JSON.stringify(c.consents ?? []),
      meal_option: c.mealOption ?? null,
      transport_option: c.transportOption ?? null,
      note: c.note ?? null,
    };
  }

  /**
   * Each accompanying teacher is a different person (`TEACHERS_LISTED_TWICE` otherwise), and
   * a teacher named by account is a school_staff account of the booking school, as the
   * directory's events told this service (`TEACHER_NOT_SCHOOL_STAFF`).
   */
  private async assertTeachersValid(
    schoolId: string,
    teachers: BookingDraftFields['teachers'],
  ): Promise<void> {
    const duplicates = teacherGroups(teachers).filter((g) => g.length > 1);
    if (duplicates.length > 0)
      throw new AppError(
        'TEACHERS_LISTED_TWICE',
        'invalid',
        `${duplicates.map((g) => teachers[g[0]].name).join(', ')} ${duplicates.length === 1 ? 'is' : 'are'} listed more than once (same account, name or phone); each teacher counts once`,
        {
          duplicates: duplicates.map((g) => ({
            positions: g,
            names: g.map((i) => teachers[i].name),
          })),
          fix: 'List each accompanying teacher once; add a different teacher if the ratio needs one',
        },
      );
    const accountIds = [
      ...new Set(teachers.map((t) => t.accountId).filter((id): id is string => !!id)),
    ];
    const notStaff = await this.readModel.notStaffOf(schoolId, accountIds);
    if (notStaff.length > 0)
      throw new AppError(
        'TEACHER_NOT_SCHOOL_STAFF',
        'invalid',
        `${notStaff.length} teacher accounts are not staff accounts of your school`,
        {
          accountIds: notStaff,
          fix: 'Name teachers by their own school_staff accounts of this school, or by name and phone only',
        },
      );
  }

  /** A revoked, suspended or expired base takes no new bookings. */
  private async assertBaseTakesBookings(
    baseOrganisationId: string,
    manager?: EntityManager,
  ): Promise<void> {
    const active = await this.bases.activeDesignations(
      baseOrganisationId,
      this.basesService.today(),
      manager,
    );
    if (active.length === 0) throw baseNotDesignated(baseOrganisationId);
  }

  // ------------------------------------------------------------ checks and submission

  async check(command: TourBookingCommand): Promise<BookingCheckResult[]> {
    const b = await this.visible(command);
    const programme = (await this.bases.findProgramme(b.programme_id))!;
    return this.runChecks(b, programme);
  }

  private async runChecks(
    b: BookingRow,
    programme: ProgrammeRow,
    manager?: EntityManager,
  ): Promise<BookingCheckResult[]> {
    const today = this.basesService.today();
    const students = JSON.parse(b.students) as BookedStudent[];
    const designations = await this.bases.activeDesignations(
      b.base_organisation_id,
      today,
      manager,
    );
    const defaultRatio = await this.basesService.defaultRatioOf(b.base_organisation_id);
    const own =
      programme.students_per_teacher === null ? null : Number(programme.students_per_teacher);
    return evaluateBookingChecks({
      today,
      date: b.local_date,
      endDate: b.end_date,
      studentIds: students.map((s) => s.id),
      grades: new Map(students.map((s) => [s.id, s.grade])),
      teachers: JSON.parse(b.teachers) as TourBookingView['teachers'],
      studentsPerTeacher: Math.min(own ?? defaultRatio, defaultRatio),
      programmeGrades: gradesOfMask(Number(programme.grades_mask)),
      groupMin: Number(programme.group_min),
      groupMax: Number(programme.group_max),
      designationPeriods: designations.map((d) => ({
        validFrom: d.valid_from,
        validUntil: d.valid_until,
      })),
      insurance: b.insurance ? (JSON.parse(b.insurance) as TourBookingView['insurance']) : null,
      safetyPlan: b.safety_plan
        ? (JSON.parse(b.safety_plan) as TourBookingView['safetyPlan'])
        : null,
      consents: JSON.parse(b.consents) as TourBookingView['consents'],
    });
  }

  /** The first failing check becomes the error; `details.failures` lists them all. */
  private async assertChecksPass(
    b: BookingRow,
    programme: ProgrammeRow,
    manager: EntityManager,
  ): Promise<void> {
    const failures = (await this.runChecks(b, programme, manager)).filter((c) => !c.passed);
    if (failures.length === 0) return;
    const [first] = failures;
    throw new AppError(first.code, 'invalid', first.message, {
      ...first.details,
      fix: first.fix,
      failures: failures.map((f) => ({
        code: f.code,
        message: f.message,
        fix: f.fix,
        details: f.details,
      })),
    });
  }

  /**
   * Like submission, but a day without room queues the booking (`waitlisted`, its students'
   * days held, no places) instead of refusing it; freed places are offered in queue order.
   */
  waitlist(command: TourBookingCommand): Promise<TourBookingView> {
    return this.submit(command, true);
  }

  async submit(command: TourBookingCommand, waitIfFull = false): Promise<TourBookingView> {
    const b0 = await this.visible(command);
    if (!(await this.access(command)).isSchoolStaffOf(b0.school_id))
      throw forbidden("The school's staff submit its bookings");
    const settings = await this.bases.schoolSettings(b0.school_id);
    return this.transition(command.bookingId, async (manager, b) => {
      if (b.status !== 'draft') throw stateConflict(b, ['draft']);
      await this.assertBaseTakesBookings(b.base_organisation_id, manager);
      const programme = (await this.bases.findProgramme(b.programme_id, manager, 'share'))!;
      await this.assertChecksPass(b, programme, manager);
      await this.claimStudents(manager, b);
      if (settings.approvalRequired) {
        await this.bookings.setStatus(manager, b.id, 'awaiting_approval', this.clock.now(), {
          wait_if_full: waitIfFull ? 1 : 0,
        });
        return;
      }
      await this.holdOrQueue(manager, b, programme, waitIfFull);
    });
  }

  /** The principal named in the school's settings lets an awaiting booking reach the base. */
  async approve(command: TourBookingCommand): Promise<TourBookingView> {
    const b0 = await this.visible(command);
    const settings = await this.bases.schoolSettings(b0.school_id);
    const access = await this.access(command);
    if (
      !access.isSchoolStaffOf(b0.school_id) ||
      settings.principalAccountId !== command.actor.accountId
    )
      throw forbidden("Only the school's principal account approves study tours");
    if (b0.created_by === command.actor.accountId)
      throw new AppError(
        'SELF_APPROVAL_FORBIDDEN',
        'forbidden',
        'You drafted this booking: another person approves it (name another principal account in the school settings, or let another staff member draft)',
        { createdBy: b0.created_by },
      );
    return this.transition(command.bookingId, async (manager, b) => {
      if (b.status !== 'awaiting_approval') throw stateConflict(b, ['awaiting_approval']);
      await this.assertBaseTakesBookings(b.base_organisation_id, manager);
      const programme = (await this.bases.findProgramme(b.programme_id, manager, 'share'))!;
      await this.assertChecksPass(b, programme, manager);
      await this.holdOrQueue(
        manager,
        b,
        programme,
        Number(b.wait_if_full) === 1,
        command.actor.accountId,
      );
    });
  }

  /**
   * Takes the booking's places and sends it to the base (`submitted`, with its decision
   * deadline); a day without room refuses it, or queues it when the school asked to wait.
   */
  private async holdOrQueue(
    manager: EntityManager,
    b: BookingRow,
    programme: ProgrammeRow,
    waitIfFull: boolean,
    approvedBy?: string,
  ): Promise<void> {
    const full = await this.bookings.takePlaces(
      manager,
      programme.id,
      daysOf(b),
      Number(programme.daily_capacity),
      Number(b.student_count),
    );
    const now = this.clock.now();
    const approval = approvedBy ? { approved_by: approvedBy } : {};
    if (!full) {
      await this.bookings.setStatus(manager, b.id, 'submitted', now, {
        holds_places: 1,
        decide_by: this.decideByOf(b, now),
        ...approval,
      });
      return;
    }
    if (!waitIfFull || full.closed) throw this.noRoom(full, b);
    // The days before the full one were taken: give them back, the queue holds no places.
    await this.bookings.releasePlaces(
      manager,
      programme.id,
      daysOf(b).filter((d) => d < full.date),
      Number(b.student_count),
    );
    await this.bookings.setStatus(manager, b.id, 'waitlisted', now, {
      holds_places: 0,
      waitlisted_at: now,
      ...approval,
    });
  }

  private noRoom(
    full: { date: string; placesLeft: number; closed: boolean },
    b: BookingRow,
  ): AppError {
    if (full.closed)
      return new AppError(
        'DAY_CLOSED',
        'conflict',
        `The base has closed ${full.date} to new bookings of this programme`,
        { date: full.date, placesLeft: 0 },
      );
    return new AppError(
      'DAY_FULL',
      'conflict',
      full.placesLeft === 0
        ? `No places are left on ${full.date} for this programme; ${b.student_count} asked`
        : `Only ${full.placesLeft} places are left on ${full.date} for this programme; ${b.student_count} asked`,
      { date: full.date, placesLeft: full.placesLeft, asked: Number(b.student_count) },
    );
  }

  /**
   * Takes the booking's students for each of its days (`st_student_days`): a student is in
   * at most one active booking a day, overlapping multi-day visits included.
   */
  private async claimStudents(manager: EntityManager, b: BookingRow): Promise<void> {
    const studentIds = (JSON.parse(b.students) as BookedStudent[]).map((s) => s.id);
    const taken = await this.bookings.claimStudentDays(manager, b.id, studentIds, daysOf(b));
    if (!taken) return;
    const [first] = taken;
    const all = [...new Set(taken.flatMap((t) => t.studentIds))].sort();
    throw new AppError(
      'STUDENTS_ALREADY_BOOKED',
      'conflict',
      `${all.length} listed students are already in another study-tour booking (${first.bookingId}) on ${first.dates.join(', ')}; a student goes on one study tour a day`,
      {
        studentIds: all,
        bookingId: first.bookingId,
        dates: first.dates,
        bookings: taken,
        fix: 'Remove these students from this booking, or choose another day',
      },
    );
  }

  // ------------------------------------------------------------ the base decides; either side cancels

  async confirm(command: TourBookingCommand): Promise<TourBookingView> {
    await this.asBase(command);
    await this.expireIfDue(command.bookingId);
    return this.transition(command.bookingId, async (manager, b) => {
      if (
        (b.status === 'expired' && b.decide_by !== null) ||
        (b.status === 'submitted' && this.isDue(b))
      )
        throw new AppError(
          'DECISION_DEADLINE_PASSED',
          'conflict',
          `The base had until ${b.decide_by?.toISOString() ?? '?'} to answer this booking; it expired and its places were released (the school may submit again)`,
          { status: 'expired', decideBy: b.decide_by?.toISOString() ?? null },
        );
      if (b.status !== 'submitted') throw stateConflict(b, ['submitted']);
      await this.assertBaseMayConfirm(b, manager);
      const now = this.clock.now();
      await this.bookings.setStatus(manager, b.id, 'confirmed', now);
      await this.publishBooking(manager, b, 'confirmed', now);
    });
  }

  /**
   * A booking submitted before the base's designation was suspended (revoked, expired) waits:
   * it keeps its places and students, but is not confirmed until a designation is in force.
   */
  private async assertBaseMayConfirm(b: BookingRow, manager: EntityManager): Promise<void> {
    const today = this.basesService.today();
    const active = await this.bases.activeDesignations(b.base_organisation_id, today, manager);
    if (active.length > 0) return;
    const { rows } = await this.bases.listDesignations({
      regionLike: null,
      organisationId: b.base_organisation_id,
      page: 1,
      pageSize: 20,
    });
    const designation = rows.some((d) => d.status === 'suspended')
      ? 'suspended'
      : rows.some((d) => d.status === 'active')
        ? 'expired'
        : 'revoked';
    throw new AppError(
      'BASE_NOT_DESIGNATED',
      'conflict',
      `This booking is ${b.status} (it reached the base before the change) and still holds its places, but the base's designation is ${designation}: it cannot be confirmed until a designation is in force again; the school may cancel it`,
      {
        organisationId: b.base_organisation_id,
        bookingStatus: b.status,
        designation,
        holdsPlaces: Number(b.holds_places) === 1,
      },
    );
  }

  /** `study-tours.booking.{confirmed,cancelled}.v1` through the outbox, in the change's transaction. */
  private async publishBooking(
    manager: EntityManager,
    b: BookingRow,
    status: TourBookingEventPayload['status'],
    now: Date,
  ): Promise<void> {
    await this.outbox.append<TourBookingEventPayload>(manager, {
      topic:
        status === 'confirmed'
          ? Topics.events.tourBookingConfirmed
          : Topics.events.tourBookingCancelled,
      key: b.id,
      payload: {
        bookingId: b.id,
        status,
        baseOrganisationId: b.base_organisation_id,
        programmeId: b.programme_id,
        schoolId: b.school_id,
        studentIds: (JSON.parse(b.students) as BookedStudent[]).map((s) => s.id),
        localDate: b.local_date,
        endDate: b.end_date,
        occurredAt: now.toISOString(),
      },
    });
  }

  async decline(command: TourBookingReasonCommand): Promise<TourBookingView> {
    await this.asBase(command);
    await this.expireIfDue(command.bookingId);
    return this.transition(command.bookingId, async (manager, b) => {
      if (b.status !== 'submitted') throw stateConflict(b, ['submitted']);
      await this.release(manager, b);
      await this.bookings.setStatus(manager, b.id, 'declined', this.clock.now(), {
        holds_places: 0,
        decline_reason: command.reason,
      });
    });
  }

  /** School staff cancel until the day; the base cancels what reached it (e.g. a weather warning). */
  async cancel(command: TourBookingReasonCommand): Promise<TourBookingView> {
    const b0 = await this.visible(command);
    const access = await this.access(command);
    const side = access.isSchoolStaffOf(b0.school_id)
      ? 'school'
      : access.isBaseStaffOf(b0.base_organisation_id)
        ? 'base'
        : null;
    if (!side) throw forbidden('The school or the base cancels a booking');
    await this.expireIfDue(b0.id);
    const allowed: StudyTourBookingStatus[] =
      side === 'school'
        ? ['draft', 'awaiting_approval', 'waitlisted', 'offered', 'submitted', 'confirmed']
        : ['submitted', 'confirmed'];
    return this.transition(command.bookingId, async (manager, b) => {
      if (!allowed.includes(b.status)) throw stateConflict(b, allowed);
      if (b.local_date < this.basesService.today())
        throw new AppError('BOOKING_STATE_CONFLICT', 'conflict', 'The visit has already begun', {
          status: b.status,
          date: b.local_date,
        });
      await this.release(manager, b);
      const now = this.clock.now();
      await this.bookings.setStatus(manager, b.id, 'cancelled', now, {
        holds_places: 0,
        cancelled_by: side,
        cancel_reason: command.reason,
      });
      // Only a confirmed booking was ever published as planned.
      if (b.status === 'confirmed') await this.publishBooking(manager, b, 'cancelled', now);
    });
  }

  /**
   * Gives back the booking's places (if it held them) and its students' days; freed places
   * are offered to the programme's queue at once, in the same transaction.
   */
  private async release(manager: EntityManager, b: BookingRow): Promise<void> {
    await this.bookings.releaseStudentDays(manager, b.id);
    if (Number(b.holds_places) !== 1) return;
    await this.bookings.releasePlaces(manager, b.programme_id, daysOf(b), Number(b.student_count));
    await this.offerFreedPlaces(manager, b.programme_id);
  }

  /**
   * The queue of a programme, first come first served: each queued booking whose days now
   * have room for all its students takes the places and is `offered` until `offerUntil`
   * (OFFER_HOURS, at most until the visit begins); one that does not fit keeps its turn and
   * a smaller one behind it may be offered (the first queued request that fits).
   */
  private async offerFreedPlaces(manager: EntityManager, programmeId: string): Promise<void> {
    const queued = await this.bookings.waitlisted(manager, programmeId);
    if (queued.length === 0) return;
    const programme = (await this.bases.findProgramme(programmeId, manager))!;
    const today = this.basesService.today();
    const now = this.clock.now();
    for (const q of queued) {
      if (q.local_date <= today) continue;
      const days = daysOf(q);
      const places = Number(q.student_count);
      const full = await this.bookings.takePlaces(
        manager,
        programmeId,
        days,
        Number(programme.daily_capacity),
        places,
      );
      if (full) {
        await this.bookings.releasePlaces(
          manager,
          programmeId,
          days.filter((d) => d < full.date),
          places,
        );
        continue;
      }
      const visitStart = shanghaiInstant(q.local_date, '00:00').getTime();
      await this.bookings.setStatus(manager, q.id, 'offered', now, {
        holds_places: 1,
        offer_until: new Date(
          Math.min(now.getTime() + this.config.OFFER_HOURS * 3_600_000, visitStart),
        ),
      });
    }
  }

  /** The school takes up an offer: the booking goes to the base (`submitted`, its deadline set). */
  async acceptOffer(command: TourBookingCommand): Promise<TourBookingView> {
    const b0 = await this.visible(command);
    if (!(await this.access(command)).isSchoolStaffOf(b0.school_id))
      throw forbidden("The school's staff take up an offer of places");
    await this.expireIfDue(b0.id);
    return this.transition(command.bookingId, async (manager, b) => {
      if (b.status !== 'offered') throw stateConflict(b, ['offered']);
      const now = this.clock.now();
      await this.bookings.setStatus(manager, b.id, 'submitted', now, {
        decide_by: this.decideByOf(b, now),
      });
    });
  }

  private async asBase(command: TourBookingCommand): Promise<void> {
    const b = await this.visible(command);
    if (!(await this.access(command)).isBaseStaffOf(b.base_organisation_id))
      throw forbidden("The base's staff confirm or decline bookings");
  }

  /** Runs a change under the booking's row lock in one transaction (retried on deadlock). */
  private async transition(
    bookingId: string,
    change: (manager: EntityManager, b: BookingRow) => Promise<void>,
  ): Promise<TourBookingView> {
    await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const b = await this.bookings.find(bookingId, manager, true);
        if (!b) throw bookingNotFound();
        await change(manager, b);
      }),
    );
    this.relay.wake();
    return this.view((await this.bookings.find(bookingId))!);
  }

  // ------------------------------------------------------------ the decision deadline

  private decideByOf(b: Pick<BookingRow, 'local_date'>, submittedAt: Date): Date {
    return decisionDeadline(
      submittedAt,
      b.local_date,
      this.config.DECISION_HOURS,
      this.config.DECISION_DAYS_BEFORE_VISIT,
    );
  }

  /** Why the booking expires now, or null: no decision, an offer not taken up, a queue too late. */
  private dueReason(b: BookingRow): { reason: string; deadline: Date } | null {
    const now = this.clock.now();
    if (b.status === 'submitted' && b.decide_by && b.decide_by.getTime() <= now.getTime())
      return {
        reason: `No decision from the base by ${b.decide_by.toISOString()}`,
        deadline: b.decide_by,
      };
    if (b.status === 'offered' && b.offer_until && b.offer_until.getTime() <= now.getTime())
      return {
        reason: `The offered places were not taken up by ${b.offer_until.toISOString()}`,
        deadline: b.offer_until,
      };
    if (b.status === 'waitlisted' && b.local_date <= this.basesService.today())
      return { reason: 'No places freed up before the visit', deadline: now };
    return null;
  }

  private isDue(b: BookingRow): boolean {
    return this.dueReason(b) !== null;
  }

  /**
   * The scheduled pass (`StudyToursJobs`): expires every submitted booking past its deadline.
   * Each is expired under its row lock, only while still submitted and due, so replicas
   * running the pass at once expire (and publish) it once.
   */
  async expireDue(limit = 500): Promise<number> {
    const due = await this.bookings.dueForExpiry(
      this.clock.now(),
      this.basesService.today(),
      limit,
    );
    let expired = 0;
    for (const id of due) if (await this.expireIfDue(id)) expired += 1;
    return expired;
  }

  /**
   * Expires one booking if it is submitted and past `decide_by`: its places and students'
   * days go back, the status becomes `expired` with the reason, and
   * `study-tours.booking.expired.v1` leaves through the outbox in the same transaction.
   */
  private async expireIfDue(bookingId: string): Promise<boolean> {
    const done = await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const b = await this.bookings.find(bookingId, manager, true);
        const due = b ? this.dueReason(b) : null;
        if (!b || !due) return false;
        const now = this.clock.now();
        const { reason } = due;
        await this.release(manager, b);
        await this.bookings.setStatus(manager, b.id, 'expired', now, {
          holds_places: 0,
          expiry_reason: reason,
        });
        await this.outbox.append<TourBookingExpiredPayload>(manager, {
          topic: Topics.events.tourBookingExpired,
          key: b.id,
          payload: {
            bookingId: b.id,
            status: 'expired',
            baseOrganisationId: b.base_organisation_id,
            programmeId: b.programme_id,
            schoolId: b.school_id,
            createdBy: b.created_by,
            studentIds: (JSON.parse(b.students) as BookedStudent[]).map((s) => s.id),
            localDate: b.local_date,
            endDate: b.end_date,
            decideBy: due.deadline.toISOString(),
            reason,
            occurredAt: now.toISOString(),
          },
        });
        return true;
      }),
    );
    if (done) this.relay.wake();
    return done;
  }

  // ------------------------------------------------------------ reading

  private access(command: { actor: TourBookingCommand['actor'] }): Promise<StudyToursAccess> {
    return this.basesService.accessOf(command.actor);
  }

  /**
   * A booking as the actor may see it: the school's staff, the base's staff once it reached
   * the base (drafts and bookings awaiting approval are the school's business), admins
   * overseeing the school or the base. Anybody else: 404.
   */
  private async visible(command: TourBookingCommand): Promise<BookingRow> {
    const b = await this.bookings.find(command.bookingId);
    if (!b) throw bookingNotFound();
    const access = await this.access(command);
    if (access.isSchoolStaffOf(b.school_id)) return b;
    if (
      access.isBaseStaffOf(b.base_organisation_id) &&
      !['draft', 'awaiting_approval'].includes(b.status)
    )
      return b;
    if (access.isPlatformAdmin) return b;
    if (access.bureauArea !== null) {
      const orgs = await this.readModel.findOrganisations([b.school_id, b.base_organisation_id]);
      if (orgs.some((o) => access.oversees(o.regionCode))) return b;
    }
    throw bookingNotFound();
  }

  async get(command: TourBookingCommand): Promise<TourBookingView> {
    const b = await this.visible(command);
    if (this.isDue(b) && (await this.expireIfDue(b.id)))
      return this.view((await this.bookings.find(b.id))!);
    return this.view(b);
  }

  async list(query: ListTourBookingsQuery): Promise<Page<TourBookingView>> {
    const access = await this.access(query);
    const actor = query.actor;
    let scope: { schoolId?: string; baseOrganisationId?: string; regionLike?: string };
    let hideDrafts = true;
    if (actor.role === 'school_staff' && actor.organisationId) {
      scope = { schoolId: actor.organisationId };
      hideDrafts = false;
    } else if (actor.role === 'venue_staff' && actor.organisationId) {
      scope = { baseOrganisationId: actor.organisationId };
    } else if (access.isPlatformAdmin) {
      scope = {};
    } else if (access.bureauArea !== null) {
      scope = { regionLike: regionLikeOf(access.bureauArea) };
    } else {
      throw forbidden('Schools, bases and admins list study-tour bookings');
    }
    const { rows, total } = await this.bookings.list(
      scope,
      { status: query.status, from: query.from, to: query.to, hideDrafts },
      query.page,
      query.pageSize,
    );
    // Checked lazily too: a booking past its deadline reads as expired before the job ran.
    const current = await Promise.all(
      rows.map(async (r) =>
        this.isDue(r) && (await this.expireIfDue(r.id)) ? (await this.bookings.find(r.id))! : r,
      ),
    );
    const items = await Promise.all(current.map((r) => this.view(r)));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  private async view(b: BookingRow): Promise<TourBookingView> {
    const programme = await this.bases.findProgramme(b.programme_id);
    return {
      id: b.id,
      status: b.status,
      programmeId: b.programme_id,
      programmeTitle: programme?.title ?? '',
      baseOrganisationId: b.base_organisation_id,
      schoolId: b.school_id,
      date: b.local_date,
      endDate: b.end_date,
      studentIds: (JSON.parse(b.students) as BookedStudent[]).map((s) => s.id),
      classIds: JSON.parse(b.class_ids) as string[],
      studentCount: Number(b.student_count),
      teachers: JSON.parse(b.teachers) as TourBookingView['teachers'],
      personInCharge: JSON.parse(b.person_in_charge) as TourBookingView['personInCharge'],
      insurance: b.insurance ? (JSON.parse(b.insurance) as TourBookingView['insurance']) : null,
      safetyPlan: b.safety_plan
        ? (JSON.parse(b.safety_plan) as TourBookingView['safetyPlan'])
        : null,
      consents: JSON.parse(b.consents) as TourBookingView['consents'],
      mealOption: b.meal_option as TourBookingView['mealOption'],
      transportOption: b.transport_option as TourBookingView['transportOption'],
      note: b.note,
      holdsPlaces: Number(b.holds_places) === 1,
      approvedBy: b.approved_by,
      declineReason: b.decline_reason,
      cancelledBy: b.cancelled_by,
      cancelReason: b.cancel_reason,
      decideBy: b.decide_by ? b.decide_by.toISOString() : null,
      expiryReason: b.expiry_reason,
      waitlistedAt: b.waitlisted_at ? b.waitlisted_at.toISOString() : null,
      offerUntil: b.offer_until ? b.offer_until.toISOString() : null,
      createdBy: b.created_by,
      createdAt: b.created_at.toISOString(),
      updatedAt: b.updated_at.toISOString(),
    };
  }

  // ------------------------------------------------------------ participation and ratings

  /**
   * Marks listed students as having taken part or not, from the visit's first day. A new or
   * changed mark publishes `study-tours.participation.recorded.v1` (revision 1, then +1 per
   * change) in the same transaction; an unchanged mark publishes nothing.
   */
  async recordParticipation(command: RecordParticipationCommand): Promise<ParticipationView> {
    const b0 = await this.visible(command);
    const access = await this.access(command);
    if (!access.isSchoolStaffOf(b0.school_id) && !access.isBaseStaffOf(b0.base_organisation_id))
      throw forbidden("The base's staff or the school's teachers record participation");
    await this.transition(command.bookingId, async (manager, b) => {
      if (
        !['confirmed', 'completed'].includes(b.status) ||
        b.local_date > this.basesService.today()
      )
        throw new AppError(
          'PARTICIPATION_NOT_OPEN',
          'conflict',
          'Participation is recorded for a confirmed booking, from the day of the visit',
          { status: b.status, date: b.local_date },
        );
      const students = new Map((JSON.parse(b.students) as BookedStudent[]).map((s) => [s.id, s]));
      const notListed = command.marks
        .filter((m) => !students.has(m.studentId))
        .map((m) => m.studentId);
      if (notListed.length > 0)
        throw new AppError(
          'STUDENT_NOT_LISTED',
          'invalid',
          'Marks for students the booking does not list',
          {
            studentIds: notListed,
          },
        );
      const existing = new Map(
        (await this.bookings.participations(b.id, manager)).map((p) => [p.student_id, p]),
      );
      const now = this.clock.now();
      const events: ParticipationRecordedPayload[] = [];
      for (const mark of command.marks) {
        const student = students.get(mark.studentId)!;
        const before = existing.get(mark.studentId);
        let participationId: string;
        let revision: number;
        if (!before) {
          participationId = randomUUID();
          revision = 1;
          await this.bookings.insertParticipation(manager, {
            id: participationId,
            bookingId: b.id,
            studentId: mark.studentId,
            tookPart: mark.tookPart,
            by: command.actor.accountId,
            at: now,
          });
        } else if ((Number(before.took_part) === 1) !== mark.tookPart) {
          participationId = before.id;
          revision = Number(before.revision) + 1;
          await this.bookings.reviseParticipation(
            manager,
            before.id,
            mark.tookPart,
            revision,
            command.actor.accountId,
            now,
          );
        } else {
          continue;
        }
        events.push({
          participationId,
          revision,
          bookingId: b.id,
          baseOrganisationId: b.base_organisation_id,
          programmeId: b.programme_id,
          studentId: mark.studentId,
          schoolId: b.school_id,
          classId: student.classId,
          grade: student.grade,
          tookPart: mark.tookPart,
          localDate: b.local_date,
          recordedAt: now.toISOString(),
        });
      }
      if (events.length > 0)
        await this.outbox.appendMany(
          manager,
          events.map((payload) => ({
            topic: Topics.events.participationRecorded,
            key: payload.studentId,
            payload,
          })),
        );
      if (b.status === 'confirmed') await this.bookings.setStatus(manager, b.id, 'completed', now);
    });
    return this.participation(command);
  }

  async participation(command: TourBookingCommand): Promise<ParticipationView> {
    const b = await this.visible(command);
    const rows = await this.bookings.participations(b.id);
    return {
      bookingId: b.id,
      marks: rows.map((p) => ({
        participationId: p.id,
        studentId: p.student_id,
        tookPart: Number(p.took_part) === 1,
        revision: Number(p.revision),
        recordedAt: p.recorded_at.toISOString(),
      })),
      tookPart: rows.filter((p) => Number(p.took_part) === 1).length,
      listed: Number(b.student_count),
    };
  }

  /** Teachers of the school rate a visit once, after participation was recorded. */
  async rate(command: RateBookingCommand): Promise<TourBookingView> {
    const b = await this.visible(command);
    if (!(await this.access(command)).isSchoolStaffOf(b.school_id))
      throw forbidden("The school's teachers rate the visit");
    if (b.status !== 'completed')
      throw new AppError(
        'RATING_NOT_OPEN',
        'conflict',
        'A visit is rated after participation was recorded',
        {
          status: b.status,
        },
      );
    try {
      await this.dataSource.transaction((manager) =>
        this.bookings.insertRating(
          manager,
          b,
          command.score,
          command.comment ?? null,
          command.actor.accountId,
          this.clock.now(),
        ),
      );
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new AppError('ALREADY_RATED', 'conflict', 'This visit has already been rated');
      throw error;
    }
    return this.view(b);
  }
}
