import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { kafkaOf } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { Topics } from '@app/contracts';
import { OutboxModule, rosterReadModel } from '@app/messaging';
import { Clock } from '@app/time';
import { BasesController } from './bases/bases.controller.js';
import { BasesRepository } from './bases/bases.repository.js';
import { BasesService } from './bases/bases.service.js';
import { BookingsController } from './bookings/bookings.controller.js';
import { BookingsRepository } from './bookings/bookings.repository.js';
import { BookingsService } from './bookings/bookings.service.js';
import { SERVICE_NAME, StudyToursConfig } from './config.js';
import { studyToursDatabase } from './database/database.js';
import { DemoSeed } from './demo/demo-seed.js';
import { HealthController } from './health/health.controller.js';
import { StudyToursJobs } from './jobs/study-tours-jobs.js';
import { ReadModelController } from './read-model/read-model.controller.js';
import { ReadModelRepository } from './read-model/read-model.repository.js';
import { StudyToursRosterAdapter } from './read-model/roster-adapter.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';

/** The service's config, for every feature to inject. */
@Global()
@Module({})
class StudyToursConfigModule {
  static register(config: StudyToursConfig): DynamicModule {
    return {
      module: StudyToursConfigModule,
      providers: [{ provide: StudyToursConfig, useValue: config }],
      exports: [StudyToursConfig],
    };
  }
}

@Module({})
export class StudyToursModule {
  static register(config: StudyToursConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: StudyToursModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(studyToursDatabase(config))),
        StudyToursConfigModule.register(config),
        OutboxModule.register({ service: SERVICE_NAME, kafka: kafkaOf(config, SERVICE_NAME) }),
      ],
      controllers: [
        HealthController,
        ReadModelController,
        BasesController,
        BookingsController,
        ReportsController,
      ],
      providers: [
        { provide: Clock, useValue: clock },
        ReadModelRepository,
        BasesRepository,
        BasesService,
        BookingsRepository,
        BookingsService,
        ReportsService,
        StudyToursJobs,
        DemoSeed,
        StudyToursRosterAdapter,
        rosterReadModel({
          service: SERVICE_NAME,
          kafka: kafkaOf(config, SERVICE_NAME),
          deadLetterTopic: Topics.deadLetters.studyTours,
          adapter: StudyToursRosterAdapter,
          // Until now the roster topics were read by the service's event group.
          takeOverOffsetsFrom: `${SERVICE_NAME}.events`,
        }),
      ],
    };
  }
}
