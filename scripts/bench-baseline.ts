/**
 * The benchmark's baseline: the directory's own service logic (AccountsService over TypeORM
 * and MySQL) behind the gateway's own HTTP stack (middleware, helmet, global JWT and rate
 * limit guards, pipes, error filter), in one process: everything but the Kafka hop.
 */
import 'reflect-metadata';
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PassportModule } from '@nestjs/passport';
import type { AccessTokenClaims, AccountView } from '@app/contracts';
import { loadConfig } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { AccountsService } from '../apps/directory/src/accounts/accounts.service.js';
import { DirectoryConfig } from '../apps/directory/src/config.js';
import { DirectoryModule } from '../apps/directory/src/directory.module.js';
import { CurrentUser } from '../apps/gateway/src/auth/current-user.decorator.js';
import { JwtAuthGuard } from '../apps/gateway/src/auth/jwt-auth.guard.js';
import { JwtStrategy } from '../apps/gateway/src/auth/jwt.strategy.js';
import { SessionRevocations } from '../apps/gateway/src/auth/session-revocations.js';
import { GatewayConfig } from '../apps/gateway/src/config.js';
import { configureHttp } from '../apps/gateway/src/gateway.bootstrap.js';
import { RateLimitGuard, rateLimits } from '../apps/gateway/src/http/rate-limit.guard.js';

@Controller()
class BaselineController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('me')
  getMe(@CurrentUser() user: AccessTokenClaims): Promise<AccountView> {
    return this.accounts.getMe(user.sub);
  }
}

@Module({})
class BaselineModule {
  static register(directory: DirectoryConfig, gateway: GatewayConfig): DynamicModule {
    return {
      module: BaselineModule,
      imports: [DirectoryModule.register(directory), PassportModule],
      controllers: [BaselineController],
      providers: [
        { provide: GatewayConfig, useValue: gateway },
        // The same token checks as the gateway's, revoked sessions included.
        SessionRevocations,
        JwtStrategy,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}

const directory = loadConfig(DirectoryConfig);
const gateway = loadConfig(GatewayConfig);
rateLimits.default = gateway.RATE_LIMIT_PER_MINUTE;
const app = await NestFactory.create<NestExpressApplication>(
  BaselineModule.register(directory, gateway),
  {
    logger: new JsonLogger(createRootLogger('baseline', gateway.LOG_LEVEL)),
  },
);
configureHttp(app);
await app.listen(gateway.PORT, gateway.HOST);
app.enableShutdownHooks();
