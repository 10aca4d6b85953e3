import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PingQuery, Topics, type PingReply } from '@app/contracts';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { SERVICE_NAME } from '../config.js';

@Controller()
export class HealthController {
  constructor(private readonly accounts: AccountsRepository) {}

  @MessagePattern(Topics.directory.ping)
  async ping(@Payload() _query: PingQuery): Promise<PingReply> {
    await this.accounts.ping();
    return { service: SERVICE_NAME, database: 'up', at: new Date().toISOString() };
  }
}
