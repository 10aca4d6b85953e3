import { Module } from '@nestjs/common';
import { AccessScope } from './access-scope.js';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

/** The organisation tree, and AccessScope: who may act on what, for every feature. */
@Module({
  controllers: [OrganisationsController],
  providers: [OrganisationsRepository, OrganisationsService, AccessScope],
  exports: [OrganisationsRepository, OrganisationsService, AccessScope],
})
export class OrganisationsModule {}
