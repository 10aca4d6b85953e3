import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { TrainingEnrolmentEntity, TrainingEntity } from './training.entities.js';

@Injectable()
export class TrainingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(training: TrainingEntity): Promise<void> {
    await this.dataSource.manager.insert(TrainingEntity, training);
  }

  findById(id: string, manager?: EntityManager): Promise<TrainingEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(TrainingEntity, { id });
  }

  /** Takes one place atomically; false when all places are taken. */
  async takePlace(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(TrainingEntity)
      .set({ enrolledCount: () => 'enrolled_count + 1' })
      .where('id = :id AND enrolled_count < capacity', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async insertEnrolment(manager: EntityManager, enrolment: TrainingEnrolmentEntity): Promise<void> {
    await manager.insert(TrainingEnrolmentEntity, enrolment);
  }

  findEnrolment(trainingId: string, graduateId: string): Promise<TrainingEnrolmentEntity | null> {
    return this.dataSource.manager.findOneBy(TrainingEnrolmentEntity, { trainingId, graduateId });
  }

  async setAttendance(trainingId: string, graduateId: string, attended: boolean): Promise<void> {
    await this.dataSource.manager.update(
      TrainingEnrolmentEntity,
      { trainingId, graduateId },
      { attended },
    );
  }
}
