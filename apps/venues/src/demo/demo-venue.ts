import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { addDays, Clock, shanghaiDateOf, shanghaiInstant } from '@app/time';
import { ActivitiesRepository, type ActivityRecord } from '../activities/activities.repository.js';
import { gradesMaskOf } from '../activities/activity-schedule.js';
import { weekdayOf } from '../calendar/local-time.js';
import { VenuesConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { SlotPlanner } from '../slots/slot-planner.js';
import { VenuesRepository } from '../venues/venues.repository.js';

export const DEMO_VENUE_ORGANISATION = '山东博物馆';
const DAY = { opens: '09:00', closes: '17:00' };

/**
 * With SEED_DEMO=true, the demo museum appears as soon as its organisation does: open
 * Tuesday to Sunday 9:00-17:00, until 20:00 on holidays and in vacations, so a newcomer can
 * book at once. Idempotent: one venue per organisation.
 */
@Injectable()
export class DemoVenue {
  private readonly logger = new Logger(DemoVenue.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly config: VenuesConfig,
    private readonly venues: VenuesRepository,
    private readonly readModel: ReadModelRepository,
    private readonly planner: SlotPlanner,
    private readonly clock: Clock,
  ) {}

  async onVenueOrganisation(organisationId: string, name: string): Promise<void> {
    if (!this.config.SEED_DEMO || name !== DEMO_VENUE_ORGANISATION) return;
    if (await this.venues.existsForOrganisation(organisationId)) return;
    const organisation = await this.readModel.findOrganisation(organisationId);
    if (!organisation) return;
    const id = await this.venues.insert(
      {
        organisationId,
        name: DEMO_VENUE_ORGANISATION,
        category: 'museum',
        studentPriceFen: null,
        regionCode: organisation.regionCode,
        address: '济南市历下区经十路11899号',
        description: '山东省综合性博物馆，学生免费参观。',
        accessibility: '无障碍通道、轮椅借用、无障碍卫生间',
        contact: '0531-85058201',
        weeklyHours: { tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY, sun: DAY },
        extendedHours: { opens: '09:00', closes: '20:00' },
        holidayOnClosedDay: 'open',
        slotMinutes: 60,
        individualCapacity: 50,
        groupCapacity: 100,
      },
      this.clock.now(),
    );
    await this.planner.regenerate(id);
    await this.seedActivities(id, organisation.regionCode);
    this.logger.log({ msg: 'demo venue created', venueId: id });
  }

  /**
   * Two activities to book at once: a guided tour in the coming days, and a science show
   * on the first holiday or vacation day of the area within two months (else in a week).
   */
  private async seedActivities(venueId: string, regionCode: string): Promise<void> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    const openDay = (from: string): string => (weekdayOf(from) === 'mon' ? addDays(from, 1) : from); // the museum closes on Mondays
    const calendar = await this.readModel.areaCalendar(
      regionCode,
      addDays(today, 1),
      addDays(today, 60),
    );
    let showDate = openDay(addDays(today, 7));
    for (let date = addDays(today, 1); date <= addDays(today, 60); date = addDays(date, 1)) {
      const holiday = calendar.holidays.get(date)?.kind === 'holiday';
      const vacation = calendar.vacations.some((v) => v.startsOn <= date && date <= v.endsOn);
      if (holiday || (vacation && weekdayOf(date) !== 'mon')) {
        showDate = date;
        break;
      }
    }
    const tourDate = openDay(addDays(today, 2));
    const activity = (
      a: Omit<ActivityRecord, 'id' | 'venueId' | 'startsAt' | 'endsAt'>,
      start: string,
      end: string,
    ): ActivityRecord => ({
      ...a,
      id: randomUUID(),
      venueId,
      startsAt: shanghaiInstant(a.date, start),
      endsAt: shanghaiInstant(a.date, end),
    });
    const seeded = [
      activity(
        {
          title: '“文物里的中国”讲解导览',
          kind: 'guided_tour',
          description: '讲解员带领参观馆藏精品，约60分钟。',
          gradesMask: gradesMaskOf([4, 5, 6, 7, 8, 9]),
          studentPriceFen: null,
          date: tourDate,
          individualCapacity: 20,
          groupCapacity: 40,
        },
        '10:00',
        '11:00',
      ),
      activity(
        {
          title: '假日科学秀：青铜器里的化学',
          kind: 'show',
          description: '假期特别活动：现场演示青铜铸造与锈蚀中的化学变化。',
          gradesMask: gradesMaskOf([3, 4, 5, 6, 7, 8, 9]),
          studentPriceFen: null,
          date: showDate,
          individualCapacity: 60,
          groupCapacity: 120,
        },
        '14:00',
        '15:00',
      ),
    ];
    await this.dataSource.transaction(async (manager) => {
      for (const a of seeded) await this.activities.insert(manager, a, SEED_ACCOUNT, now);
    });
  }
}

/** `created_by` of the seeded activities: no account made them. */
const SEED_ACCOUNT = '00000000-0000-0000-0000-000000000000';
