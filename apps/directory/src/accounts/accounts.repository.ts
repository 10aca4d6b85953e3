import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@app/contracts';
import { AccountEntity } from './account.entity.js';

export interface AccountFilter {
  /** Accounts of organisations in this subtree (joined on the organisation's path). */
  pathPrefix?: string;
  organisationId?: string;
  role?: Role;
}

@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ id });
  }

  findByEmail(email: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ email: email.toLowerCase() });
  }

  async list(
    filter: AccountFilter,
    page: number,
    pageSize: number,
  ): Promise<[AccountEntity[], number]> {
    const query = this.dataSource.getRepository(AccountEntity).createQueryBuilder('a');
    if (filter.pathPrefix) {
      query
        .innerJoin('organisations', 'o', 'o.id = a.organisation_id')
        .andWhere('o.path LIKE :prefix', {
          prefix: `${filter.pathPrefix}%`,
        });
    }
    if (filter.organisationId)
      query.andWhere('a.organisation_id = :org', { org: filter.organisationId });
    if (filter.role) query.andWhere('a.role = :role', { role: filter.role });
    return query
      .orderBy('a.email', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  /** Links a student account that has no student yet; leaves a linked one alone. */
  async linkStudent(accountId: string, studentId: string): Promise<void> {
    await this.dataSource.query(
      "UPDATE accounts SET student_id = ? WHERE id = ? AND role = 'student' AND student_id IS NULL",
      [studentId, accountId],
    );
  }

  async insert(manager: EntityManager, account: AccountEntity): Promise<void> {
    await manager.insert(AccountEntity, account);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
