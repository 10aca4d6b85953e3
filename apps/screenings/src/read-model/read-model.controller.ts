import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationCreatedEnvelope, Topics } from '@app/contracts';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import { ReadModelRepository } from './read-model.repository.js';

const CONSUMER = 'screenings-read-model';
const DEAD_LETTERS = Topics.deadLetters.screenings;

/** Keeps the copy of the directory's organisations (scope, venues); the roster: RosterReadModel. */
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
}
