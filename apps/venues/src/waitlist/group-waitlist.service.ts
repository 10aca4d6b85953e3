import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  type GroupOfferPayload,
  type GroupWaitlistEntryView,
  type ListMyWaitlistQuery,
  type Page,
  type RequestGroupVisitCommand,
} from '@app/contracts';
import { withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { Clock } from '@app/time';
import { slotNotFound, slotUnavailable, studentsNotInSchool } from '../bookings/bookings.errors.js';
import { groupPartyOf } from '../bookings/group-party.js';
import { VenuesConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { SlotsRepository } from '../slots/slots.repository.js';
import { venueActionForbidden } from '../venues/venues.errors.js';
import { slotNotFull } from './waitlist.errors.js';
import {
  GroupWaitlistRepository,
  groupWaitlistViewOf,
  type GroupWaitlistRow,
} from './group-waitlist.repository.js';

/**
 * The waiting list of a slot's group pool, first come first served among the requests that
 * fit: freed group places go to the oldest waiting request whose places they cover, held
 * while the offer runs (GROUP_WAITLIST_OFFER_HOURS, or until the slot starts); accepted, it
 * becomes a pending group request the venue decides; not taken in time, it passes on.
 */
@Injectable()
export class GroupWaitlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entries: GroupWaitlistRepository,
    private readonly slots: SlotsRepository,
    private readonly readModel: ReadModelRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly config: VenuesConfig,
    private readonly clock: Clock,
  ) {}

  async join(request: RequestGroupVisitCommand): Promise<GroupWaitlistEntryView> {
    const { actor } = request;
    if (actor.role !== 'school_staff' || !actor.organisationId) {
      throw venueActionForbidden('queue a group request (school staff only)');
    }
    const { command, places } = groupPartyOf(request);
    const slot = await this.slots.find(command.slotId);
    if (!slot) throw slotNotFound(command.slotId);
    const now = this.clock.now();
    if (slot.status !== 'open' || slot.starts_at <= now)
      throw slotUnavailable(slot.id, 'it is withdrawn or has started');
    const left = slot.group_capacity - slot.group_taken;
    if (left >= places) throw slotNotFull(slot.id, left);
    const foreign = await this.readModel.studentsNotInSchool(
      actor.organisationId,
      command.studentIds,
    );
    if (foreign.length > 0) throw studentsNotInSchool(foreign);
    const row = await this.entries.insert({
      slot_id: slot.id,
      venue_id: slot.venue_id,
      account_id: actor.accountId,
      school_organisation_id: actor.organisationId,
      student_ids: JSON.stringify(command.studentIds),
      teacher_count: command.teacherCount,
      places,
      note: command.note ?? null,
      created_at: now,
    });
    return groupWaitlistViewOf(row);
  }

  /** The queued requests of the actor's school, latest first. */
  async listMine(query: ListMyWaitlistQuery): Promise<Page<GroupWaitlistEntryView>> {
    const school = query.actor.role === 'school_staff' ? query.actor.organisationId : null;
    if (!school) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    const { rows, total } = await this.entries.listOfSchool(school, query.page, query.pageSize);
    return {
      items: rows.map(groupWaitlistViewOf),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /**
   * Group places of the slot are free again (a decline, a cancellation, an expired request or
   * offer): back to the pool, then held for the queued requests that fit, oldest first.
   */
  async releaseGroupPlaces(
    manager: EntityManager,
    slotId: string,
    slotStartsAt: Date,
    places: number,
    now: Date,
  ): Promise<void> {
    await this.slots.giveBack(manager, slotId, 'group', places);
    const expiresAt = new Date(
      Math.min(
        now.getTime() + this.config.GROUP_WAITLIST_OFFER_HOURS * 3600_000,
        slotStartsAt.getTime(),
      ),
    );
    if (expiresAt <= now) return;
    for (const entry of await this.entries.waitingOfSlot(manager, slotId)) {
      // The conditional UPDATE takes the places only if they are free: the request fits.
      if (!(await this.slots.takeIfRoom(manager, slotId, 'group', Number(entry.places)))) continue;
      await this.entries.offer(manager, entry.id, expiresAt, now);
      await this.outbox.append(manager, {
        topic: Topics.events.groupOfferMade,
        key: entry.id,
        payload: offerPayloadOf(entry, expiresAt),
      });
    }
  }

  /** Offers past their time lapse; their places pass down the queue. Returns how many. */
  async expireOffers(limit = 500): Promise<number> {
    const now = this.clock.now();
    const due = await this.entries.dueOffers(now, limit);
    for (const entry of due) {
      await withDbRetry(() =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.entries.setStatus(manager, entry.id, 'offered', 'expired', now))) return;
          const slot = await this.slots.find(entry.slot_id, manager);
          await this.releaseGroupPlaces(
            manager,
            entry.slot_id,
            slot?.starts_at ?? now,
            Number(entry.places),
            now,
          );
        }),
      );
    }
    if (due.length > 0) this.relay.wake();
    return due.length;
  }
}

const offerPayloadOf = (entry: GroupWaitlistRow, expiresAt: Date): GroupOfferPayload => ({
  entryId: entry.id,
  slotId: entry.slot_id,
  venueId: entry.venue_id,
  schoolOrganisationId: entry.school_organisation_id,
  accountId: entry.account_id,
  places: Number(entry.places),
  offerExpiresAt: expiresAt.toISOString(),
});
