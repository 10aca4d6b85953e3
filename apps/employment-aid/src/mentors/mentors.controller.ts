import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateMentorCommand,
  ListMentorsQuery,
  MentorRef,
  Topics,
  UpdateMentorCommand,
  type MentorView,
  type Page,
} from '@app/contracts';
import { MentorsService } from './mentors.service.js';

@Controller()
export class MentorsController {
  constructor(private readonly mentors: MentorsService) {}

  @MessagePattern(Topics.employmentAid.createMentor)
  create(@Payload() command: CreateMentorCommand): Promise<MentorView> {
    return this.mentors.create(command);
  }

  @MessagePattern(Topics.employmentAid.getMentor)
  get(@Payload() query: MentorRef): Promise<MentorView> {
    return this.mentors.get(query.actor, query.mentorId);
  }

  @MessagePattern(Topics.employmentAid.listMentors)
  list(@Payload() query: ListMentorsQuery): Promise<Page<MentorView>> {
    return this.mentors.list(query);
  }

  @MessagePattern(Topics.employmentAid.updateMentor)
  update(@Payload() command: UpdateMentorCommand): Promise<MentorView> {
    return this.mentors.update(command);
  }
}
