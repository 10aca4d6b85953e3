import {
  Global,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { brokersOf } from '@app/config';
import { createKafka, OutboxRelay, OutboxWriter } from '@app/messaging';
import { DirectoryConfig, SERVICE_NAME } from './config.js';

class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly relay: OutboxRelay) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** What every feature of the directory may inject: its config and the event outbox. */
@Global()
@Module({})
export class DirectoryCoreModule {
  static register(config: DirectoryConfig): DynamicModule {
    return {
      module: DirectoryCoreModule,
      providers: [
        { provide: DirectoryConfig, useValue: config },
        { provide: OutboxWriter, useValue: new OutboxWriter(SERVICE_NAME) },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new OutboxRelay(dataSource, createKafka(brokersOf(config), `${SERVICE_NAME}-outbox`)),
        },
        {
          provide: RelayLifecycle,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new RelayLifecycle(relay),
        },
      ],
      exports: [DirectoryConfig, OutboxWriter, OutboxRelay],
    };
  }
}
