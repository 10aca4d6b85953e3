import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { AssignmentEntity } from './assignment.entity.js';

@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  activeOf(graduateId: string, manager?: EntityManager): Promise<AssignmentEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(AssignmentEntity, {
      graduateId,
      activeFlag: 1,
    });
  }

  activeOfGraduates(graduateIds: string[]): Promise<AssignmentEntity[]> {
    if (!graduateIds.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(AssignmentEntity, {
      graduateId: In(graduateIds),
      activeFlag: 1,
    });
  }

  activeOfMentor(mentorId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.manager.findBy(AssignmentEntity, { mentorId, activeFlag: 1 });
  }

  historyOf(graduateId: string): Promise<AssignmentEntity[]> {
    return this.dataSource.manager.find(AssignmentEntity, {
      where: { graduateId },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  async insert(manager: EntityManager, assignment: AssignmentEntity): Promise<void> {
    await manager.insert(AssignmentEntity, assignment);
  }

  /** Ends the active assignment; the NULL flag frees the unique key for the next one. */
  async end(manager: EntityManager, id: string, endedAt: Date, reason: string): Promise<void> {
    await manager.update(
      AssignmentEntity,
      { id, activeFlag: Not(IsNull()) },
      { activeFlag: null, endedAt, endReason: reason },
    );
  }
}
