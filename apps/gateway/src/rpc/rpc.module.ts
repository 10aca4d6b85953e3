import {
  Global,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { SERVICE_COMMANDS } from '@app/contracts';
import { kafkaOf } from '@app/config';
import { gatewayPayloadCipher, RpcClient } from '@app/messaging';
import type { GatewayConfig } from '../config.js';

class RpcLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly rpc: RpcClient) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.rpc.connect();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }
}

/** The gateway's one Kafka request-reply client, for every feature's controllers. */
@Global()
@Module({})
export class RpcModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: RpcModule,
      providers: [
        {
          provide: RpcClient,
          useValue: new RpcClient({
            clientId: 'gateway',
            groupId: config.GATEWAY_GROUP_ID,
            kafka: kafkaOf(config, 'gateway'),
            cipher: gatewayPayloadCipher(config),
            services: SERVICE_COMMANDS,
            timeoutMs: config.REQUEST_TIMEOUT_MS,
          }),
        },
        {
          provide: RpcLifecycle,
          inject: [RpcClient],
          useFactory: (rpc: RpcClient) => new RpcLifecycle(rpc),
        },
      ],
      exports: [RpcClient],
    };
  }
}
