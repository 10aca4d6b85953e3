/**
 * The benchmark's baseline: the directory's own service logic (AccountsService over TypeORM
 * and MySQL), behind the same JWT check, served over HTTP in one process with no Kafka hop.
 */
import 'reflect-metadata';
import { Controller, Get, Module, UseGuards, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthGuard } from '@nestjs/passport';
import type { AccessTokenClaims, AccountView } from '@app/contracts';
import { loadConfig } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { AccountsService } from '../apps/directory/src/accounts/accounts.service.js';
import { DirectoryConfig } from '../apps/directory/src/config.js';
import { DirectoryModule } from '../apps/directory/src/directory.module.js';
import { CurrentUser } from '../apps/gateway/src/auth/current-user.decorator.js';
import { JwtStrategy } from '../apps/gateway/src/auth/jwt.strategy.js';
import { GatewayConfig } from '../apps/gateway/src/config.js';

@Controller()
class BaselineController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('me')
  @UseGuards(AuthGuard('jwt'))
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
      providers: [{ provide: GatewayConfig, useValue: gateway }, JwtStrategy],
    };
  }
}

const directory = loadConfig(DirectoryConfig);
const gateway = loadConfig(GatewayConfig);
const app = await NestFactory.create(BaselineModule.register(directory, gateway), {
  logger: new JsonLogger(createRootLogger('baseline', gateway.LOG_LEVEL)),
});
await app.listen(gateway.PORT, gateway.HOST);
app.enableShutdownHooks();
