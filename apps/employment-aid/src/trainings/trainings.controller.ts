import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTrainingCommand,
  EnrolInTrainingCommand,
  RecordAttendanceCommand,
  Topics,
  TrainingRef,
  type TrainingEnrolmentView,
  type TrainingView,
} from '@app/contracts';
import { TrainingsService } from './trainings.service.js';

@Controller()
export class TrainingsController {
  constructor(private readonly trainings: TrainingsService) {}

  @MessagePattern(Topics.employmentAid.createTraining)
  create(@Payload() command: CreateTrainingCommand): Promise<TrainingView> {
    return this.trainings.create(command);
  }

  @MessagePattern(Topics.employmentAid.getTraining)
  get(@Payload() query: TrainingRef): Promise<TrainingView> {
    return this.trainings.get(query.actor, query.trainingId);
  }

  @MessagePattern(Topics.employmentAid.enrolInTraining)
  enrol(@Payload() command: EnrolInTrainingCommand): Promise<TrainingEnrolmentView> {
    return this.trainings.enrol(command);
  }

  @MessagePattern(Topics.employmentAid.recordAttendance)
  attendance(@Payload() command: RecordAttendanceCommand): Promise<TrainingEnrolmentView> {
    return this.trainings.recordAttendance(command);
  }
}
