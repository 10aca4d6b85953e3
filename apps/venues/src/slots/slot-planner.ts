import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withDbRetry } from '@app/database';
import { addDays, Clock, shanghaiDateOf, shanghaiInstant } from '@app/time';
import { regionPrefixOf } from '../calendar/area-code.js';
import { weekdayOf } from '../calendar/local-time.js';
import { openingOf, slotTimesOf, type DayFacts } from '../calendar/opening-day.js';
import { VenuesConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { venueViewOf, VenuesRepository } from '../venues/venues.repository.js';
import { SlotsRepository, type PlannedSlot } from './slots.repository.js';

/**
 * Keeps each venue's slots in step with its opening rules and its area's calendar over the
 * rolling window. Slots that vanish are deleted when empty; with bookings they are withdrawn
 * and their bookings flagged, never deleted. Slots that come back are reopened.
 */
@Injectable()
export class SlotPlanner {
  private readonly logger = new Logger(SlotPlanner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly venues: VenuesRepository,
    private readonly slots: SlotsRepository,
    private readonly readModel: ReadModelRepository,
    private readonly config: VenuesConfig,
    private readonly clock: Clock,
  ) {}

  /** The slots a venue should have from `from` to `to`. */
  async plan(venueId: string, from: string, to: string): Promise<PlannedSlot[]> {
    const row = await this.venues.findRow(venueId);
    if (!row) return [];
    const venue = venueViewOf(row, []);
    const [calendar, closures] = await Promise.all([
      this.readModel.areaCalendar(venue.regionCode, from, to),
      this.venues.closuresOf(venueId, from, to),
    ]);
    const closureOf = new Map(closures.map((c) => [c.date, c.reason]));
    const planned: PlannedSlot[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const entry = calendar.holidays.get(date);
      const facts: DayFacts = {
        date,
        weekday: weekdayOf(date),
        holidayName: entry?.kind === 'holiday' ? (entry.name ?? 'holiday') : null,
        makeupWorkday: entry?.kind === 'makeup_workday',
        vacation:
          calendar.vacations.find((v) => v.startsOn <= date && date <= v.endsOn)?.kind ?? null,
        closureReason: closureOf.get(date) ?? null,
      };
      const opening = openingOf(venue, facts);
      if (!opening) continue;
      for (const times of slotTimesOf(opening, venue.slotMinutes)) {
        planned.push({
          date,
          startsAt: shanghaiInstant(date, times.opens),
          endsAt: shanghaiInstant(date, times.closes),
          profile: opening.profile,
          reason: opening.reason,
        });
      }
    }
    return planned;
  }

  /** Regenerates one venue's slots over the window, in one transaction. */
  async regenerate(venueId: string): Promise<void> {
    const now = this.clock.now();
    const from = shanghaiDateOf(now);
    const to = addDays(from, this.config.SLOT_WINDOW_DAYS - 1);
    const row = await this.venues.findRow(venueId);
    if (!row) return;
    const capacity = { individual: row.individual_capacity, group: row.group_capacity };
    const planned = await this.plan(venueId, from, to);
    await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const existing = await this.slots.listOfVenue(venueId, from, to, manager);
        const byStart = new Map(existing.map((s) => [s.starts_at.getTime(), s]));
        for (const slot of planned) {
          const found = byStart.get(slot.startsAt.getTime());
          byStart.delete(slot.startsAt.getTime());
          if (!found) {
            await this.slots.insert(manager, venueId, slot, capacity);
            continue;
          }
          await this.slots.refresh(manager, found.id, slot, capacity);
          if (found.status === 'withdrawn') {
            await manager.query('UPDATE bookings SET slot_withdrawn = 0 WHERE slot_id = ?', [
              found.id,
            ]);
          }
        }
        for (const gone of byStart.values()) {
          if (gone.starts_at <= now) continue; // the past stays as it was
          if (gone.individual_taken + gone.group_taken === 0) {
            await this.slots.delete(manager, gone.id);
          } else if (gone.status === 'open') {
            await this.slots.withdraw(manager, gone.id);
            await manager.query(
              `UPDATE bookings SET slot_withdrawn = 1 WHERE slot_id = ? AND status IN ('pending', 'confirmed')`,
              [gone.id],
            );
          }
        }
      }),
    );
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
