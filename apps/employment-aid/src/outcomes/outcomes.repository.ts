import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { OutcomeEntity } from './outcome.entity.js';

@Injectable()
export class OutcomesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, outcome: OutcomeEntity): Promise<void> {
    await manager.insert(OutcomeEntity, outcome);
  }

  findById(id: string): Promise<OutcomeEntity | null> {
    return this.dataSource.manager.findOneBy(OutcomeEntity, { id });
  }

  /** Sets the verification once: false when someone verified it first. */
  async verify(manager: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
    const result = await manager.update(
      OutcomeEntity,
      { id, verifiedAt: IsNull() },
      { verifiedBy: by, verifiedAt: at },
    );
    return (result.affected ?? 0) === 1;
  }

  ofGraduate(graduateId: string): Promise<OutcomeEntity[]> {
    return this.dataSource.manager.find(OutcomeEntity, {
      where: { graduateId },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
  }

  verifiedOfGraduates(graduateIds: string[]): Promise<OutcomeEntity[]> {
    if (!graduateIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(OutcomeEntity, {
      where: { graduateId: In(graduateIds), verifiedAt: Not(IsNull()) },
      order: { verifiedAt: 'ASC', id: 'ASC' },
    });
  }
}
