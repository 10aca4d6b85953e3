import {
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { brokersOf } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { createKafka, OutboxRelay, OutboxWriter } from '@app/messaging';
import { AccountsController } from './accounts/accounts.controller.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { DirectoryConfig, SERVICE_NAME } from './config.js';
import { directoryDatabase } from './database/database.js';
import { seedDemo } from './database/seed.js';
import { HealthController } from './health/health.controller.js';

class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly config: DirectoryConfig,
    private readonly accounts: AccountsService,
    private readonly repository: AccountsRepository,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    if (this.config.SEED_DEMO) await seedDemo(this.config, this.accounts, this.repository);
  }
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

@Module({})
export class DirectoryModule {
  static register(config: DirectoryConfig): DynamicModule {
    return {
      module: DirectoryModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(directoryDatabase(config))),
        JwtModule.register({ secret: config.JWT_SECRET }),
      ],
      controllers: [AuthController, AccountsController, HealthController],
      // Exported for the benchmark's no-Kafka baseline, which calls the same service logic.
      exports: [AccountsService],
      providers: [
        { provide: DirectoryConfig, useValue: config },
        AccountsRepository,
        AccountsService,
        AuthService,
        { provide: OutboxWriter, useValue: new OutboxWriter(SERVICE_NAME) },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new OutboxRelay(dataSource, createKafka(brokersOf(config), `${SERVICE_NAME}-outbox`)),
        },
        {
          provide: RelayLifecycle,
          inject: [OutboxRelay, DirectoryConfig, AccountsService, AccountsRepository],
          useFactory: (
            relay: OutboxRelay,
            c: DirectoryConfig,
            a: AccountsService,
            r: AccountsRepository,
          ) => new RelayLifecycle(relay, c, a, r),
        },
      ],
    };
  }
}
