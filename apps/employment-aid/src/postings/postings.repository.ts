import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, type DataSource, type FindOptionsWhere } from 'typeorm';
import type { PostingStatus } from '@app/contracts';
import { PostingEntity } from './posting.entity.js';

@Injectable()
export class PostingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(posting: PostingEntity): Promise<void> {
    await this.dataSource.manager.insert(PostingEntity, posting);
  }

  findById(id: string): Promise<PostingEntity | null> {
    return this.dataSource.manager.findOneBy(PostingEntity, { id });
  }

  findByIds(ids: string[]): Promise<PostingEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource.manager.findBy(PostingEntity, { id: In(ids) });
  }

  /** Decides once: false when someone reviewed it first. */
  async review(
    id: string,
    change: Pick<PostingEntity, 'status' | 'reviewedBy' | 'reviewedAt' | 'reviewNote'>,
  ): Promise<boolean> {
    const result = await this.dataSource.manager.update(
      PostingEntity,
      { id, status: 'pending_review' },
      change,
    );
    return (result.affected ?? 0) === 1;
  }

  page(
    filter: { universityId: string; status?: PostingStatus; openOn?: string },
    page: number,
    pageSize: number,
  ) {
    const where: FindOptionsWhere<PostingEntity> = { universityId: filter.universityId };
    if (filter.status) where.status = filter.status;
    if (filter.openOn) where.expiresOn = MoreThanOrEqual(filter.openOn);
    return this.dataSource.manager.findAndCount(PostingEntity, {
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }
}
