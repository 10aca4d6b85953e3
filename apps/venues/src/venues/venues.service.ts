import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  FREE_VENUE_CATEGORIES,
  Topics,
  type Actor,
  type AddClosureCommand,
  type CreateVenueCommand,
  type GetVenueQuery,
  type ListSlotsQuery,
  type Page,
  type RemoveClosureCommand,
  type SearchVenuesQuery,
  type SlotView,
  type UpdateVenueCommand,
  type VenueCategory,
  type VenueSearchHit,
  type VenueView,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { addDays, Clock } from '@app/time';
import { visitPayloadOf } from '../bookings/visit-payload.js';
import { pricedActivitiesAtFreeVenue } from '../activities/activities.errors.js';
import { ActivitiesRepository } from '../activities/activities.repository.js';
import { NATIONAL_AREA_CODE, regionPrefixOf } from '../calendar/area-code.js';
import { hoursAreValid } from '../calendar/opening-day.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { SlotPlanner, VENUE_CLOSED } from '../slots/slot-planner.js';
import { slotViewOf, SlotsRepository } from '../slots/slots.repository.js';
import { managesVenue, regionContains } from './venue-access.js';
import {
  closureNotFound,
  openingHoursInvalid,
  regionChangeNotAllowed,
  studentPriceNotAllowed,
  studentPriceRequired,
  venueActionForbidden,
  venueNotFound,
  venueOrganisationNotFound,
  venueOrganisationUnknown,
  venueRegionOutsideOrganisation,
} from './venues.errors.js';
import { VenuesRepository, type VenueRecord } from './venues.repository.js';

const FREE: readonly string[] = FREE_VENUE_CATEGORIES;
const MAX_SLOT_LIST_DAYS = 31;

/** The student-price rule of the policy: free categories never priced, the others always. */
export function checkStudentPrice(category: VenueCategory, studentPriceFen: number | null): void {
  if (FREE.includes(category)) {
    if (studentPriceFen !== null) throw studentPriceNotAllowed(category);
  } else if (studentPriceFen === null) {
    throw studentPriceRequired(category);
  }
}

/** Default opening of a new venue: Tuesday to Sunday 9:00 to 17:00, no extended hours. */
const DEFAULT_DAY = { opens: '09:00', closes: '17:00' };

@Injectable()
export class VenuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly venues: VenuesRepository,
    private readonly slots: SlotsRepository,
    private readonly readModel: ReadModelRepository,
    private readonly planner: SlotPlanner,
    private readonly activities: ActivitiesRepository,
    private readonly clock: Clock,
  ) {}

  async createVenue(command: CreateVenueCommand): Promise<VenueView> {
    const { actor } = command;
    const organisationId = command.organisationId ?? actor.organisationId;
    if (!['platform_admin', 'bureau_admin', 'venue_staff'].includes(actor.role)) {
      throw venueActionForbidden('create a venue');
    }
    // Venue staff create venues of their own organisation only; anything else is not theirs.
    if (actor.role === 'venue_staff' && organisationId && organisationId !== actor.organisationId)
      throw venueOrganisationNotFound(organisationId);
    const organisation = organisationId
      ? await this.readModel.findOrganisation(organisationId)
      : null;
    // A bureau admin's scope is its bureau's area: an organisation elsewhere does not exist for it.
    if (organisation && actor.role === 'bureau_admin') {
      const area = await this.bureauAreaOf(actor);
      if (area === null || !regionContains(area, organisation.regionCode))
        throw venueOrganisationNotFound(organisation.id);
    }
    if (!organisation || organisation.kind !== 'venue')
      throw venueOrganisationUnknown(organisationId);
    const record: Omit<VenueRecord, 'id'> = {
      organisationId: organisation.id,
      name: command.name,
      category: command.category,
      studentPriceFen: command.studentPriceFen ?? null,
      regionCode: command.regionCode ?? organisation.regionCode,
      address: command.address ?? null,
      description: command.description ?? null,
      accessibility: command.accessibility ?? null,
      contact: command.contact ?? null,
      weeklyHours: command.weeklyHours ?? {
        tue: DEFAULT_DAY,
        wed: DEFAULT_DAY,
        thu: DEFAULT_DAY,
        fri: DEFAULT_DAY,
        sat: DEFAULT_DAY,
        sun: DEFAULT_DAY,
      },
      extendedHours: command.extendedHours ?? null,
      holidayOnClosedDay: command.holidayOnClosedDay ?? 'open',
      slotMinutes: command.slotMinutes ?? 60,
      individualCapacity: command.individualCapacity ?? 50,
      groupCapacity: command.groupCapacity ?? 100,
    };
    if (!regionContains(organisation.regionCode, record.regionCode))
      throw venueRegionOutsideOrganisation(record.regionCode, organisation.regionCode);
    await this.assertManages(actor, record);
    this.checkRecord(record);
    const id = await this.venues.insert(record, this.clock.now());
    await this.planner.regenerate(id);
    return this.view(id);
  }

  async updateVenue(command: UpdateVenueCommand): Promise<VenueView> {
    const current = await this.venueOrNotFound(command.venueId);
    await this.assertManages(command.actor, current);
    if (command.regionCode !== undefined && command.regionCode !== current.regionCode)
      await this.assertMayMove(command.actor, current, command.regionCode);
    const defined = <T>(value: T | undefined, fallback: T): T =>
      value === undefined ? fallback : value;
    const record: VenueRecord = {
      ...current,
      name: defined(command.name, current.name),
      category: defined(command.category, current.category),
      studentPriceFen: defined(command.studentPriceFen, current.studentPriceFen),
      regionCode: defined(command.regionCode, current.regionCode),
      address: defined(command.address, current.address),
      description: defined(command.description, current.description),
      accessibility: defined(command.accessibility, current.accessibility),
      contact: defined(command.contact, current.contact),
      weeklyHours: defined(command.weeklyHours, current.weeklyHours),
      extendedHours: defined(command.extendedHours, current.extendedHours),
      holidayOnClosedDay: defined(command.holidayOnClosedDay, current.holidayOnClosedDay),
      slotMinutes: defined(command.slotMinutes, current.slotMinutes),
      individualCapacity: defined(command.individualCapacity, current.individualCapacity),
      groupCapacity: defined(command.groupCapacity, current.groupCapacity),
    };
    this.checkRecord(record);
    // A venue that becomes free for students may not keep priced activities.
    const priced = FREE.includes(record.category)
      ? await this.activities.pricedOfVenue(record.id)
      : 0;
    if (priced > 0) throw pricedActivitiesAtFreeVenue(record.category, priced);
    await this.venues.update(record, this.clock.now());
    await this.planner.regenerate(record.id);
    return this.view(record.id);
  }

  async getVenue(query: GetVenueQuery): Promise<VenueView> {
    return this.venueOrNotFound(query.venueId);
  }

  async searchVenues(query: SearchVenuesQuery): Promise<Page<VenueSearchHit>> {
    return this.venues.search(
      {
        regionPrefix: regionPrefixOf(query.regionCode ?? NATIONAL_AREA_CODE),
        category: query.category,
        date: query.date,
        notBefore: this.clock.now(),
      },
      query.page,
      query.pageSize,
    );
  }

  async addClosure(command: AddClosureCommand): Promise<VenueView> {
    const venue = await this.venueOrNotFound(command.venueId);
    await this.assertManages(command.actor, venue);
    // One transaction: the closure, that day's activities cancelled, the slots re-planned.
    await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const now = this.clock.now();
        if (!(await this.venues.findRow(venue.id, manager, true))) return;
        await this.venues.addClosure(venue.id, command.date, command.reason, now, manager);
        await this.cancelActivitiesOn(manager, venue.id, command.date, command.reason, now);
        await this.planner.regenerateIn(manager, venue.id);
      }),
    );
    this.relay.wake();
    return this.view(venue.id);
  }

  /**
   * A special closure cancels the day's activities that have not started: each activity
   * `cancelled` ("venue closed: <reason>"), its bookings cancelled with `venue_closed`, one
   * `venues.visit.cancelled.v1` per booking.
   */
  private async cancelActivitiesOn(
    manager: EntityManager,
    venueId: string,
    date: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    const ids: { id: string }[] = await manager.query(
      `SELECT id FROM activities WHERE venue_id = ? AND local_date = ? AND status = 'scheduled'
         AND starts_at > ? ORDER BY starts_at, id FOR UPDATE`,
      [venueId, date, now],
    );
    for (const { id } of ids) {
      const cancelled = await this.activities.cancel(
        manager,
        id,
        `venue closed: ${reason}`,
        VENUE_CLOSED,
        now,
      );
      if (cancelled.length === 0) continue;
      await manager.query(`UPDATE bookings SET change_reason = ? WHERE id IN (?)`, [
        VENUE_CLOSED,
        cancelled.map((b) => b.id),
      ]);
      await this.outbox.appendMany(
        manager,
        cancelled.map((booking) => ({
          topic: Topics.events.visitCancelled,
          key: booking.id,
          payload: visitPayloadOf(booking, 'cancelled', VENUE_CLOSED, now),
        })),
      );
    }
  }

  async removeClosure(command: RemoveClosureCommand): Promise<VenueView> {
    const venue = await this.venueOrNotFound(command.venueId);
    await this.assertManages(command.actor, venue);
    if (!(await this.venues.removeClosure(venue.id, command.date))) {
      throw closureNotFound(venue.id, command.date);
    }
    await this.planner.regenerate(venue.id);
    return this.view(venue.id);
  }

  async listSlots(query: ListSlotsQuery): Promise<SlotView[]> {
    await this.venueOrNotFound(query.venueId);
    if (query.to < query.from || query.to > addDays(query.from, MAX_SLOT_LIST_DAYS - 1)) {
      throw new AppError(
        'VALIDATION_FAILED',
        'invalid',
        `to must be from..from+${MAX_SLOT_LIST_DAYS - 1} days`,
        {
          fields: [
            {
              field: 'to',
              errors: [`must be on or after from, at most ${MAX_SLOT_LIST_DAYS} days`],
            },
          ],
        },
      );
    }
    const rows = await this.slots.listOfVenue(query.venueId, query.from, query.to);
    return rows.map(slotViewOf);
  }

  /** Managing is for the venue's staff and admins; others see the venue but may not change it. */
  async assertManages(
    actor: Actor,
    venue: { organisationId: string; regionCode: string },
  ): Promise<void> {
    const actorRegion = await this.bureauAreaOf(actor);
    if (!managesVenue(actor, venue, actorRegion)) throw venueActionForbidden('manage this venue');
  }

  /**
   * Moving a venue to another region: a platform admin, or a bureau admin whose area
   * contains the target region (the venue's own staff may not); the target lies inside the
   * region of the venue's organisation.
   */
  private async assertMayMove(actor: Actor, venue: VenueView, regionCode: string): Promise<void> {
    if (actor.role !== 'platform_admin') {
      if (actor.role !== 'bureau_admin')
        throw regionChangeNotAllowed("only a bureau admin of the venue's area changes its region");
      const area = await this.bureauAreaOf(actor);
      if (area === null || !regionContains(area, regionCode))
        throw regionChangeNotAllowed(`${regionCode} lies outside your area`);
    }
    const organisation = await this.readModel.findOrganisation(venue.organisationId);
    if (!organisation || !regionContains(organisation.regionCode, regionCode))
      throw venueRegionOutsideOrganisation(regionCode, organisation?.regionCode ?? null);
  }

  /** A bureau admin's area: its bureau's region in the read model (null for anyone else). */
  private async bureauAreaOf(actor: Actor): Promise<string | null> {
    if (actor.role !== 'bureau_admin' || !actor.organisationId) return null;
    return (await this.readModel.findOrganisation(actor.organisationId))?.regionCode ?? null;
  }

  private checkRecord(record: Omit<VenueRecord, 'id'>): void {
    checkStudentPrice(record.category, record.studentPriceFen);
    const days = Object.values(record.weeklyHours) as (
      { opens: string; closes: string } | undefined
    )[];
    if (!hoursAreValid([...days, record.extendedHours])) throw openingHoursInvalid();
  }

  private async venueOrNotFound(venueId: string): Promise<VenueView> {
    const venue = await this.venues.find(venueId);
    if (!venue) throw venueNotFound(venueId);
    return venue;
  }

  private view(venueId: string): Promise<VenueView> {
    return this.venueOrNotFound(venueId);
  }
}
