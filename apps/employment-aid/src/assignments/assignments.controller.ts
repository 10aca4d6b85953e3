import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignMentorCommand,
  GraduateRef,
  Topics,
  type AssignmentView,
  type MentorSuggestionView,
} from '@app/contracts';
import { AssignmentsService } from './assignments.service.js';

@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @MessagePattern(Topics.employmentAid.assignMentor)
  assign(@Payload() command: AssignMentorCommand): Promise<AssignmentView> {
    return this.assignments.assign(command);
  }

  @MessagePattern(Topics.employmentAid.assignmentHistory)
  history(@Payload() query: GraduateRef): Promise<AssignmentView[]> {
    return this.assignments.history(query.actor, query.graduateId);
  }

  @MessagePattern(Topics.employmentAid.suggestMentors)
  suggest(@Payload() query: GraduateRef): Promise<MentorSuggestionView[]> {
    return this.assignments.suggest(query.actor, query.graduateId);
  }
}
