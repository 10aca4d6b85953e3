import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Topics, type VisitEventPayload } from '@app/contracts';
import { withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter, type NewEvent } from '@app/messaging';
import { addDays, Clock, shanghaiDateOf, shanghaiInstant } from '@app/time';
import type { BookingRow } from '../bookings/bookings.repository.js';
import { visitPayloadOf } from '../bookings/visit-payload.js';
import { regionPrefixOf } from '../calendar/area-code.js';
import { weekdayOf } from '../calendar/local-time.js';
import { openingOf, slotTimesOf, type DayFacts, type DayOpening } from '../calendar/opening-day.js';
import { VenuesConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { venueViewOf, VenuesRepository, type VenueRow } from '../venues/venues.repository.js';
import { SlotsRepository, type PlannedSlot, type SlotRow } from './slots.repository.js';

/** Why a calendar change moved or cancelled a booking (its events' `reason`). */
export const CALENDAR_CHANGE = 'calendar_change';
/** A special closure of the venue that day. */
export const VENUE_CLOSED = 'venue_closed';

interface Plan {
  slots: PlannedSlot[];
  /** Local dates closed by a special closure of the venue. */
  closedDates: Set<string>;
}

/**
 * Keeps each venue's slots in step with its opening rules and its area's calendar over the
 * rolling window, in one transaction per venue (the venue row locked, then its slots, so a
 * booking racing the re-plan either committed before it, and is moved with the others, or
 * finds its slot gone). Empty slots that vanish are deleted. The bookings of a vanished slot
 * (confirmed, or pending group requests) are moved to the new slot covering their start when
 * it has the places, else cancelled with `calendar_change` (`venue_closed` on a day of a
 * special closure), each with its event through the outbox; the places they held are freed,
 * so an hour is never sold twice. Slots that come back are reopened.
 */
@Injectable()
export class SlotPlanner {
  private readonly logger = new Logger(SlotPlanner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly venues: VenuesRepository,
    private readonly slots: SlotsRepository,
    private readonly readModel: ReadModelRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly config: VenuesConfig,
    private readonly clock: Clock,
  ) {}

  /** The slots a venue should have from `from` to `to`. */
  async plan(venueId: string, from: string, to: string): Promise<PlannedSlot[]> {
    const row = await this.venues.findRow(venueId);
    return row ? (await this.planOf(row, from, to, this.dataSource.manager)).slots : [];
  }

  /** The venue's hours on one local date after its area's calendar and its closures (null: closed). */
  async openingOn(
    row: VenueRow,
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DayOpening | null> {
    const [calendar, closures] = await Promise.all([
      this.readModel.areaCalendar(row.region_code, date, date),
      this.venues.closuresOf(row.id, date, date, manager),
    ]);
    return openingOf(venueViewOf(row, []), this.factsOf(date, calendar, closures[0]?.reason));
  }

  private factsOf(
    date: string,
    calendar: Awaited<ReturnType<ReadModelRepository['areaCalendar']>>,
    closureReason: string | undefined,
  ): DayFacts {
    const entry = calendar.holidays.get(date);
    return {
      date,
      weekday: weekdayOf(date),
      holidayName: entry?.kind === 'holiday' ? (entry.name ?? 'holiday') : null,
      makeupWorkday: entry?.kind === 'makeup_workday',
      vacation:
        calendar.vacations.find((v) => v.startsOn <= date && date <= v.endsOn)?.kind ?? null,
      closureReason: closureReason ?? null,
    };
  }

  private async planOf(
    row: VenueRow,
    from: string,
    to: string,
    manager: EntityManager,
  ): Promise<Plan> {
    const venue = venueViewOf(row, []);
    const [calendar, closures] = await Promise.all([
      this.readModel.areaCalendar(venue.regionCode, from, to),
      this.venues.closuresOf(row.id, from, to, manager),
    ]);
    const closureOf = new Map(closures.map((c) => [c.date, c.reason]));
    const slots: PlannedSlot[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const opening = openingOf(venue, this.factsOf(date, calendar, closureOf.get(date)));
      if (!opening) continue;
      for (const times of slotTimesOf(opening, venue.slotMinutes)) {
        slots.push({
          date,
          startsAt: shanghaiInstant(date, times.opens),
          endsAt: shanghaiInstant(date, times.closes),
          profile: opening.profile,
          reason: opening.reason,
        });
      }
    }
    return { slots, closedDates: new Set(closureOf.keys()) };
  }

  /** Regenerates one venue's slots over the window, in one transaction. */
  async regenerate(venueId: string): Promise<void> {
    await withDbRetry(() =>
      this.dataSource.transaction((manager) => this.regenerateIn(manager, venueId)),
    );
    this.relay.wake();
  }

  /**
   * The re-plan inside the caller's transaction (a closure: the closure, its day's
   * activities and the slots change together). The caller wakes the relay after commit.
   */
  async regenerateIn(manager: EntityManager, venueId: string): Promise<void> {
    const now = this.clock.now();
    const from = shanghaiDateOf(now);
    const to = addDays(from, this.config.SLOT_WINDOW_DAYS - 1);
    const row = await this.venues.findRow(venueId, manager, true);
    if (!row) return;
    const capacity = { individual: row.individual_capacity, group: row.group_capacity };
    const plan = await this.planOf(row, from, to, manager);
    const existing = await this.slots.listOfVenue(venueId, from, to, manager, true);
    const byStart = new Map(existing.map((s) => [s.starts_at.getTime(), s]));
    const placed: (PlannedSlot & { id: string })[] = [];
    for (const slot of plan.slots) {
      const found = byStart.get(slot.startsAt.getTime());
      byStart.delete(slot.startsAt.getTime());
      if (!found) {
        placed.push({ ...slot, id: await this.slots.insert(manager, venueId, slot, capacity) });
        continue;
      }
      placed.push({ ...slot, id: found.id });
      await this.slots.refresh(manager, found.id, slot, capacity);
      if (found.status === 'withdrawn') {
        await manager.query('UPDATE bookings SET slot_withdrawn = 0 WHERE slot_id = ?', [found.id]);
      }
    }
    const events: NewEvent<VisitEventPayload>[] = [];
    for (const gone of byStart.values()) {
      if (gone.starts_at <= now) continue; // the past stays as it was
      if (gone.individual_taken + gone.group_taken === 0) {
        await this.slots.delete(manager, gone.id);
        continue;
      }
      const cover = placed.find((p) => p.startsAt <= gone.starts_at && gone.starts_at < p.endsAt);
      const reason = plan.closedDates.has(gone.local_date) ? VENUE_CLOSED : CALENDAR_CHANGE;
      events.push(...(await this.rehome(manager, gone, cover ?? null, reason, now)));
      await this.slots.retire(manager, gone.id, now);
    }
    if (events.length > 0) await this.outbox.appendMany(manager, events);
    if (events.length > 0) {
      this.logger.log({
        msg: 'bookings moved or cancelled by a re-plan',
        venueId,
        count: events.length,
      });
    }
  }

  /**
   * Moves the open bookings of a vanished slot to `cover` (oldest first, while it has the
   * places), or cancels them with `reason`. Returns their events.
   */
  private async rehome(
    manager: EntityManager,
    gone: SlotRow,
    cover: (PlannedSlot & { id: string }) | null,
    reason: string,
    now: Date,
  ): Promise<NewEvent<VisitEventPayload>[]> {
    const bookings: BookingRow[] = await manager.query(
      `SELECT b.*, DATE_FORMAT(b.local_date, '%Y-%m-%d') AS local_date FROM bookings b
       WHERE b.slot_id = ? AND b.status IN ('pending', 'confirmed') ORDER BY b.created_at, b.id FOR UPDATE`,
      [gone.id],
    );
    const events: NewEvent<VisitEventPayload>[] = [];
    for (const booking of bookings) {
      const pool = booking.kind === 'individual' ? 'individual' : 'group';
      if (cover && (await this.slots.takeIfRoom(manager, cover.id, pool, booking.places))) {
        await manager.query(
          `UPDATE bookings SET slot_id = ?, local_date = ?, slot_starts_at = ?, slot_ends_at = ?,
             previous_slot_starts_at = ?, previous_slot_ends_at = ?, change_reason = ?,
             slot_withdrawn = 0, updated_at = ?,
             decision_deadline = CASE WHEN decision_deadline IS NULL THEN NULL
               ELSE LEAST(decision_deadline, ?) END
           WHERE id = ?`,
          [
            cover.id,
            cover.date,
            cover.startsAt,
            cover.endsAt,
            booking.slot_starts_at,
            booking.slot_ends_at,
            CALENDAR_CHANGE,
            now,
            cover.startsAt,
            booking.id,
          ],
        );
        const moved: BookingRow = {
          ...booking,
          slot_id: cover.id,
          local_date: cover.date,
          slot_starts_at: cover.startsAt,
          slot_ends_at: cover.endsAt,
        };
        events.push({
          topic: Topics.events.visitRescheduled,
          key: booking.id,
          payload: {
            ...visitPayloadOf(moved, booking.status, CALENDAR_CHANGE, now),
            previousSlotId: gone.id,
            previousSlotStartsAt: booking.slot_starts_at.toISOString(),
            previousSlotEndsAt: booking.slot_ends_at.toISOString(),
          },
        });
        continue;
      }
      await manager.query(
        `UPDATE bookings SET status = 'cancelled', cancel_reason = ?, change_reason = ?,
           day_key = NULL, updated_at = ? WHERE id = ?`,
        [reason, reason, now, booking.id],
      );
      events.push({
        topic: Topics.events.visitCancelled,
        key: booking.id,
        payload: visitPayloadOf(booking, 'cancelled', reason, now),
      });
    }
    return events;
  }

  /** Every venue inside an area (a calendar change there), or all of them. */
  async regenerateArea(areaCode?: string): Promise<void> {
    const ids = await this.venues.allIds(areaCode ? regionPrefixOf(areaCode) : '%');
    for (const id of ids) {
      try {
        await this.regenerate(id);
      } catch (error) {
        this.logger.error({ msg: 'slot regeneration failed', venueId: id, err: error });
        throw error;
      }
    }
  }
}
