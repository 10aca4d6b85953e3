import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { kafkaOf } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { Topics } from '@app/contracts';
import { OutboxModule, rosterReadModel } from '@app/messaging';
import { Clock } from '@app/time';
import { AttendanceController } from './attendance/attendance.controller.js';
import { AttendanceRepository } from './attendance/attendance.repository.js';
import { AttendanceService } from './attendance/attendance.service.js';
import { ScreeningsConfig, SERVICE_NAME } from './config.js';
import { screeningsDatabase } from './database/database.js';
import { DemoSeed } from './demo/demo-seed.js';
import { FilmsController } from './films/films.controller.js';
import { FilmsRepository } from './films/films.repository.js';
import { FilmsService } from './films/films.service.js';
import { HealthController } from './health/health.controller.js';
import { ReadModelController } from './read-model/read-model.controller.js';
import { ReadModelRepository } from './read-model/read-model.repository.js';
import { ScreeningsController } from './screenings/screenings.controller.js';
import { ScreeningsRepository } from './screenings/screenings.repository.js';
import { ScreeningsService } from './screenings/screenings.service.js';

/** The service's config, for every feature to inject. */
@Global()
@Module({})
class ScreeningsConfigModule {
  static register(config: ScreeningsConfig): DynamicModule {
    return {
      module: ScreeningsConfigModule,
      providers: [{ provide: ScreeningsConfig, useValue: config }],
      exports: [ScreeningsConfig],
    };
  }
}

@Module({})
export class ScreeningsModule {
  static register(config: ScreeningsConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: ScreeningsModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(screeningsDatabase(config))),
        ScreeningsConfigModule.register(config),
        OutboxModule.register({ service: SERVICE_NAME, kafka: kafkaOf(config, SERVICE_NAME) }),
      ],
      controllers: [
        HealthController,
        ReadModelController,
        FilmsController,
        ScreeningsController,
        AttendanceController,
      ],
      providers: [
        { provide: Clock, useValue: clock },
        ReadModelRepository,
        FilmsRepository,
        ScreeningsRepository,
        AttendanceRepository,
        FilmsService,
        ScreeningsService,
        AttendanceService,
        DemoSeed,
        rosterReadModel({
          service: SERVICE_NAME,
          kafka: kafkaOf(config, SERVICE_NAME),
          deadLetterTopic: Topics.deadLetters.screenings,
          adapter: ReadModelRepository,
        }),
      ],
    };
  }
}
