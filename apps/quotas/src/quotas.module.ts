import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { kafkaOf } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { Topics } from '@app/contracts';
import { OutboxModule, rosterReadModel } from '@app/messaging';
import { Clock } from '@app/time';
import { QuotaAccess } from './access/quota-access.js';
import { QuotasConfig, SERVICE_NAME } from './config.js';
import { quotasDatabase } from './database/database.js';
import { HealthController } from './health/health.controller.js';
import { LedgerConsumer } from './ledger/ledger.consumer.js';
import { LedgerRepository } from './ledger/ledger.repository.js';
import { LedgerService } from './ledger/ledger.service.js';
import { QuotaJobs } from './notices/quota-jobs.js';
import { ShortNoticesService } from './notices/short-notices.service.js';
import { QuotasController } from './quotas.controller.js';
import { ReadModelController } from './read-model/read-model.controller.js';
import { ReadModelRepository } from './read-model/read-model.repository.js';
import { RosterNamesConsumer } from './read-model/roster-names.consumer.js';
import { ReportsRepository } from './reports/reports.repository.js';
import { ReportsService } from './reports/reports.service.js';
import { RulesRepository } from './rules/rules.repository.js';
import { RulesService } from './rules/rules.service.js';

/** The service's config, for every provider to inject. */
@Global()
@Module({})
class QuotasConfigModule {
  static register(config: QuotasConfig): DynamicModule {
    return {
      module: QuotasConfigModule,
      providers: [{ provide: QuotasConfig, useValue: config }],
      exports: [QuotasConfig],
    };
  }
}

@Module({})
export class QuotasModule {
  static register(config: QuotasConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: QuotasModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(quotasDatabase(config))),
        QuotasConfigModule.register(config),
        OutboxModule.register({ service: SERVICE_NAME, kafka: kafkaOf(config, SERVICE_NAME) }),
      ],
      controllers: [HealthController, ReadModelController, QuotasController],
      providers: [
        { provide: Clock, useValue: clock },
        ReadModelRepository,
        LedgerRepository,
        RulesRepository,
        ReportsRepository,
        QuotaAccess,
        LedgerService,
        RulesService,
        ReportsService,
        ShortNoticesService,
        LedgerConsumer,
        RosterNamesConsumer,
        QuotaJobs,
        rosterReadModel({
          service: SERVICE_NAME,
          kafka: kafkaOf(config, SERVICE_NAME),
          deadLetterTopic: Topics.deadLetters.quotas,
          adapter: ReadModelRepository,
          // Until now the roster topics were read by the service's event group.
          takeOverOffsetsFrom: `${SERVICE_NAME}.events`,
        }),
      ],
    };
  }
}
