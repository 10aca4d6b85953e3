import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  JoinWaitlistCommand,
  ListMyWaitlistQuery,
  Page,
  WaitlistEntryView,
} from '@app/contracts';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import { Clock } from '@app/time';
import { slotNotFound, slotUnavailable, studentsNotInSchool } from '../bookings/bookings.errors.js';
import { VenuesConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { SlotsRepository } from '../slots/slots.repository.js';
import { venueActionForbidden } from '../venues/venues.errors.js';
import { alreadyOnWaitlist, slotNotFull } from './waitlist.errors.js';
import { WaitlistRepository, waitlistViewOf } from './waitlist.repository.js';

/**
 * The waiting list of a slot's individual pool, first come first served. A freed place is
 * offered to the oldest waiting student and stays taken while the offer runs
 * (WAITLIST_OFFER_MINUTES, or until the slot starts); an offer not taken in time passes on.
 */
@Injectable()
export class WaitlistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly waitlist: WaitlistRepository,
    private readonly slots: SlotsRepository,
    private readonly readModel: ReadModelRepository,
    private readonly config: VenuesConfig,
    private readonly clock: Clock,
  ) {}

  async join(command: JoinWaitlistCommand): Promise<WaitlistEntryView> {
    const { actor } = command;
    if (actor.role !== 'student') throw venueActionForbidden('join a waiting list (students only)');
    const slot = await this.slots.find(command.slotId);
    if (!slot) throw slotNotFound(command.slotId);
    const now = this.clock.now();
    if (slot.status !== 'open' || slot.starts_at <= now)
      throw slotUnavailable(slot.id, 'it is withdrawn or has started');
    const left = slot.individual_capacity - slot.individual_taken;
    if (left > 0) throw slotNotFull(slot.id, left);
    // A linked student waits only as a student of the account's school (checked again on accepting).
    if (actor.studentId) {
      const foreign = await this.readModel.studentsNotInSchool(actor.organisationId, [
        actor.studentId,
      ]);
      if (foreign.length > 0) throw studentsNotInSchool(foreign);
    }
    try {
      const row = await this.waitlist.insert({
        slot_id: slot.id,
        venue_id: slot.venue_id,
        account_id: actor.accountId,
        school_organisation_id: actor.organisationId,
        created_at: now,
      });
      return waitlistViewOf(row);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw alreadyOnWaitlist(slot.id);
      throw error;
    }
  }

  async listMine(query: ListMyWaitlistQuery): Promise<Page<WaitlistEntryView>> {
    const { rows, total } = await this.waitlist.listOfAccount(
      query.actor.accountId,
      query.page,
      query.pageSize,
    );
    return { items: rows.map(waitlistViewOf), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * An individual place of the slot is free again (cancellation, expired offer): offered to
   * the next in line, the place staying taken, or given back to the pool.
   */
  async releaseIndividualPlace(
    manager: EntityManager,
    slotId: string,
    slotStartsAt: Date,
    now: Date,
  ): Promise<void> {
    const expiresAt = new Date(
      Math.min(now.getTime() + this.config.WAITLIST_OFFER_MINUTES * 60_000, slotStartsAt.getTime()),
    );
    if (expiresAt > now && (await this.waitlist.offerNext(manager, slotId, now, expiresAt))) return;
    await this.slots.giveBack(manager, slotId, 'individual', 1);
  }

  /** Offers past their time expire; their place passes on. Returns how many. */
  async expireOffers(limit = 500): Promise<number> {
    const now = this.clock.now();
    const due = await this.waitlist.dueOffers(now, limit);
    for (const entry of due) {
      await withDbRetry(() =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.waitlist.setStatus(manager, entry.id, 'offered', 'expired', now)))
            return;
          const slot = await this.slots.find(entry.slot_id, manager);
          await this.releaseIndividualPlace(manager, entry.slot_id, slot?.starts_at ?? now, now);
        }),
      );
    }
    return due.length;
  }
}
