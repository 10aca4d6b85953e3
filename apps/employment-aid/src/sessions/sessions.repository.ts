import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { SessionEntity, SessionRevisionEntity } from './session.entities.js';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, session: SessionEntity): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  findById(id: string): Promise<SessionEntity | null> {
    return this.dataSource.manager.findOneBy(SessionEntity, { id });
  }

  lockById(manager: EntityManager, id: string): Promise<SessionEntity | null> {
    return manager.findOne(SessionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(manager: EntityManager, id: string, change: Partial<SessionEntity>): Promise<void> {
    await manager.update(SessionEntity, { id }, change);
  }

  async insertRevision(manager: EntityManager, revision: SessionRevisionEntity): Promise<void> {
    await manager.insert(SessionRevisionEntity, revision);
  }

  pageOf(graduateId: string, page: number, pageSize: number) {
    return this.dataSource.manager.findAndCount(SessionEntity, {
      where: { graduateId },
      order: { occurredAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  revisionsOf(sessionIds: string[]): Promise<SessionRevisionEntity[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(SessionRevisionEntity, {
      where: { sessionId: In(sessionIds) },
      order: { editedAt: 'ASC', id: 'ASC' },
    });
  }
}
