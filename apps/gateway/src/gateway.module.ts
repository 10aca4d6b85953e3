import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AccountsController } from './accounts/accounts.controller.js';
import { MeController } from './accounts/me.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { JwtAuthGuard } from './auth/jwt-auth.guard.js';
import { JwtStrategy } from './auth/jwt.strategy.js';
import { SessionRevocations } from './auth/session-revocations.js';
import { CalendarGatewayModule } from './calendar/calendar-gateway.module.js';
import { GatewayConfig } from './config.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { RateLimitGuard, rateLimits } from './http/rate-limit.guard.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { RosterGatewayModule } from './roster/roster-gateway.module.js';
import { RpcModule } from './rpc/rpc.module.js';
import { VenuesGatewayModule } from './venues/venues-gateway.module.js';
import { EmploymentAidGatewayModule } from './employment-aid/employment-aid-gateway.module.js';
import { ScreeningsGatewayModule } from './screenings/screenings-gateway.module.js';
import { StudyToursGatewayModule } from './study-tours/study-tours-gateway.module.js';
import { QuotasGatewayModule } from './quotas/quotas-gateway.module.js';

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig): DynamicModule {
    rateLimits.default = config.RATE_LIMIT_PER_MINUTE;
    rateLimits.login = config.LOGIN_RATE_LIMIT_PER_MINUTE;
    return {
      module: GatewayModule,
      imports: [
        PassportModule,
        RpcModule.register(config),
        CalendarGatewayModule,
        RosterGatewayModule,
        VenuesGatewayModule,
        EmploymentAidGatewayModule,
        ScreeningsGatewayModule,
        StudyToursGatewayModule,
        QuotasGatewayModule,
      ],
      controllers: [
        AuthController,
        MeController,
        AccountsController,
        OrganisationsController,
        HealthController,
      ],
      providers: [
        { provide: GatewayConfig, useValue: config },
        HealthService,
        SessionRevocations,
        JwtStrategy,
        // Order matters: authenticate first, then count against the rate limit.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
