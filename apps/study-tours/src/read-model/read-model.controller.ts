import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountCreatedEnvelope, OrganisationCreatedEnvelope, Topics } from '@app/contracts';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import { DemoSeed } from '../demo/demo-seed.js';
import { ReadModelRepository } from './read-model.repository.js';

const CONSUMER = 'study-tours-read-model';

/**
 * Keeps the copy of the directory's organisations (bases are venue organisations, bureaus
 * give levels and areas) and accounts (role and organisation: principals and teachers are
 * school_staff of the school); the roster: RosterReadModel with StudyToursRosterAdapter.
 */
@Controller()
export class ReadModelController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
    private readonly demo: DemoSeed,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, Topics.deadLetters.studyTours)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    const o = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveOrganisation(manager, {
        id: o.id,
        kind: o.kind,
        name: o.name,
        regionCode: o.regionCode,
        level: o.level ?? null,
        parentId: o.parentId ?? null,
      }),
    );
    this.demo.tryToSeed();
  }

  @ConsumeEvent(Topics.events.accountCreated, Topics.deadLetters.studyTours)
  async onAccountCreated(@Payload() event: AccountCreatedEnvelope): Promise<void> {
    const a = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveAccount(manager, {
        id: a.accountId,
        role: a.role,
        organisationId: a.organisationId ?? null,
      }),
    );
  }
}
