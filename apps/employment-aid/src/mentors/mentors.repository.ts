import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { MentorEntity } from './mentor.entity.js';

interface UpdateResultLike {
  affected?: number | null;
}

@Injectable()
export class MentorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(mentor: MentorEntity): Promise<void> {
    await this.dataSource.manager.insert(MentorEntity, mentor);
  }

  findById(id: string, manager?: EntityManager): Promise<MentorEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(MentorEntity, { id });
  }

  findByIds(ids: string[]): Promise<MentorEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(MentorEntity, { id: In(ids) });
  }

  findByAccount(accountId: string): Promise<MentorEntity | null> {
    return this.dataSource.manager.findOneBy(MentorEntity, { accountId });
  }

  findByAccounts(accountIds: string[]): Promise<MentorEntity[]> {
    if (!accountIds.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(MentorEntity, { accountId: In(accountIds) });
  }

  listOfUniversity(universityId: string, page: number, pageSize: number) {
    return this.dataSource.manager.findAndCount(MentorEntity, {
      where: { universityId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  allOfUniversity(universityId: string): Promise<MentorEntity[]> {
    return this.dataSource.manager.findBy(MentorEntity, { universityId });
  }

  /** Capacity may not fall below the active mentees: one conditional update decides. */
  async update(
    id: string,
    change: Partial<Omit<MentorEntity, 'id' | 'activeCount'>>,
  ): Promise<boolean> {
    const builder = this.dataSource.manager
      .createQueryBuilder()
      .update(MentorEntity)
      .set(change)
      .where('id = :id', { id });
    if (change.capacity !== undefined) {
      builder.andWhere('active_count <= :capacity', { capacity: change.capacity });
    }
    const result: UpdateResultLike = await builder.execute();
    return (result.affected ?? 0) === 1;
  }

  /** Takes one of the mentor's places, atomically; false when they are at capacity. */
  async takePlace(manager: EntityManager, id: string): Promise<boolean> {
    const result: UpdateResultLike = await manager
      .createQueryBuilder()
      .update(MentorEntity)
      .set({ activeCount: () => 'active_count + 1' })
      .where('id = :id AND active_count < capacity', { id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async releasePlace(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(MentorEntity)
      .set({ activeCount: () => 'active_count - 1' })
      .where('id = :id AND active_count > 0', { id })
      .execute();
  }
}
