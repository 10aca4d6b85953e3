import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@app/database';
import { AccountsModule } from './accounts/accounts.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import type { DirectoryConfig } from './config.js';
import { directoryDatabase } from './database/database.js';
import { DemoSeedModule } from './database/demo-seed.module.js';
import { DirectoryCoreModule } from './directory-core.module.js';
import { HealthController } from './health/health.controller.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { RosterModule } from './roster/roster.module.js';

@Module({})
export class DirectoryModule {
  static register(config: DirectoryConfig): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(directoryDatabase(config))),
        DirectoryCoreModule.register(config),
        OrganisationsModule,
        AccountsModule,
        CalendarModule,
        RosterModule,
        DemoSeedModule,
      ],
      controllers: [HealthController],
      // Exported for the benchmark's no-Kafka baseline, which calls the same service logic.
      exports: [AccountsModule],
    };
  }
}
