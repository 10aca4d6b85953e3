import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  CreateTrainingCommand,
  EnrolInTrainingCommand,
  RecordAttendanceCommand,
  TrainingEnrolmentView,
  TrainingView,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { Clock } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import {
  alreadyEnrolled,
  graduateNotFound,
  notEnrolled,
  trainingFull,
  trainingNotFound,
} from '../employment-aid.errors.js';
import type { TrainingEnrolmentEntity, TrainingEntity } from './training.entities.js';
import { TrainingsRepository } from './trainings.repository.js';

const toTrainingView = (t: TrainingEntity): TrainingView => ({
  id: t.id,
  universityId: t.universityId,
  title: t.title,
  startsAt: t.startsAt.toISOString(),
  location: t.location,
  capacity: t.capacity,
  enrolled: t.enrolledCount,
  placesLeft: t.capacity - t.enrolledCount,
});

const toEnrolmentView = (e: TrainingEnrolmentEntity): TrainingEnrolmentView => ({
  trainingId: e.trainingId,
  graduateId: e.graduateId,
  enrolledAt: e.enrolledAt.toISOString(),
  attended: e.attended,
});

/** Training camps and workshops of the plan: capacity never exceeded, attendance recorded. */
@Injectable()
export class TrainingsService {
  constructor(
    private readonly trainings: TrainingsRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
  ) {}

  async create(command: CreateTrainingCommand): Promise<TrainingView> {
    const universityId = this.access.staffUniversity(command.actor);
    const training: TrainingEntity = {
      id: randomUUID(),
      universityId,
      title: command.title,
      startsAt: new Date(command.startsAt),
      location: command.location ?? null,
      capacity: command.capacity,
      enrolledCount: 0,
      createdAt: this.clock.now(),
    };
    await this.trainings.insert(training);
    return toTrainingView(training);
  }

  async get(actor: Actor, trainingId: string): Promise<TrainingView> {
    const training = await this.trainings.findById(trainingId);
    if (!training || actor.organisationId !== training.universityId) throw trainingNotFound();
    return toTrainingView(training);
  }

  /**
   * Staff enrol any graduate of their university, a mentor their mentee. The place is taken
   * by a conditional update in the enrolment's transaction: 30 places never make 31.
   */
  async enrol(command: EnrolInTrainingCommand): Promise<TrainingEnrolmentView> {
    const training = await this.trainings.findById(command.trainingId);
    if (!training || command.actor.organisationId !== training.universityId) {
      throw trainingNotFound();
    }
    const { graduate } = await this.access.graduateToRead(command.actor, command.graduateId);
    if (graduate.universityId !== training.universityId) throw graduateNotFound();
    const enrolment: TrainingEnrolmentEntity = {
      trainingId: training.id,
      graduateId: graduate.id,
      enrolledAt: this.clock.now(),
      attended: null,
    };
    try {
      await this.trainings.transaction(async (manager) => {
        if (!(await this.trainings.takePlace(manager, training.id))) {
          throw trainingFull(training.capacity);
        }
        await this.trainings.insertEnrolment(manager, enrolment);
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw alreadyEnrolled();
      throw error;
    }
    return toEnrolmentView(enrolment);
  }

  async recordAttendance(command: RecordAttendanceCommand): Promise<TrainingEnrolmentView> {
    const training = await this.trainings.findById(command.trainingId);
    if (!training) throw trainingNotFound();
    this.access.assertStaffOf(command.actor, training.universityId, trainingNotFound);
    const enrolment = await this.trainings.findEnrolment(training.id, command.graduateId);
    if (!enrolment) throw notEnrolled();
    await this.trainings.setAttendance(training.id, command.graduateId, command.attended);
    return toEnrolmentView({ ...enrolment, attended: command.attended });
  }
}
