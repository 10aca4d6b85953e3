import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetMeQuery, Topics, type AccountView } from '@app/contracts';
import { AccountsService } from './accounts.service.js';

@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(Topics.directory.me)
  getMe(@Payload() query: GetMeQuery): Promise<AccountView> {
    return this.accounts.getMe(query.accountId);
  }
}
