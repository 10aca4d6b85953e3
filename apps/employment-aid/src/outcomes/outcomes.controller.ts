import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GraduateRef,
  RecordOutcomeCommand,
  Topics,
  VerifyOutcomeCommand,
  type OutcomeView,
} from '@app/contracts';
import { OutcomesService } from './outcomes.service.js';

@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @MessagePattern(Topics.employmentAid.recordOutcome)
  record(@Payload() command: RecordOutcomeCommand): Promise<OutcomeView> {
    return this.outcomes.record(command);
  }

  @MessagePattern(Topics.employmentAid.verifyOutcome)
  verify(@Payload() command: VerifyOutcomeCommand): Promise<OutcomeView> {
    return this.outcomes.verify(command);
  }

  @MessagePattern(Topics.employmentAid.listOutcomes)
  list(@Payload() query: GraduateRef): Promise<OutcomeView[]> {
    return this.outcomes.list(query.actor, query.graduateId);
  }
}
