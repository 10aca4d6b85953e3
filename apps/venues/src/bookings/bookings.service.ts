import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  type Actor,
  type AcceptOfferCommand,
  type BookActivityCommand,
  type BookIndividualCommand,
  type BookingCommand,
  type BookingView,
  type CheckInCommand,
  type DecisionInboxQuery,
  type DeclineGroupCommand,
  type GroupVisitFields,
  type InboxItem,
  type ListMyBookingsQuery,
  type Page,
  type RequestActivityGroupCommand,
  type RequestGroupVisitCommand,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { Clock, DAY_MS } from '@app/time';
import { VenuesConfig } from '../config.js';
import { SlotsRepository, type PoolRow, type SlotRow } from '../slots/slots.repository.js';
import {
  activityCancelled,
  activityFull,
  activityNotFound,
  activityStarted,
} from '../activities/activities.errors.js';
import { venueActionForbidden, venueNotFound } from '../venues/venues.errors.js';
import { VenuesRepository } from '../venues/venues.repository.js';
import {
  alreadyBookedThatDay,
  alreadyCheckedIn,
  bookingBarred,
  bookingCapReached,
  bookingNotCancellable,
  bookingNotConfirmed,
  bookingNotFound,
  bookingNotPending,
  cancellationClosed,
  checkInTokenInvalid,
  checkInWindowClosed,
  idempotencyKeyReused,
  slotFull,
  slotNotFound,
  slotUnavailable,
  studentsNotInSchool,
} from './bookings.errors.js';
import { BookingsRepository, type BookingRow, type NewBooking } from './bookings.repository.js';
import { CheckInTokens } from './check-in-token.js';
import { barredUntil } from './no-show-bar.js';
import { visitPayloadOf } from './visit-payload.js';
import { groupPartyOf } from './group-party.js';
import { allEnrolledCondition, ReadModelRepository } from '../read-model/read-model.repository.js';
import { offerNotOpen, waitlistEntryNotFound } from '../waitlist/waitlist.errors.js';
import { WaitlistRepository } from '../waitlist/waitlist.repository.js';
import { WaitlistService } from '../waitlist/waitlist.service.js';
import { GroupWaitlistRepository } from '../waitlist/group-waitlist.repository.js';
import { GroupWaitlistService } from '../waitlist/group-waitlist.service.js';

const MINUTE_MS = 60_000;
type VisitTopic = (typeof Topics.events)[
  'visitConfirmed' | 'visitDeclined' | 'visitCancelled' | 'visitCheckedIn' | 'visitNoShow'];

/**
 * Who sees a booking: its booker, the staff of its venue, the staff of its school (group
 * visits) and platform admins. Everybody else gets a 404, as if it did not exist.
 */
function seesBooking(actor: Actor, b: BookingRow): boolean {
  if (actor.role === 'platform_admin' || actor.accountId === b.booker_account_id) return true;
  if (actor.role === 'venue_staff') return actor.organisationId === b.venue_organisation_id;
  if (actor.role === 'school_staff')
    return actor.organisationId !== null && actor.organisationId === b.school_organisation_id;
  return false;
}

/** Who decides and checks in: the venue's staff and platform admins. */
function runsVenue(actor: Actor, venueOrganisationId: string): boolean {
  return (
    actor.role === 'platform_admin' ||
    (actor.role === 'venue_staff' && actor.organisationId === venueOrganisationId)
  );
}

export { visitPayloadOf };

/**
 * Bookings. Places are taken by one conditional UPDATE of the slot's pool in the booking's
 * transaction (never more than the capacity, whatever the concurrency; a CHECK constraint is
 * the backstop). Pending group requests hold their places until decided or expired.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bookings: BookingsRepository,
    private readonly slots: SlotsRepository,
    private readonly venues: VenuesRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly tokens: CheckInTokens,
    private readonly waitlist: WaitlistService,
    private readonly waitlistEntries: WaitlistRepository,
    private readonly groupWaitlist: GroupWaitlistService,
    private readonly groupWaitlistEntries: GroupWaitlistRepository,
    private readonly readModel: ReadModelRepository,
    private readonly config: VenuesConfig,
    private readonly clock: Clock,
  ) {}

  async bookIndividual(command: BookIndividualCommand): Promise<BookingView> {
    return this.bookIndividualIn({ poolId: command.slotId, activity: false }, command);
  }

  /** A student books one place of an activity: the same rules as a slot. */
  async bookActivity(command: BookActivityCommand): Promise<BookingView> {
    return this.bookIndividualIn({ poolId: command.activityId, activity: true }, command);
  }

  async requestGroupVisit(command: RequestGroupVisitCommand): Promise<BookingView> {
    return this.requestGroupIn({ poolId: command.slotId, activity: false }, command);
  }

  /** School staff ask for places in an activity: pending until the venue decides, as for a slot. */
  async requestActivityGroup(command: RequestActivityGroupCommand): Promise<BookingView> {
    return this.requestGroupIn({ poolId: command.activityId, activity: true }, command);
  }

  /**
   * One place, confirmed at once. The happy path is one read (pool, venue, the student's
   * caps and no-shows) and one transaction (conditional UPDATE, booking row, outbox row).
   * An Idempotency-Key is looked up only when the attempt fails: a repeat of a booking
   * that exists always fails (the unique key, or a check that the first booking made
   * true), and then finds it, so the answer is the same as looking first.
   */
  private async bookIndividualIn(
    target: PoolTarget,
    command: { actor: Actor; idempotencyKey?: string },
  ): Promise<BookingView> {
    const { actor, idempotencyKey } = command;
    if (actor.role !== 'student')
      throw venueActionForbidden('book an individual visit (students only)');
    const hash = requestHash({ kind: 'individual', slotId: target.poolId });
    try {
      return await this.bookIndividualOnce(target, actor, idempotencyKey, hash);
    } catch (error) {
      const replay = await this.replayOf(actor.accountId, idempotencyKey, hash);
      if (replay) return replay;
      throw error;
    }
  }

  private async bookIndividualOnce(
    target: PoolTarget,
    actor: Actor,
    idempotencyKey: string | undefined,
    hash: string,
  ): Promise<BookingView> {
    const now = this.clock.now();
    const roster = ownRosterOf(actor);
    const cap = this.config.INDIVIDUAL_BOOKINGS_PER_30_DAYS;
    const { NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, NO_SHOW_BAR_DAYS } = this.config;
    const slot = await this.poolOrNotFound(target, {
      accountId: actor.accountId,
      recentSince: new Date(now.getTime() - 30 * DAY_MS),
      noShowsSince: new Date(now.getTime() - (NO_SHOW_WINDOW_DAYS + NO_SHOW_BAR_DAYS) * DAY_MS),
    });
    // Only a student with enough recent no-shows costs the read of their dates.
    if (slot.no_shows >= NO_SHOW_LIMIT) await this.assertNotBarred(actor.accountId, now);
    if (slot.recent >= cap) throw bookingCapReached(cap);
    // A full pool answers at once, without queueing on the slot's row lock.
    if (slot.individual_taken >= slot.individual_capacity && slot.status === 'open') {
      throw this.poolFull(slot, 'individual', 0);
    }
    const booking: NewBooking = {
      ...this.newBooking(slot, actor, now),
      kind: 'individual',
      status: 'confirmed',
      school_organisation_id: actor.organisationId,
      student_ids: JSON.stringify(actor.studentId ? [actor.studentId] : []),
      student_count: 1,
      teacher_count: 0,
      places: 1,
      idempotency_key: idempotencyKey ?? null,
      request_hash: hash,
      day_key: dayKeyOf(slot, actor.accountId),
    };
    const event = this.outbox.insertStatement(
      {
        topic: Topics.events.visitConfirmed,
        key: booking.id,
        payload: visitPayloadOf(booking as BookingRow),
      },
      'ROW_COUNT() = 1',
    );
    try {
      await this.takePlacesAndInsert(slot, booking, now, event, roster);
    } catch (error) {
      // A duplicate is the day's key or the Idempotency-Key (the caller looks for a replay).
      if (isDuplicateKeyError(error)) throw alreadyBookedThatDay(slot.venue_id, slot.local_date);
      throw error;
    }
    return this.viewOf(booking as BookingRow);
  }

  private async requestGroupIn(
    target: PoolTarget,
    request: GroupVisitFields,
  ): Promise<BookingView> {
    const { actor } = request;
    if (actor.role !== 'school_staff' || !actor.organisationId) {
      throw venueActionForbidden('request a group visit (school staff only)');
    }
    const { command, places } = groupPartyOf(request);
    const hash = requestHash({
      kind: 'group',
      slotId: target.poolId,
      studentIds: [...command.studentIds].sort(),
      teacherCount: command.teacherCount,
      note: command.note ?? null,
    });
    try {
      return await this.requestGroupOnce(target, command, actor.organisationId, places, hash);
    } catch (error) {
      const replay = await this.replayOf(actor.accountId, command.idempotencyKey, hash);
      if (replay) return replay;
      throw error;
    }
  }

  private async requestGroupOnce(
    target: PoolTarget,
    command: GroupVisitFields,
    schoolOrganisationId: string,
    places: number,
    hash: string,
  ): Promise<BookingView> {
    const now = this.clock.now();
    const slot = await this.poolOrNotFound(target);
    const deadline = new Date(
      Math.min(
        now.getTime() + this.config.GROUP_DECISION_HOURS * 3600_000,
        slot.starts_at.getTime(),
      ),
    );
    const booking: NewBooking = {
      ...this.newBooking(slot, command.actor, now),
      kind: 'group',
      status: 'pending',
      school_organisation_id: schoolOrganisationId,
      student_ids: JSON.stringify(command.studentIds),
      student_count: command.studentIds.length,
      teacher_count: command.teacherCount,
      places,
      note: command.note ?? null,
      decision_deadline: deadline,
      idempotency_key: command.idempotencyKey ?? null,
      request_hash: hash,
      day_key: null,
    };
    // Only students enrolled at the booker's school, checked in the booking's transaction.
    await this.takePlacesAndInsert(slot, booking, now, null, {
      schoolId: schoolOrganisationId,
      studentIds: command.studentIds,
    });
    return this.viewOf(booking as BookingRow);
  }

  async getBooking(command: BookingCommand): Promise<BookingView> {
    const booking = await this.bookings.find(command.bookingId);
    if (!booking || !seesBooking(command.actor, booking)) throw bookingNotFound(command.bookingId);
    return this.viewOf(booking);
  }

  async listMyBookings(query: ListMyBookingsQuery): Promise<Page<BookingView>> {
    const { rows, total } = await this.bookings.listOfBooker(
      query.actor.accountId,
      query.page,
      query.pageSize,
    );
    return {
      items: rows.map((r) => this.viewOf(r)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async decisionInbox(query: DecisionInboxQuery): Promise<Page<InboxItem>> {
    const venue = await this.venues.findRow(query.venueId);
    if (!venue || !runsVenue(query.actor, venue.organisation_id))
      throw venueNotFound(query.venueId);
    const { rows, total } = await this.bookings.pendingOfVenue(
      venue.id,
      query.page,
      query.pageSize,
    );
    const items = rows.map((row): InboxItem => {
      const groupPlacesLeft = row.group_capacity - row.group_taken;
      const otherPendingPlaces = Number(row.pending_places) - row.places;
      // Pending requests hold their places, so confirming one never takes places from another;
      // the warning tells the venue that others wait on a pool with nothing left for newcomers.
      const warning =
        otherPendingPlaces > 0 && groupPlacesLeft < row.places
          ? `${otherPendingPlaces} places are held by other pending requests of this slot and only ${groupPlacesLeft} are free: decide them together`
          : null;
      return { ...this.viewOf(row), groupPlacesLeft, otherPendingPlaces, warning };
    });
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async confirmGroupVisit(command: BookingCommand): Promise<BookingView> {
    return this.decide(command, async (manager, booking, now) => {
      await this.bookings.transition(manager, booking.id, ['pending'], 'confirmed', now);
      await this.emit(manager, Topics.events.visitConfirmed, { ...booking, status: 'confirmed' });
    });
  }

  async declineGroupVisit(command: DeclineGroupCommand): Promise<BookingView> {
    return this.decide(command, async (manager, booking, now) => {
      await this.bookings.transition(manager, booking.id, ['pending'], 'declined', now, {
        declineReason: command.reason,
      });
      await this.groupWaitlist.releaseGroupPlaces(
        manager,
        booking.slot_id,
        booking.slot_starts_at,
        booking.places,
        now,
      );
      await this.emit(
        manager,
        Topics.events.visitDeclined,
        { ...booking, status: 'declined' },
        command.reason,
      );
    });
  }

  async cancelBooking(command: BookingCommand): Promise<BookingView> {
    const { actor } = command;
    await this.inTransaction(async (manager) => {
      const booking = await this.bookings.find(command.bookingId, manager, true);
      if (!booking || !seesBooking(actor, booking)) throw bookingNotFound(command.bookingId);
      if (actor.accountId !== booking.booker_account_id && actor.role !== 'platform_admin') {
        throw venueActionForbidden('cancel a booking made by someone else');
      }
      if (booking.status !== 'pending' && booking.status !== 'confirmed')
        throw bookingNotCancellable(booking.status);
      const now = this.clock.now();
      const cutoff = new Date(
        booking.slot_starts_at.getTime() - this.config.CANCEL_CUTOFF_MINUTES * MINUTE_MS,
      );
      if (now > cutoff) throw cancellationClosed(cutoff);
      await this.bookings.transition(
        manager,
        booking.id,
        ['pending', 'confirmed'],
        'cancelled',
        now,
        { clearDayKey: true },
      );
      if (booking.kind === 'individual') {
        await this.waitlist.releaseIndividualPlace(
          manager,
          booking.slot_id,
          booking.slot_starts_at,
          now,
        );
      } else {
        await this.groupWaitlist.releaseGroupPlaces(
          manager,
          booking.slot_id,
          booking.slot_starts_at,
          booking.places,
          now,
        );
      }
      await this.emit(
        manager,
        Topics.events.visitCancelled,
        { ...booking, status: 'cancelled' },
        'cancelled by the booker',
      );
    });
    return this.getBooking(command);
  }

  async checkIn(command: CheckInCommand): Promise<BookingView> {
    const claims = this.tokens.verify(command.token);
    if (!claims || claims.venueId !== command.venueId) throw checkInTokenInvalid();
    const venue = await this.venues.findRow(command.venueId);
    if (!venue || !runsVenue(command.actor, venue.organisation_id))
      throw venueNotFound(command.venueId);
    await this.inTransaction(async (manager) => {
      const booking = await this.bookings.find(claims.bookingId, manager, true);
      // A booking a calendar change moved keeps the token of its previous time valid too
      // (a printed QR code); the entry window is the new slot's.
      if (
        !booking ||
        booking.venue_id !== venue.id ||
        (booking.slot_starts_at.toISOString() !== claims.slotStartsAt &&
          booking.previous_slot_starts_at?.toISOString() !== claims.slotStartsAt)
      ) {
        throw checkInTokenInvalid();
      }
      if (booking.status === 'checked_in' && booking.checked_in_at)
        throw alreadyCheckedIn(booking.checked_in_at);
      if (booking.status !== 'confirmed') throw bookingNotConfirmed(booking.status);
      const now = this.clock.now();
      const opensAt = new Date(
        booking.slot_starts_at.getTime() - this.config.CHECKIN_EARLY_MINUTES * MINUTE_MS,
      );
      if (now < opensAt || now > booking.slot_ends_at)
        throw checkInWindowClosed(opensAt, booking.slot_ends_at);
      await this.bookings.transition(manager, booking.id, ['confirmed'], 'checked_in', now, {
        checkedInAt: now,
      });
      await this.emit(manager, Topics.events.visitCheckedIn, { ...booking, status: 'checked_in' });
    });
    return this.getBooking({ actor: command.actor, bookingId: claims.bookingId });
  }

  /** A student takes the place a waiting-list offer holds: a confirmed booking, nothing more taken. */
  async acceptOffer(command: AcceptOfferCommand): Promise<BookingView> {
    const { actor } = command;
    // Filled in the transaction: the booking made, or the one a duplicate day refused.
    const made: { booking?: NewBooking } = {};
    try {
      await this.inTransaction(async (manager) => {
        const entry = await this.waitlistEntries.find(command.entryId, manager, true);
        if (!entry || entry.account_id !== actor.accountId)
          throw waitlistEntryNotFound(command.entryId);
        const now = this.clock.now();
        if (entry.status !== 'offered' || !entry.offer_expires_at || entry.offer_expires_at < now) {
          throw offerNotOpen(entry.status === 'offered' ? 'expired' : entry.status);
        }
        const slot = await this.slots.findForBooking(entry.slot_id);
        if (!slot) throw slotNotFound(entry.slot_id);
        const roster = ownRosterOf(actor);
        if (roster) {
          const foreign = await this.readModel.studentsNotInSchool(
            roster.schoolId,
            roster.studentIds,
            manager,
          );
          if (foreign.length > 0) throw studentsNotInSchool(foreign);
        }
        const booking: NewBooking = {
          ...this.newBooking(slot, actor, now),
          kind: 'individual',
          status: 'confirmed',
          school_organisation_id: actor.organisationId,
          student_ids: JSON.stringify(actor.studentId ? [actor.studentId] : []),
          student_count: 1,
          teacher_count: 0,
          places: 1,
          idempotency_key: null,
          request_hash: null,
          day_key: dayKeyOf(slot, actor.accountId),
        };
        made.booking = booking;
        await this.bookings.insert(manager, booking);
        await this.waitlistEntries.setStatus(manager, entry.id, 'offered', 'accepted', now);
        await this.emit(manager, Topics.events.visitConfirmed, booking as BookingRow);
      });
    } catch (error) {
      if (isDuplicateKeyError(error) && made.booking) {
        throw alreadyBookedThatDay(made.booking.venue_id, made.booking.local_date);
      }
      throw error;
    }
    if (!made.booking) throw waitlistEntryNotFound(command.entryId);
    return this.viewOf(made.booking as BookingRow);
  }

  /**
   * School staff take the group places a waiting-list offer holds: a pending group request
   * the venue decides, as any other (nothing more taken; the students checked again).
   */
  async acceptGroupOffer(command: AcceptOfferCommand): Promise<BookingView> {
    const { actor } = command;
    const made: { booking?: NewBooking } = {};
    await this.inTransaction(async (manager) => {
      const entry = await this.groupWaitlistEntries.find(command.entryId, manager, true);
      if (
        !entry ||
        actor.role !== 'school_staff' ||
        actor.organisationId !== entry.school_organisation_id
      ) {
        throw waitlistEntryNotFound(command.entryId);
      }
      const now = this.clock.now();
      if (entry.status !== 'offered' || !entry.offer_expires_at || entry.offer_expires_at < now) {
        throw offerNotOpen(entry.status === 'offered' ? 'expired' : entry.status);
      }
      const slot = await this.slots.findForBooking(entry.slot_id);
      if (!slot) throw slotNotFound(entry.slot_id);
      const studentIds = JSON.parse(entry.student_ids) as string[];
      const foreign = await this.readModel.studentsNotInSchool(
        entry.school_organisation_id,
        studentIds,
        manager,
      );
      if (foreign.length > 0) throw studentsNotInSchool(foreign);
      const booking: NewBooking = {
        ...this.newBooking(slot, actor, now),
        kind: 'group',
        status: 'pending',
        school_organisation_id: entry.school_organisation_id,
        student_ids: entry.student_ids,
        student_count: studentIds.length,
        teacher_count: Number(entry.teacher_count),
        places: Number(entry.places),
        note: entry.note,
        decision_deadline: new Date(
          Math.min(
            now.getTime() + this.config.GROUP_DECISION_HOURS * 3600_000,
            slot.starts_at.getTime(),
          ),
        ),
        idempotency_key: null,
        request_hash: null,
        day_key: null,
      };
      made.booking = booking;
      await this.bookings.insert(manager, booking);
      await this.groupWaitlistEntries.setStatus(
        manager,
        entry.id,
        'offered',
        'accepted',
        now,
        booking.id,
      );
    });
    if (!made.booking) throw waitlistEntryNotFound(command.entryId);
    return this.viewOf(made.booking as BookingRow);
  }

  /** Confirmed bookings whose slot has ended unused become no-shows. Returns how many. */
  async markNoShows(limit = 500): Promise<number> {
    const now = this.clock.now();
    const due = await this.bookings.dueForNoShow(now, limit);
    for (const booking of due) {
      await this.inTransaction(async (manager) => {
        if (await this.bookings.transition(manager, booking.id, ['confirmed'], 'no_show', now)) {
          await this.emit(manager, Topics.events.visitNoShow, { ...booking, status: 'no_show' });
        }
      });
    }
    return due.length;
  }

  /** Pending requests past their decision deadline expire and free their places. */
  async expirePending(limit = 500): Promise<number> {
    const now = this.clock.now();
    const due = await this.bookings.dueForExpiry(now, limit);
    for (const booking of due) {
      await this.inTransaction(async (manager) => {
        if (await this.bookings.transition(manager, booking.id, ['pending'], 'expired', now)) {
          await this.groupWaitlist.releaseGroupPlaces(
            manager,
            booking.slot_id,
            booking.slot_starts_at,
            booking.places,
            now,
          );
          await this.emit(
            manager,
            Topics.events.visitDeclined,
            { ...booking, status: 'expired' },
            'expired: no decision before the deadline',
          );
        }
      });
    }
    return due.length;
  }

  private async decide(
    command: BookingCommand,
    apply: (manager: EntityManager, booking: BookingRow, now: Date) => Promise<void>,
  ): Promise<BookingView> {
    await this.inTransaction(async (manager) => {
      const booking = await this.bookings.find(command.bookingId, manager, true);
      if (!booking || !seesBooking(command.actor, booking))
        throw bookingNotFound(command.bookingId);
      if (!runsVenue(command.actor, booking.venue_organisation_id)) {
        throw venueActionForbidden('decide a group request (venue staff only)');
      }
      if (booking.status !== 'pending') throw bookingNotPending(booking.status);
      await apply(manager, booking, this.clock.now());
    });
    return this.getBooking(command);
  }

  private newBooking(slot: PoolRow, actor: Actor, now: Date) {
    return {
      id: randomUUID(),
      activity_id: slot.activity_id === '' ? null : slot.activity_id,
      venue_id: slot.venue_id,
      venue_organisation_id: slot.venue_organisation_id,
      slot_id: slot.id,
      local_date: slot.local_date,
      slot_starts_at: slot.starts_at,
      slot_ends_at: slot.ends_at,
      booker_account_id: actor.accountId,
      note: null,
      decision_deadline: null,
      created_at: now,
    };
  }

  /**
   * The atomic conditional UPDATE, the booking and its event in one transaction and one
   * round trip (retried on deadlock); when no places were taken, says why.
   */
  private async takePlacesAndInsert(
    slot: PoolRow,
    booking: NewBooking,
    now: Date,
    event: { sql: string; params: unknown[] } | null,
    roster: BookingRoster | null,
  ): Promise<void> {
    const pool = booking.kind === 'individual' ? 'individual' : 'group';
    if (roster && !roster.schoolId) throw studentsNotInSchool(roster.studentIds);
    const guard =
      roster && roster.schoolId && roster.studentIds.length > 0
        ? allEnrolledCondition(roster.schoolId, roster.studentIds)
        : null;
    const taken = await withDbRetry(() =>
      this.bookings.takePlacesAndInsert(booking, pool, now, event, guard),
    );
    if (taken) {
      if (event) this.relay.wake();
      return;
    }
    if (guard && roster) {
      const foreign = await this.readModel.studentsNotInSchool(roster.schoolId, roster.studentIds);
      if (foreign.length > 0) throw studentsNotInSchool(foreign);
    }
    const current = (await this.slots.find(slot.id)) ?? slot;
    const activity = slot.activity_id !== '';
    if (current.status !== 'open') {
      throw activity
        ? activityCancelled(slot.id)
        : slotUnavailable(slot.id, 'it was withdrawn after a calendar change');
    }
    if (current.starts_at <= now)
      throw activity ? activityStarted(slot.id) : slotUnavailable(slot.id, 'it has started');
    const left =
      pool === 'individual'
        ? current.individual_capacity - current.individual_taken
        : current.group_capacity - current.group_taken;
    throw this.poolFull(slot, pool, left);
  }

  private poolFull(slot: PoolRow, pool: 'individual' | 'group', left: number): AppError {
    return slot.activity_id === ''
      ? slotFull(slot.id, pool, left)
      : activityFull(slot.id, pool, left);
  }

  private async assertNotBarred(accountId: string, now: Date): Promise<void> {
    const {
      NO_SHOW_LIMIT: limit,
      NO_SHOW_WINDOW_DAYS: windowDays,
      NO_SHOW_BAR_DAYS: barDays,
    } = this.config;
    const ends = await this.bookings.noShowEnds(
      accountId,
      new Date(now.getTime() - (windowDays + barDays) * DAY_MS),
    );
    const until = barredUntil(ends, limit, windowDays, barDays);
    if (until && until > now) throw bookingBarred(until, limit, windowDays);
  }

  private async replayOf(
    accountId: string,
    key: string | undefined,
    hash: string,
  ): Promise<BookingView | null> {
    if (!key) return null;
    const existing = await this.bookings.findByIdempotencyKey(accountId, key);
    if (!existing) return null;
    if (existing.request_hash !== hash) throw idempotencyKeyReused();
    return this.viewOf(existing);
  }

  /** The slot, or the activity's pool; an activity that was cancelled takes no bookings. */
  private async poolOrNotFound(
    target: PoolTarget,
    booker?: { accountId: string; recentSince: Date; noShowsSince: Date },
  ): Promise<PoolRow> {
    const pool = await this.slots.findForBooking(target.poolId, booker);
    if (!target.activity) {
      if (!pool || pool.activity_id !== '') throw slotNotFound(target.poolId);
      return pool;
    }
    if (!pool || pool.activity_id === '') throw activityNotFound(target.poolId);
    if (pool.activity_status === 'cancelled') throw activityCancelled(target.poolId);
    return pool;
  }

  private async emit(
    manager: EntityManager,
    topic: VisitTopic,
    booking: BookingRow,
    reason: string | null = null,
  ): Promise<void> {
    await this.outbox.append(manager, {
      topic,
      key: booking.id,
      payload: visitPayloadOf(booking, booking.status, reason),
    });
  }

  /** One transaction per command, retried on deadlock; the relay is woken after commit. */
  private async inTransaction(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    await withDbRetry(() => this.dataSource.transaction(work));
    this.relay.wake();
  }

  private viewOf(b: BookingRow): BookingView {
    const active = b.status === 'confirmed' || b.status === 'checked_in';
    return {
      id: b.id,
      kind: b.kind,
      status: b.status,
      venueId: b.venue_id,
      slotId: b.slot_id,
      slotStartsAt: b.slot_starts_at.toISOString(),
      slotEndsAt: b.slot_ends_at.toISOString(),
      date: b.local_date,
      bookerAccountId: b.booker_account_id,
      schoolOrganisationId: b.school_organisation_id,
      studentIds: JSON.parse(b.student_ids) as string[],
      studentCount: b.student_count,
      teacherCount: b.teacher_count,
      places: b.places,
      note: b.note,
      declineReason: b.decline_reason ?? null,
      decisionDeadline: b.decision_deadline ? b.decision_deadline.toISOString() : null,
      slotWithdrawn: Boolean(b.slot_withdrawn),
      checkInToken: active
        ? this.tokens.sign({
            bookingId: b.id,
            venueId: b.venue_id,
            slotStartsAt: b.slot_starts_at.toISOString(),
          })
        : null,
      checkedInAt: b.checked_in_at ? b.checked_in_at.toISOString() : null,
      createdAt: b.created_at.toISOString(),
      activityId: b.activity_id ?? null,
      cancelReason: b.cancel_reason ?? null,
      changeReason: b.change_reason ?? null,
      previousSlotStartsAt: b.previous_slot_starts_at
        ? b.previous_slot_starts_at.toISOString()
        : null,
      previousSlotEndsAt: b.previous_slot_ends_at ? b.previous_slot_ends_at.toISOString() : null,
    };
  }
}

/** The roster students a booking names and the school they must be enrolled at. */
interface BookingRoster {
  schoolId: string | null;
  studentIds: string[];
}

/**
 * A student's own roster id, when the account is linked to it (`studentId` claim): it must
 * be enrolled at the account's school, or the visit would be credited to another school's
 * student. An unlinked account names nobody.
 */
function ownRosterOf(actor: Actor): BookingRoster | null {
  return actor.studentId
    ? { schoolId: actor.organisationId, studentIds: [actor.studentId.toLowerCase()] }
    : null;
}

/** What a booking is for: a slot, or an activity's pool (the slot row of the activity's id). */
interface PoolTarget {
  poolId: string;
  activity: boolean;
}

/** One individual booking per venue per day per student for slots, and one for activities. */
function dayKeyOf(pool: SlotRow, accountId: string): string {
  const key = `${pool.venue_id}|${pool.local_date}|${accountId}`;
  return pool.activity_id === '' ? key : `${key}|activity`;
}

function requestHash(request: object): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
