import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListMySessionsQuery,
  MyAidQuery,
  Topics,
  type MyAidView,
  type MySessionView,
  type Page,
} from '@app/contracts';
import { SelfServiceService } from './self-service.service.js';

@Controller()
export class SelfServiceController {
  constructor(private readonly selfService: SelfServiceService) {}

  @MessagePattern(Topics.employmentAid.getMyAid)
  get(@Payload() query: MyAidQuery): Promise<MyAidView> {
    return this.selfService.get(query.actor);
  }

  @MessagePattern(Topics.employmentAid.listMySessions)
  sessions(@Payload() query: ListMySessionsQuery): Promise<Page<MySessionView>> {
    return this.selfService.listSessions(query);
  }
}
