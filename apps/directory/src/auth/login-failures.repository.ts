import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity.js';

@Injectable()
export class LoginFailuresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The wrong passwords of this address for this account, and its lock (null: none). */
  find(accountId: string, clientAddress: string): Promise<LoginFailureEntity | null> {
    return this.dataSource
      .getRepository(LoginFailureEntity)
      .findOneBy({ accountId, clientAddress });
  }

  /**
   * Counts a wrong password in one statement, so concurrent attempts all count; locks the
   * address out when its count reaches the threshold (and again at every failure after it).
   */
  async recordFailure(
    accountId: string,
    clientAddress: string,
    threshold: number,
    lockMinutes: number,
  ): Promise<void> {
    // locked_until is assigned first: MySQL evaluates assignments left to right, so it sees
    // the count before this failure.
    await this.dataSource.query(
      `INSERT INTO login_failures (account_id, client_address, failure_count, locked_until, last_failed_at)
       VALUES (?, ?, 1, CASE WHEN 1 >= ? THEN DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MINUTE) END, UTC_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE
         locked_until = CASE WHEN failure_count + 1 >= ? THEN DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MINUTE) ELSE locked_until END,
         failure_count = failure_count + 1,
         last_failed_at = UTC_TIMESTAMP(3)`,
      [accountId, clientAddress, threshold, lockMinutes, threshold, lockMinutes],
    );
  }

  /** After a successful login from this address: its count starts again. */
  async clear(accountId: string, clientAddress: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).delete({ accountId, clientAddress });
  }

  /** An admin's unlock: every address's count and lock. */
  async clearAll(accountId: string): Promise<void> {
    await this.dataSource.getRepository(LoginFailureEntity).delete({ accountId });
  }

  /** The latest lock still running per account, for the admin's view of accounts. */
  async activeLocks(accountIds: string[]): Promise<Map<string, Date>> {
    if (accountIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(LoginFailureEntity)
      .createQueryBuilder('f')
      .select('f.account_id', 'accountId')
      .addSelect('MAX(f.locked_until)', 'lockedUntil')
      .where('f.account_id IN (:...accountIds)', { accountIds })
      .andWhere('f.locked_until > UTC_TIMESTAMP(3)')
      .groupBy('f.account_id')
      .getRawMany<{ accountId: string; lockedUntil: Date | string }>();
    return new Map(rows.map((r) => [r.accountId, new Date(r.lockedUntil)] as const));
  }
}
