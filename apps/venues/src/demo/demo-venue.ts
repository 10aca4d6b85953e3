import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../clock.js';
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
    this.logger.log({ msg: 'demo venue created', venueId: id });
  }
}
