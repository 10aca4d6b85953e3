import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateOrganisationCommand,
  GetOrganisationQuery,
  ListOrganisationsQuery,
  Topics,
  type OrganisationView,
  type Page,
} from '@app/contracts';
import { OrganisationsService } from './organisations.service.js';

@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @MessagePattern(Topics.directory.createOrganisation)
  create(@Payload() command: CreateOrganisationCommand): Promise<OrganisationView> {
    return this.organisations.create(command);
  }

  @MessagePattern(Topics.directory.getOrganisation)
  get(@Payload() query: GetOrganisationQuery): Promise<OrganisationView> {
    return this.organisations.get(query.actor, query.organisationId);
  }

  @MessagePattern(Topics.directory.listOrganisations)
  list(@Payload() query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    return this.organisations.list(query);
  }
}
