import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from '../auth/auth.controller.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginFailuresRepository } from '../auth/login-failures.repository.js';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository.js';
import { DirectoryConfig } from '../config.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { RosterModule } from '../roster/roster.module.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

/** Accounts, roles, passwords and tokens. */
@Module({
  imports: [
    OrganisationsModule,
    RosterModule,
    JwtModule.registerAsync({
      inject: [DirectoryConfig],
      useFactory: (config: DirectoryConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [
    AccountsRepository,
    RefreshTokensRepository,
    LoginFailuresRepository,
    AccountsService,
    AuthService,
  ],
  exports: [AccountsRepository, AccountsService],
})
export class AccountsModule {}
