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

  /**
   * Counts a wrong password in one statement, so concurrent attempts all count; locks the
   * account when the count reaches the threshold. Returns the lock's end, if now locked.
   */
  async recordFailedLogin(
    id: string,
    threshold: number,
    lockMinutes: number,
  ): Promise<Date | null> {
    // locked_until is assigned first: MySQL evaluates assignments left to right.
    await this.dataSource.query(
      `UPDATE accounts
         SET locked_until = CASE WHEN failed_login_count + 1 >= ? THEN DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MINUTE) ELSE locked_until END,
             failed_login_count = failed_login_count + 1
       WHERE id = ?`,
      [threshold, lockMinutes, id],
    );
    const account = await this.findById(id);
    return account?.lockedUntil ?? null;
  }

  async clearFailedLogins(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE accounts SET failed_login_count = 0, locked_until = NULL WHERE id = ?',
      [id],
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
