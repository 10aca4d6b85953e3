import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { withDbRetry } from '@app/database';
import { RefreshTokenEntity } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A transaction, tried again on a deadlock: a refresh inserting the family's next token
   * and a revocation of that family (reuse, logout) can deadlock on the family index's gap
   * locks; whichever is retried then sees what the other committed.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withDbRetry(() => this.dataSource.transaction(work));
  }

  /** Locks the row, so two uses of one token at the same moment are seen one after the other. */
  lockById(manager: EntityManager, id: string): Promise<RefreshTokenEntity | null> {
    return manager
      .createQueryBuilder(RefreshTokenEntity, 't')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { id }, { usedAt: new Date() });
  }

  /** Revokes every token of the family not yet revoked; returns how many it revoked. */
  async revokeFamily(manager: EntityManager, familyId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: new Date() })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * The families of the account with a token not yet revoked that could still back a live
   * access token (its refresh token expires after `notExpiredBefore`), locked: a refresh
   * of one of them finishes first, and its next token is revoked with the family.
   */
  async lockLiveFamiliesOf(
    manager: EntityManager,
    accountId: string,
    notExpiredBefore: Date,
  ): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(RefreshTokenEntity, 't')
      .select('t.family_id', 'familyId')
      .where('t.account_id = :accountId AND t.revoked_at IS NULL', { accountId })
      .andWhere('t.expires_at > :notExpiredBefore', { notExpiredBefore })
      .setLock('pessimistic_write')
      .getRawMany<{ familyId: string }>();
    return [...new Set(rows.map((r) => r.familyId))];
  }

  /** Inserts in the caller's transaction when given one. */
  async insert(manager: EntityManager | undefined, token: RefreshTokenEntity): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(RefreshTokenEntity, token);
  }
}
