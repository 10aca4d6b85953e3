import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PingQuery, Topics, type PingReply } from '@app/contracts';
import { SERVICE_NAME } from '../config.js';

@Controller()
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(Topics.quotas.ping)
  async ping(@Payload() _query: PingQuery): Promise<PingReply> {
    await this.dataSource.query('SELECT 1');
    return { service: SERVICE_NAME, database: 'up', at: new Date().toISOString() };
  }
}
