import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarChangedEnvelope, OrganisationCreatedEnvelope, Topics } from '@app/contracts';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import { holidayRecordOf, vacationRecordOf } from './calendar-records.js';
import { ReadModelRepository } from './read-model.repository.js';

const CONSUMER = 'screenings-read-model';
const DEAD_LETTERS = Topics.deadLetters.screenings;

/**
 * Keeps the copy of the directory's organisations (scope, venues) and of its calendar
 * (holidays and vacations: screenings are on school days); the roster: RosterReadModel.
 */
@Controller()
export class ReadModelController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, DEAD_LETTERS)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    const o = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveOrganisation(manager, {
        id: o.id,
        kind: o.kind,
        name: o.name,
        regionCode: o.regionCode,
        parentId: o.parentId ?? null,
      }),
    );
  }

  @ConsumeEvent(Topics.events.calendarChanged, DEAD_LETTERS)
  async onCalendarChanged(@Payload() event: CalendarChangedEnvelope): Promise<void> {
    const change = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, async (manager) => {
      // Terms do not decide school days here: holidays, weekends and vacations do.
      if (change.kind === 'holiday') {
        if (change.action === 'deleted') await this.readModel.deleteHolidays(manager, change.ids);
        else await this.readModel.upsertHolidays(manager, change.records.map(holidayRecordOf));
      } else if (change.kind === 'vacation') {
        if (change.action === 'deleted') await this.readModel.deleteVacations(manager, change.ids);
        else await this.readModel.upsertVacations(manager, change.records.map(vacationRecordOf));
      }
    });
  }
}
