import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AccountCreatedEnvelope, OrganisationCreatedEnvelope, Topics } from '@app/contracts';
import { ConsumeEvent } from '@app/messaging';
import { DemoSeed } from '../demo/demo-seed.js';
import { OrganisationsService } from './organisations.service.js';

@Controller()
export class OrganisationsConsumer {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly demo: DemoSeed,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, Topics.deadLetters.employmentAid)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    await this.organisations.onCreated(event);
    await this.demo.onOrganisation(event.payload);
  }

  @ConsumeEvent(Topics.events.accountCreated, Topics.deadLetters.employmentAid)
  async onAccountCreated(@Payload() event: AccountCreatedEnvelope): Promise<void> {
    await this.organisations.onAccountCreated(event);
    await this.demo.onAccount();
  }
}
