import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PASSWORD_RULE, PASSWORD_RULE_TEXT } from '@app/contracts';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { DirectoryConfig } from '../config.js';

/** What the first platform admin needs, for the function below and its spec. */
export interface FirstAdminDeps {
  config: Pick<
    DirectoryConfig,
    'BOOTSTRAP_ADMIN_EMAIL' | 'BOOTSTRAP_ADMIN_PASSWORD' | 'DEMO_ADMIN_PASSWORD'
  >;
  platformAdminExists(): Promise<boolean>;
  createPlatformAdmin(email: string, password: string): Promise<void>;
}

/**
 * A suite without demo data (production) still needs one account to start from: with
 * BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD set, the directory creates a platform
 * admin at start, only while no platform admin exists; that admin then creates the bureaus
 * and accounts (and should unset the variables). Returns what it did.
 */
export async function ensureFirstAdmin(
  deps: FirstAdminDeps,
): Promise<'created' | 'exists' | 'off'> {
  const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = deps.config;
  if (!email && !password) return 'off';
  if (!email || !password) {
    throw new Error('Set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither');
  }
  if (!PASSWORD_RULE.test(password))
    throw new Error(`BOOTSTRAP_ADMIN_PASSWORD: ${PASSWORD_RULE_TEXT}`);
  if (password === deps.config.DEMO_ADMIN_PASSWORD) {
    throw new Error(
      'BOOTSTRAP_ADMIN_PASSWORD is the demo password, which is published; choose another',
    );
  }
  if (await deps.platformAdminExists()) return 'exists';
  await deps.createPlatformAdmin(email, password);
  return 'created';
}

@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
    private readonly accounts: AccountsService,
    private readonly accountsRepository: AccountsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const outcome = await ensureFirstAdmin({
      config: this.config,
      platformAdminExists: async () =>
        (await this.accountsRepository.list({ role: 'platform_admin' }, 1, 1))[1] > 0,
      createPlatformAdmin: async (email, password) => {
        await this.accounts.createAccount({
          email,
          password,
          displayName: 'Platform admin',
          role: 'platform_admin',
          organisationId: null,
        });
      },
    });
    if (outcome === 'created') {
      this.logger.log({
        msg: 'first platform admin created',
        email: this.config.BOOTSTRAP_ADMIN_EMAIL,
      });
    }
  }
}
