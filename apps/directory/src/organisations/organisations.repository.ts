import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '@app/contracts';
import { OrganisationEntity } from './organisation.entity.js';

export interface OrganisationFilter {
  /** Only organisations whose path starts with this (a subtree); undefined for all. */
  pathPrefix?: string;
  kind?: OrganisationKind;
  parentId?: string;
}

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<OrganisationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Demo seed only: organisations by exact name. */
  findByNames(names: string[]): Promise<OrganisationEntity[]> {
    if (names.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.name IN (:...names)', { names })
      .getMany();
  }

  async list(
    filter: OrganisationFilter,
    page: number,
    pageSize: number,
  ): Promise<[OrganisationEntity[], number]> {
    const query = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (filter.pathPrefix)
      query.andWhere('o.path LIKE :prefix', { prefix: `${filter.pathPrefix}%` });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.parentId) query.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
    return query
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(manager: EntityManager, organisation: OrganisationEntity): Promise<void> {
    await manager.insert(OrganisationEntity, organisation);
  }
}
