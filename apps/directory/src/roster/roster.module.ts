import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ClassesController } from './classes/classes.controller.js';
import { ClassesRepository } from './classes/classes.repository.js';
import { ClassesService } from './classes/classes.service.js';
import { nationalIdProtectorProvider } from './crypto/national-id-protector.js';
import { ImportRunner } from './imports/import-runner.js';
import { ImportsController } from './imports/imports.controller.js';
import { ImportsRepository } from './imports/imports.repository.js';
import { ImportsService } from './imports/imports.service.js';
import { RosterImporter } from './imports/roster-importer.js';
import { StudentsController } from './students/students.controller.js';
import { StudentsRepository } from './students/students.repository.js';
import { StudentsService } from './students/students.service.js';

/** Classes, students, enrolment history, sensitive fields and bulk import. */
@Module({
  imports: [OrganisationsModule, AuditModule],
  controllers: [ClassesController, StudentsController, ImportsController],
  providers: [
    nationalIdProtectorProvider,
    ClassesRepository,
    ClassesService,
    StudentsRepository,
    StudentsService,
    ImportsRepository,
    ImportsService,
    RosterImporter,
    ImportRunner,
  ],
  exports: [AuditModule, ImportsService, ClassesService, StudentsService, StudentsRepository],
})
export class RosterModule {}
