import { Logger } from '@nestjs/common';
import { type AccountsRepository } from '../accounts/accounts.repository.js';
import { type AccountsService } from '../accounts/accounts.service.js';
import type { DirectoryConfig } from '../config.js';

/** Demo data for a newcomer: one platform admin. Safe to run at every start. */
export async function seedDemo(
  config: DirectoryConfig,
  accounts: AccountsService,
  repository: AccountsRepository,
): Promise<void> {
  const existing = await repository.findByEmail(config.DEMO_ADMIN_EMAIL);
  if (existing) return;
  await accounts.createAccount({
    email: config.DEMO_ADMIN_EMAIL,
    password: config.DEMO_ADMIN_PASSWORD,
    displayName: 'Demo platform admin',
    role: 'platform_admin',
    organisationId: null,
  });
  new Logger('Seed').log({ msg: 'demo admin created', email: config.DEMO_ADMIN_EMAIL });
}
