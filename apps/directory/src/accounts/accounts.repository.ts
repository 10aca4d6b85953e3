import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus, Role } from '@app/contracts';
import { withDbRetry } from '@app/database';
import { AccountEntity } from './account.entity.js';

export interface AccountFilter {
  /** Accounts of organisations in this subtree (joined on the organisation's path). */
  pathPrefix?: string;
  organisationId?: string;
  role?: Role;
  status?: AccountStatus;
  /** Part of the email or the display name (the column collation ignores case). */
  text?: string;
}

/** `text` as a LIKE pattern that matches it literally anywhere. */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
    if (filter.status === 'active') query.andWhere('a.deactivated_at IS NULL');
    if (filter.status === 'deactivated') query.andWhere('a.deactivated_at IS NOT NULL');
    if (filter.text) {
      query.andWhere('(a.email LIKE :text OR a.display_name LIKE :text)', {
        text: containsPattern(filter.text),
      });
    }
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

  /**
   * A transaction tried again on a deadlock: a change of an account locks its row and then
   * its refresh tokens, a refresh locks a token and then checks the account (foreign key).
   */
  transactionWithRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withDbRetry(() => this.dataSource.transaction(work));
  }

  /**
   * The account row, locked for a change, or as a login issues its tokens: a deactivation
   * or a password change and a login are then seen one after the other, so the change
   * revokes the new session or the login sees the change. (An exclusive lock: `FOR SHARE`
   * is MySQL 8 only, and logins of one account at the same moment are rare.)
   */
  lockById(manager: EntityManager, id: string): Promise<AccountEntity | null> {
    return manager
      .createQueryBuilder(AccountEntity, 'a')
      .where('a.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The ids of the active platform admins, locked: two admins cannot deactivate the last. */
  async lockActivePlatformAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(AccountEntity, 'a')
      .select('a.id', 'id')
      .where("a.role = 'platform_admin' AND a.deactivated_at IS NULL")
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async save(manager: EntityManager, account: AccountEntity): Promise<void> {
    await manager.update(
      AccountEntity,
      { id: account.id },
      {
        passwordHash: account.passwordHash,
        displayName: account.displayName,
        role: account.role,
        deactivatedAt: account.deactivatedAt,
        mustChangePassword: account.mustChangePassword,
        updatedAt: account.updatedAt,
      },
    );
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
