import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AccountQuery,
  ChangeOwnPasswordCommand,
  CreateAccountCommand,
  GetMeQuery,
  ListAccountsQuery,
  Topics,
  UpdateAccountCommand,
  type AccountChangeReply,
  type AccountView,
  type ChangeOwnPasswordReply,
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

  @MessagePattern(Topics.directory.changeOwnPassword)
  changeOwnPassword(@Payload() command: ChangeOwnPasswordCommand): Promise<ChangeOwnPasswordReply> {
    return this.accounts.changeOwnPassword(command);
  }

  @MessagePattern(Topics.directory.resetPassword)
  resetPassword(@Payload() query: AccountQuery): Promise<AccountChangeReply> {
    return this.accounts.resetPassword(query.actor, query.accountId);
  }

  @MessagePattern(Topics.directory.deactivateAccount)
  deactivate(@Payload() query: AccountQuery): Promise<AccountChangeReply> {
    return this.accounts.deactivate(query.actor, query.accountId);
  }

  @MessagePattern(Topics.directory.reactivateAccount)
  reactivate(@Payload() query: AccountQuery): Promise<AccountChangeReply> {
    return this.accounts.reactivate(query.actor, query.accountId);
  }

  @MessagePattern(Topics.directory.updateAccount)
  update(@Payload() command: UpdateAccountCommand): Promise<AccountChangeReply> {
    return this.accounts.update(command);
  }
}
