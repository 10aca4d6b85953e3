import {
  Global,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { KafkaConnection } from '@app/config';
import { createKafkaClient } from '../kafka/client/index.js';
import { OutboxWriter } from './outbox.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';

class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly relay: OutboxRelay) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/**
 * A service's outbox: `OutboxWriter` for its features (events written in their own
 * transactions) and the relay that publishes them, started and stopped with the app.
 * Needs the service's TypeORM data source (TypeOrmModule.forRoot) in the same app.
 */
@Global()
@Module({})
export class OutboxModule {
  static register(options: {
    service: string;
    kafka: KafkaConnection;
    relay?: OutboxRelayOptions;
  }): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        { provide: OutboxWriter, useValue: new OutboxWriter(options.service) },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new OutboxRelay(
              dataSource,
              createKafkaClient(options.kafka, `${options.service}-outbox`),
              options.relay,
            ),
        },
        {
          provide: RelayLifecycle,
          inject: [OutboxRelay],
          useFactory: (relay: OutboxRelay) => new RelayLifecycle(relay),
        },
      ],
      exports: [OutboxWriter, OutboxRelay],
    };
  }
}
