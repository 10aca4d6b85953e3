import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthController } from '../auth/auth.controller.js';
import { AuthService } from '../auth/auth.service.js';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository.js';
import { DirectoryConfig } from '../config.js';
import { seedDemo } from '../database/seed.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

class DemoSeed implements OnApplicationBootstrap {
  constructor(
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
    private readonly accounts: AccountsService,
    private readonly accountsRepository: AccountsRepository,
    private readonly organisations: OrganisationsService,
    private readonly organisationsRepository: OrganisationsRepository,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.SEED_DEMO) return;
    await seedDemo({
      config: this.config,
      accounts: this.accounts,
      accountsRepository: this.accountsRepository,
      organisations: this.organisations,
      organisationsRepository: this.organisationsRepository,
    });
  }
}

/** Accounts, roles, passwords and tokens. */
@Module({
  imports: [
    OrganisationsModule,
    JwtModule.registerAsync({
      inject: [DirectoryConfig],
      useFactory: (config: DirectoryConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [AccountsRepository, RefreshTokensRepository, AccountsService, AuthService, DemoSeed],
  exports: [AccountsRepository, AccountsService],
})
export class AccountsModule {}
