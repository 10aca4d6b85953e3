import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  EditSessionCommand,
  ListSessionsQuery,
  LogSessionCommand,
  Topics,
  type Page,
  type SessionView,
} from '@app/contracts';
import { SessionsService } from './sessions.service.js';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(Topics.employmentAid.logSession)
  log(@Payload() command: LogSessionCommand): Promise<SessionView> {
    return this.sessions.log(command);
  }

  @MessagePattern(Topics.employmentAid.editSession)
  edit(@Payload() command: EditSessionCommand): Promise<SessionView> {
    return this.sessions.edit(command);
  }

  @MessagePattern(Topics.employmentAid.listSessions)
  list(@Payload() query: ListSessionsQuery): Promise<Page<SessionView>> {
    return this.sessions.list(query);
  }
}
