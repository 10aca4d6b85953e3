import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountQuery,
  CreateAccountCommand,
  GetMeQuery,
  ListAccountsQuery,
  Topics,
  type AccountView,
  type Page,
} from '@app/contracts';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(Topics.directory.me)
  getMe(@Payload() query: GetMeQuery): Promise<AccountView> {
    return this.accounts.getMe(query.accountId);
  }

  @MessagePattern(Topics.directory.createAccount)
  create(@Payload() command: CreateAccountCommand): Promise<AccountView> {
    return this.accounts.createByAdmin(command);
  }

  @MessagePattern(Topics.directory.listAccounts)
  list(@Payload() query: ListAccountsQuery): Promise<Page<AccountView>> {
    return this.accounts.list(query);
  }

  @MessagePattern(Topics.directory.getAccount)
  get(@Payload() query: AccountQuery): Promise<AccountView> {
    return this.accounts.get(query.actor, query.accountId);
  }

  @MessagePattern(Topics.directory.unlockAccount)
  unlock(@Payload() query: AccountQuery): Promise<AccountView> {
    return this.accounts.unlock(query.actor, query.accountId);
  }
}
