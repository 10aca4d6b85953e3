import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { brokersOf } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { OutboxModule } from '@app/messaging';
import { VenuesConfig, SERVICE_NAME } from './config.js';
import { venuesDatabase } from './database/database.js';
import { HealthController } from './health/health.controller.js';

/** The service's config, for every feature module to inject. */
@Global()
@Module({})
class VenuesConfigModule {
  static register(config: VenuesConfig): DynamicModule {
    return {
      module: VenuesConfigModule,
      providers: [{ provide: VenuesConfig, useValue: config }],
      exports: [VenuesConfig],
    };
  }
}

@Module({})
export class VenuesModule {
  static register(config: VenuesConfig): DynamicModule {
    return {
      module: VenuesModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(venuesDatabase(config))),
        VenuesConfigModule.register(config),
        OutboxModule.register({ service: SERVICE_NAME, brokers: brokersOf(config) }),
      ],
      controllers: [HealthController],
    };
  }
}
