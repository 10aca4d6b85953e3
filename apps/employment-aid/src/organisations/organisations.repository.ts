import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, organisation: OrganisationEntity): Promise<void> {
    await manager.upsert(OrganisationEntity, organisation, ['id']);
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(OrganisationEntity, { id });
  }

  all(): Promise<OrganisationEntity[]> {
    return this.dataSource.manager.find(OrganisationEntity);
  }

  async upsertAccount(manager: EntityManager, account: AccountEntity): Promise<void> {
    await manager.upsert(AccountEntity, account, ['id']);
  }

  findAccountById(id: string): Promise<AccountEntity | null> {
    return this.dataSource.manager.findOneBy(AccountEntity, { id });
  }

  findAccountByEmail(email: string): Promise<AccountEntity | null> {
    return this.dataSource.manager.findOneBy(AccountEntity, { email });
  }

  findByKindAndName(kind: string, name: string): Promise<OrganisationEntity | null> {
    return this.dataSource.manager.findOneBy(OrganisationEntity, { kind, name });
  }
}
