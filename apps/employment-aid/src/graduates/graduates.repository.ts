import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { GraduateEntity } from './graduate.entity.js';

@Injectable()
export class GraduatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(graduate: GraduateEntity, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(GraduateEntity, graduate);
  }

  findById(id: string): Promise<GraduateEntity | null> {
    return this.dataSource.manager.findOneBy(GraduateEntity, { id });
  }

  /** Locks the graduate's row: assignments of one graduate are serialised on it. */
  lockById(manager: EntityManager, id: string): Promise<GraduateEntity | null> {
    return manager.findOne(GraduateEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByIds(ids: string[]): Promise<GraduateEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(GraduateEntity, { id: In(ids) });
  }

  findByAccount(accountId: string): Promise<GraduateEntity | null> {
    return this.dataSource.manager.findOneBy(GraduateEntity, { accountId });
  }

  /**
   * Links once: false when the record already names an account. A second graduate naming the
   * same account fails on the unique key (a duplicate-key error for the caller to map).
   */
  async linkAccount(id: string, accountId: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(
      GraduateEntity,
      { id, accountId: IsNull() },
      { accountId },
    );
    return (result.affected ?? 0) === 1;
  }

  async unlinkAccount(id: string): Promise<void> {
    await this.dataSource.manager.update(GraduateEntity, { id }, { accountId: null });
  }

  findDemo(demoKey: string): Promise<GraduateEntity | null> {
    return this.dataSource.manager.findOneBy(GraduateEntity, { demoKey });
  }

  /** Every graduate of a university (reports and alerts read them all). */
  allOfUniversity(universityId: string): Promise<GraduateEntity[]> {
    return this.dataSource.manager.find(GraduateEntity, {
      where: { universityId },
      order: { registeredAt: 'DESC', id: 'ASC' },
    });
  }

  async recordContact(
    manager: EntityManager,
    id: string,
    change: { lastContactAt?: Date; followUpOn: string | null },
  ): Promise<void> {
    await manager.update(GraduateEntity, { id }, change);
  }
}
