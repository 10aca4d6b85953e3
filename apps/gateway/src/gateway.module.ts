import {
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { allRequestTopics } from '@app/contracts';
import { brokersOf } from '@app/config';
import { RpcClient } from '@app/messaging';
import { MeController } from './accounts/me.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { GatewayConfig } from './config.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { RateLimitGuard, rateLimits } from './http/rate-limit.guard.js';

class RpcLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly rpc: RpcClient) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.rpc.connect();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }
}

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    rateLimits.default = config.RATE_LIMIT_PER_MINUTE;
    rateLimits.login = config.LOGIN_RATE_LIMIT_PER_MINUTE;
    return {
      module: GatewayModule,
      imports: [PassportModule],
      controllers: [AuthController, MeController, HealthController],
      providers: [
        { provide: GatewayConfig, useValue: config },
        {
          provide: RpcClient,
          useValue: new RpcClient({
            clientId: 'gateway',
            groupId: config.GATEWAY_GROUP_ID,
            brokers: brokersOf(config),
            requestTopics: allRequestTopics(),
            timeoutMs: config.REQUEST_TIMEOUT_MS,
          }),
        },
        {
          provide: RpcLifecycle,
          inject: [RpcClient],
          useFactory: (rpc: RpcClient) => new RpcLifecycle(rpc),
        },
        HealthService,
        JwtStrategy,
        // Order matters: authenticate first, then count against the rate limit.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
