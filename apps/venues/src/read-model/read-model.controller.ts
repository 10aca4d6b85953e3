import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarChangedEnvelope, OrganisationCreatedEnvelope, Topics } from '@app/contracts';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import { DemoVenue } from '../demo/demo-venue.js';
import { SlotPlanner } from '../slots/slot-planner.js';
import { holidayRecordOf, vacationRecordOf } from './calendar-records.js';
import { ReadModelRepository } from './read-model.repository.js';

const CONSUMER = 'venues-read-model';

/** Keeps the copy of directory data (organisations, calendars) and the slots that follow from it. */
@Controller()
export class ReadModelController {
  private readonly logger = new Logger(ReadModelController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
    private readonly planner: SlotPlanner,
    private readonly demo: DemoVenue,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, Topics.deadLetters.venues)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    const o = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveOrganisation(manager, {
        id: o.id,
        kind: o.kind,
        name: o.name,
        regionCode: o.regionCode,
      }),
    );
    if (o.kind === 'venue') await this.demo.onVenueOrganisation(o.id, o.name);
  }

  @ConsumeEvent(Topics.events.calendarChanged, Topics.deadLetters.venues)
  async onCalendarChanged(@Payload() event: CalendarChangedEnvelope): Promise<void> {
    const change = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, async (manager) => {
      if (change.kind === 'holiday') {
        if (change.action === 'deleted') await this.readModel.deleteHolidays(manager, change.ids);
        else await this.readModel.upsertHolidays(manager, change.records.map(holidayRecordOf));
      } else if (change.kind === 'vacation') {
        if (change.action === 'deleted') await this.readModel.deleteVacations(manager, change.ids);
        else await this.readModel.upsertVacations(manager, change.records.map(vacationRecordOf));
      }
    });
    // Terms do not change opening hours; everything else re-plans the venues of the area.
    // Re-planning is idempotent, so a redelivery (after a failed re-plan) runs it again.
    if (change.kind !== 'term') {
      this.logger.log({ msg: 'calendar changed; re-planning slots', areaCode: change.areaCode });
      await this.planner.regenerateArea(change.areaCode);
    }
  }
}
