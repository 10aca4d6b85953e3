import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { Topics, type AccountCreatedPayload, type AccountView, type Role } from '@app/contracts';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { AccountEntity } from './account.entity.js';
import { AccountsRepository } from './accounts.repository.js';
import { accountNotFound } from './accounts.errors.js';

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
}

export function toAccountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    organisationId: account.organisationId,
    createdAt: account.createdAt.toISOString(),
  };
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async getMe(accountId: string): Promise<AccountView> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw accountNotFound(accountId);
    return toAccountView(account);
  }

  /** Creates an account and its `account.created` event in one transaction. */
  async createAccount(input: NewAccount): Promise<AccountView> {
    const account: AccountEntity = {
      id: randomUUID(),
      email: input.email.toLowerCase(),
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      displayName: input.displayName,
      role: input.role,
      organisationId: input.organisationId,
      createdAt: new Date(),
    };
    await this.accounts.transaction(async (manager) => {
      await this.accounts.insert(manager, account);
      await this.outbox.append<AccountCreatedPayload>(manager, {
        topic: Topics.events.accountCreated,
        key: account.id,
        payload: { accountId: account.id, email: account.email, role: account.role },
      });
    });
    this.relay.wake();
    return toAccountView(account);
  }
}
