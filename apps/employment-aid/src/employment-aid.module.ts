import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { kafkaOf } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { OutboxModule } from '@app/messaging';
import { EmploymentAidConfig, SERVICE_NAME } from './config.js';
import { employmentAidDatabase } from './database/database.js';
import { EmploymentAidFeatureModule } from './employment-aid.feature.module.js';
import { HealthController } from './health/health.controller.js';

/** The service's config, for every feature module to inject. */
@Global()
@Module({})
class EmploymentAidConfigModule {
  static register(config: EmploymentAidConfig): DynamicModule {
    return {
      module: EmploymentAidConfigModule,
      providers: [{ provide: EmploymentAidConfig, useValue: config }],
      exports: [EmploymentAidConfig],
    };
  }
}

@Module({})
export class EmploymentAidModule {
  static register(config: EmploymentAidConfig): DynamicModule {
    return {
      module: EmploymentAidModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(employmentAidDatabase(config))),
        EmploymentAidConfigModule.register(config),
        OutboxModule.register({ service: SERVICE_NAME, kafka: kafkaOf(config, SERVICE_NAME) }),
        EmploymentAidFeatureModule,
      ],
      controllers: [HealthController],
    };
  }
}
