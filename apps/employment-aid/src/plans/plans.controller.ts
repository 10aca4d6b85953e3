import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddGoalCommand,
  AddReferralCommand,
  GraduateRef,
  Topics,
  UpdateGoalCommand,
  UpdateReferralCommand,
  type GoalView,
  type PlanView,
  type ReferralView,
} from '@app/contracts';
import { PlansService } from './plans.service.js';

@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @MessagePattern(Topics.employmentAid.addGoal)
  addGoal(@Payload() command: AddGoalCommand): Promise<GoalView> {
    return this.plans.addGoal(command);
  }

  @MessagePattern(Topics.employmentAid.updateGoal)
  updateGoal(@Payload() command: UpdateGoalCommand): Promise<GoalView> {
    return this.plans.updateGoal(command);
  }

  @MessagePattern(Topics.employmentAid.addReferral)
  addReferral(@Payload() command: AddReferralCommand): Promise<ReferralView> {
    return this.plans.addReferral(command);
  }

  @MessagePattern(Topics.employmentAid.updateReferral)
  updateReferral(@Payload() command: UpdateReferralCommand): Promise<ReferralView> {
    return this.plans.updateReferral(command);
  }

  @MessagePattern(Topics.employmentAid.getPlan)
  get(@Payload() query: GraduateRef): Promise<PlanView> {
    return this.plans.get(query.actor, query.graduateId);
  }
}
