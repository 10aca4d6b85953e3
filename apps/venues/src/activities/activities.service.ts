import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  FREE_VENUE_CATEGORIES,
  Topics,
  type Actor,
  type ActivityView,
  type CancelActivityCommand,
  type CreateActivityCommand,
  type GetActivityQuery,
  type Page,
  type SearchActivitiesQuery,
  type UpdateActivityCommand,
  type VenueCategory,
} from '@app/contracts';
import type { AppError } from '@app/errors';
import { withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import { addDays, Clock, shanghaiDateOf, shanghaiTimeOf } from '@app/time';
import { visitPayloadOf } from '../bookings/bookings.service.js';
import { regionPrefixOf } from '../calendar/area-code.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { managesVenue } from '../venues/venue-access.js';
import {
  studentPriceNotAllowed,
  venueActionForbidden,
  venueNotFound,
} from '../venues/venues.errors.js';
import { VenuesRepository, type VenueRow } from '../venues/venues.repository.js';
import {
  ActivitiesRepository,
  activityViewOf,
  type ActivityRecord,
  type ActivityRow,
} from './activities.repository.js';
import {
  activityCancelled,
  activityCapacityBelowTaken,
  activityHasBookings,
  activityNotFound,
  activityScheduleInvalid,
  activityOutsideOpeningHours,
  activityStarted,
} from './activities.errors.js';
import { SlotPlanner } from '../slots/slot-planner.js';
import { minutesOf } from '../calendar/local-time.js';
import { gradesMaskOf, gradesOf, scheduleOf, type ActivitySchedule } from './activity-schedule.js';

const FREE: readonly string[] = FREE_VENUE_CATEGORIES;
const MANAGING_ROLES: readonly string[] = ['platform_admin', 'bureau_admin', 'venue_staff'];
const DEFAULT_SEARCH_DAYS = 366;

/** The venue's category rule: a free category never charges students, for activities too. */
export function checkActivityPrice(category: VenueCategory, studentPriceFen: number | null): void {
  if (FREE.includes(category) && studentPriceFen !== null) throw studentPriceNotAllowed(category);
}

/**
 * Activities of a venue: created, changed and cancelled by those who manage the venue (its
 * staff; platform admins; bureau admins of its area), listed for everyone. Each activity's
 * places are a slot row of its own, so booking it is booking that pool (BookingsService).
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly venues: VenuesRepository,
    private readonly readModel: ReadModelRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly planner: SlotPlanner,
    private readonly clock: Clock,
  ) {}

  async createActivity(command: CreateActivityCommand): Promise<ActivityView> {
    const venue = await this.venues.findRow(command.venueId);
    if (!venue) throw venueNotFound(command.venueId);
    await this.assertRuns(command.actor, venue, () => venueNotFound(command.venueId));
    const now = this.clock.now();
    const record: ActivityRecord = {
      id: randomUUID(),
      venueId: venue.id,
      title: command.title,
      kind: command.kind,
      description: command.description ?? null,
      gradesMask: gradesMaskOf(command.grades),
      studentPriceFen: command.studentPriceFen ?? null,
      ...this.schedule(command.date, command.startTime, command.endTime, now),
      individualCapacity: command.individualCapacity,
      groupCapacity: command.groupCapacity,
    };
    this.checkRecord(record, venue.category);
    await this.assertOpen(venue, command.date, command.startTime, command.endTime);
    await withDbRetry(() =>
      this.dataSource.transaction((manager) =>
        this.activities.insert(manager, record, command.actor.accountId, now),
      ),
    );
    return this.getActivity({ activityId: record.id, actor: command.actor });
  }

  async updateActivity(command: UpdateActivityCommand): Promise<ActivityView> {
    await this.inTransaction(async (manager) => {
      const current = await this.runActivity(manager, command.actor, command.activityId);
      const now = this.clock.now();
      const date = command.date ?? current.local_date;
      const startTime = command.startTime ?? shanghaiTimeOf(current.starts_at);
      const endTime = command.endTime ?? shanghaiTimeOf(current.ends_at);
      const moved =
        date !== current.local_date ||
        startTime !== shanghaiTimeOf(current.starts_at) ||
        endTime !== shanghaiTimeOf(current.ends_at);
      const taken = current.individual_taken + current.group_taken;
      if (moved && taken > 0) throw activityHasBookings(current.id, taken);
      const schedule: ActivitySchedule = moved
        ? this.schedule(date, startTime, endTime, now)
        : { date, startsAt: current.starts_at, endsAt: current.ends_at };
      if (moved) {
        const venue = await this.venues.findRow(current.venue_id, manager);
        if (venue) await this.assertOpen(venue, date, startTime, endTime, manager);
      }
      const record: ActivityRecord = {
        id: current.id,
        venueId: current.venue_id,
        title: command.title ?? current.title,
        kind: command.kind ?? current.kind,
        description: command.description === undefined ? current.description : command.description,
        gradesMask: command.grades ? gradesMaskOf(command.grades) : current.grades_mask,
        studentPriceFen:
          command.studentPriceFen === undefined
            ? current.student_price_fen
            : command.studentPriceFen,
        ...schedule,
        individualCapacity: command.individualCapacity ?? current.individual_capacity,
        groupCapacity: command.groupCapacity ?? current.group_capacity,
      };
      this.checkRecord(record, current.venue_category);
      if (record.individualCapacity < current.individual_taken) {
        throw activityCapacityBelowTaken(
          'individual',
          record.individualCapacity,
          current.individual_taken,
        );
      }
      if (record.groupCapacity < current.group_taken) {
        throw activityCapacityBelowTaken('group', record.groupCapacity, current.group_taken);
      }
      // The rows are locked, so the conditional UPDATE cannot fail for want of places here.
      await this.activities.update(manager, record, now);
    });
    return this.getActivity({ activityId: command.activityId, actor: command.actor });
  }

  /** Cancels the activity and every open booking of it, with the reason, in one transaction. */
  async cancelActivity(command: CancelActivityCommand): Promise<ActivityView> {
    await this.inTransaction(async (manager) => {
      const activity = await this.runActivity(manager, command.actor, command.activityId);
      const now = this.clock.now();
      const reason = `activity cancelled: ${command.reason}`;
      const cancelled = await this.activities.cancel(
        manager,
        activity.id,
        command.reason,
        reason,
        now,
      );
      await this.outbox.appendMany(
        manager,
        cancelled.map((booking) => ({
          topic: Topics.events.visitCancelled,
          key: booking.id,
          payload: visitPayloadOf(booking, 'cancelled', reason, now),
        })),
      );
    });
    return this.getActivity({ activityId: command.activityId, actor: command.actor });
  }

  async getActivity(query: GetActivityQuery): Promise<ActivityView> {
    const row = await this.activities.find(query.activityId);
    if (!row) throw activityNotFound(query.activityId);
    return activityViewOf(row);
  }

  async searchActivities(query: SearchActivitiesQuery): Promise<Page<ActivityView>> {
    const from = query.from ?? shanghaiDateOf(this.clock.now());
    const to = query.to ?? addDays(from, DEFAULT_SEARCH_DAYS);
    if (to < from || to > addDays(from, DEFAULT_SEARCH_DAYS)) {
      throw activityScheduleInvalid(
        'to',
        `must be on or after from, at most ${DEFAULT_SEARCH_DAYS} days`,
      );
    }
    return this.activities.search(
      {
        venueId: query.venueId,
        regionPrefix: query.regionCode ? regionPrefixOf(query.regionCode) : undefined,
        from,
        to,
        kind: query.kind,
        gradeBit: query.grade === undefined ? undefined : gradesMaskOf([query.grade]),
        withPlacesLeft: query.withPlacesLeft,
        includeCancelled: query.includeCancelled,
      },
      query.page,
      query.pageSize,
    );
  }

  /** The activity, locked, when the actor runs its venue and it can still change. */
  private async runActivity(
    manager: EntityManager,
    actor: Actor,
    activityId: string,
  ): Promise<ActivityRow> {
    const activity = await this.activities.find(activityId, manager, true);
    if (!activity) throw activityNotFound(activityId);
    await this.assertRuns(
      actor,
      { organisation_id: activity.venue_organisation_id, region_code: activity.venue_region_code },
      () => activityNotFound(activityId),
    );
    if (activity.status === 'cancelled') throw activityCancelled(activityId);
    if (activity.starts_at <= this.clock.now()) throw activityStarted(activityId);
    return activity;
  }

  /**
   * Roles that never manage a venue get 403; a venue outside the actor's organisation or
   * area answers as if it did not exist (404), as everywhere in the suite.
   */
  private async assertRuns(
    actor: Actor,
    venue: Pick<VenueRow, 'organisation_id' | 'region_code'>,
    notFound: () => AppError,
  ): Promise<void> {
    if (!MANAGING_ROLES.includes(actor.role)) throw venueActionForbidden('manage activities');
    const actorRegion =
      actor.role === 'bureau_admin' && actor.organisationId
        ? ((await this.readModel.findOrganisation(actor.organisationId))?.regionCode ?? null)
        : null;
    const target = { organisationId: venue.organisation_id, regionCode: venue.region_code };
    if (!managesVenue(actor, target, actorRegion)) throw notFound();
  }

  /**
   * An activity lies within the venue's hours that day, after its area's calendar (holiday
   * and vacation hours) and its special closures: else 400 with the day's hours.
   */
  private async assertOpen(
    venue: VenueRow,
    date: string,
    startTime: string,
    endTime: string,
    manager?: EntityManager,
  ): Promise<void> {
    const opening = await this.planner.openingOn(venue, date, manager);
    if (
      !opening ||
      minutesOf(startTime) < minutesOf(opening.opens) ||
      minutesOf(endTime) > minutesOf(opening.closes)
    ) {
      throw activityOutsideOpeningHours(date, startTime, endTime, opening);
    }
  }

  private schedule(date: string, startTime: string, endTime: string, now: Date): ActivitySchedule {
    const schedule = scheduleOf(date, startTime, endTime, now);
    if ('problem' in schedule) throw activityScheduleInvalid(schedule.field, schedule.problem);
    return schedule;
  }

  private checkRecord(record: ActivityRecord, category: VenueCategory): void {
    checkActivityPrice(category, record.studentPriceFen);
    if (record.individualCapacity + record.groupCapacity === 0) {
      throw activityScheduleInvalid('individualCapacity', 'an activity needs places in a pool');
    }
    if (gradesOf(record.gradesMask).length === 0) {
      throw activityScheduleInvalid('grades', 'name at least one grade');
    }
  }

  private async inTransaction(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    await withDbRetry(() => this.dataSource.transaction(work));
    this.relay.wake();
  }
}
