import { Module } from '@nestjs/common';
import { auditLogProvider } from '@app/sensitive-data';
import { Clock } from '@app/time';
import { AidAccess } from './access/aid-access.js';
import { AssignmentsController } from './assignments/assignments.controller.js';
import { AssignmentsRepository } from './assignments/assignments.repository.js';
import { AssignmentsService } from './assignments/assignments.service.js';
import { AuditLogEntity } from './audit/audit-log.entity.js';
import { DemoSeed } from './demo/demo-seed.js';
import { GraduatesController } from './graduates/graduates.controller.js';
import { GraduatesRepository } from './graduates/graduates.repository.js';
import { GraduatesService } from './graduates/graduates.service.js';
import { MentorsController } from './mentors/mentors.controller.js';
import { MentorsRepository } from './mentors/mentors.repository.js';
import { MentorsService } from './mentors/mentors.service.js';
import { OrganisationsConsumer } from './organisations/organisations.consumer.js';
import { OrganisationsRepository } from './organisations/organisations.repository.js';
import { OrganisationsService } from './organisations/organisations.service.js';
import { OutcomesController } from './outcomes/outcomes.controller.js';
import { OutcomesRepository } from './outcomes/outcomes.repository.js';
import { OutcomesService } from './outcomes/outcomes.service.js';
import { PlansController } from './plans/plans.controller.js';
import { PlansRepository } from './plans/plans.repository.js';
import { PlansService } from './plans/plans.service.js';
import { PostingsController } from './postings/postings.controller.js';
import { PostingsRepository } from './postings/postings.repository.js';
import { PostingsService } from './postings/postings.service.js';
import { categoryProtectorProvider } from './protection/category-protector.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { SelfServiceController } from './self-service/self-service.controller.js';
import { SelfServiceService } from './self-service/self-service.service.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { TrainingsController } from './trainings/trainings.controller.js';
import { TrainingsRepository } from './trainings/trainings.repository.js';
import { TrainingsService } from './trainings/trainings.service.js';

/** Graduates in need, mentors, assignments, plans, sessions, outcomes, postings, trainings, reports. */
@Module({
  controllers: [
    GraduatesController,
    MentorsController,
    AssignmentsController,
    PlansController,
    SessionsController,
    OutcomesController,
    TrainingsController,
    PostingsController,
    ReportsController,
    OrganisationsConsumer,
    SelfServiceController,
  ],
  providers: [
    Clock,
    categoryProtectorProvider,
    auditLogProvider(AuditLogEntity),
    AidAccess,
    GraduatesRepository,
    GraduatesService,
    MentorsRepository,
    MentorsService,
    AssignmentsRepository,
    AssignmentsService,
    PlansRepository,
    PlansService,
    SessionsRepository,
    SessionsService,
    OutcomesRepository,
    OutcomesService,
    TrainingsRepository,
    TrainingsService,
    PostingsRepository,
    PostingsService,
    ReportsService,
    OrganisationsRepository,
    OrganisationsService,
    DemoSeed,
    SelfServiceService,
  ],
})
export class EmploymentAidFeatureModule {}
