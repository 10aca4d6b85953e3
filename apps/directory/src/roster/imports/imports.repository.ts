import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RosterImportCounts, RosterImportRejection } from '@app/contracts';
import { RosterImportChunkEntity } from './import-chunk.entity.js';
import { RosterImportJobEntity } from './import-job.entity.js';
import { RosterImportRejectionEntity } from './import-rejection.entity.js';
import type { RosterEncoding } from './roster-csv.js';

export interface ChunkStats {
  count: number;
  bytes: number;
  maxSeq: number;
}

export type BatchCounts = Omit<RosterImportCounts, 'rejected'> & {
  rejected: number;
  processed: number;
};

const affected = (result: unknown): number =>
  (result as { affectedRows?: number } | null)?.affectedRows ?? 0;

@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<RosterImportJobEntity | null> {
    return this.dataSource.getRepository(RosterImportJobEntity).findOneBy({ id });
  }

  async insert(job: RosterImportJobEntity): Promise<void> {
    await this.dataSource.getRepository(RosterImportJobEntity).insert(job);
  }

  /** Stores a chunk; sending the same chunk again replaces it (a retried request is harmless). */
  async putChunk(jobId: string, seq: number, data: Buffer): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO roster_import_chunks (job_id, seq, data) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE data = VALUES(data)',
      [jobId, seq, data],
    );
  }

  async chunkStats(jobId: string): Promise<ChunkStats> {
    const [row] = await this.dataSource.query<
      { count: string | number; bytes: string | number; maxSeq: string | number }[]
    >(
      'SELECT COUNT(*) AS count, COALESCE(SUM(LENGTH(data)), 0) AS bytes, COALESCE(MAX(seq), -1) AS maxSeq FROM roster_import_chunks WHERE job_id = ?',
      [jobId],
    );
    return { count: Number(row.count), bytes: Number(row.bytes), maxSeq: Number(row.maxSeq) };
  }

  /** The file, one chunk at a time, in order. */
  async *chunks(jobId: string, chunkCount: number): AsyncGenerator<Buffer> {
    const repository = this.dataSource.getRepository(RosterImportChunkEntity);
    for (let seq = 0; seq < chunkCount; seq++) {
      const chunk = await repository.findOneBy({ jobId, seq });
      if (!chunk) throw new Error(`Chunk ${seq} of import ${jobId} is missing`);
      yield chunk.data;
    }
  }

  /** uploading → queued; false when the job was not uploading any more. */
  async queue(jobId: string, chunkCount: number, fileBytes: number): Promise<boolean> {
    const result: unknown = await this.dataSource.query(
      "UPDATE roster_import_jobs SET status = 'queued', chunk_count = ?, file_bytes = ?, queued_at = ? WHERE id = ? AND status = 'uploading'",
      [chunkCount, fileBytes, new Date(), jobId],
    );
    return affected(result) === 1;
  }

  /** An upload that broke off or never finished: failed, and its chunks gone. */
  async abandon(jobId: string, error: string): Promise<void> {
    await this.dataSource.query(
      "UPDATE roster_import_jobs SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status = 'uploading'",
      [error.slice(0, 500), new Date(), jobId],
    );
    await this.deleteChunks(jobId);
  }

  /** Uploads started before `before` and never committed. */
  async staleUploads(before: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      "SELECT id FROM roster_import_jobs WHERE status = 'uploading' AND created_at < ? LIMIT 100",
      [before],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Takes the oldest queued job, or a running one whose worker stopped beating before
   * `staleBefore`; SKIP LOCKED so that two workers never take the same job.
   */
  async claimNext(workerId: string, staleBefore: Date): Promise<RosterImportJobEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const job = await manager
        .createQueryBuilder(RosterImportJobEntity, 'j')
        .where("j.status = 'queued'")
        .orWhere("j.status = 'running' AND j.heartbeat_at < :staleBefore", { staleBefore })
        .orderBy('j.queued_at', 'ASC')
        .limit(1)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!job) return null;
      const now = new Date();
      const claimed: RosterImportJobEntity = {
        ...job,
        status: 'running',
        workerId,
        heartbeatAt: now,
        startedAt: job.startedAt ?? now,
      };
      await manager.update(
        RosterImportJobEntity,
        { id: job.id },
        {
          status: 'running',
          workerId,
          heartbeatAt: now,
          startedAt: claimed.startedAt,
        },
      );
      return claimed;
    });
  }

  async recordSurvey(
    jobId: string,
    workerId: string,
    survey: { encoding: RosterEncoding; totalRows: number },
  ): Promise<void> {
    await this.dataSource.query(
      'UPDATE roster_import_jobs SET encoding = ?, total_rows = ?, heartbeat_at = ? WHERE id = ? AND worker_id = ?',
      [survey.encoding, survey.totalRows, new Date(), jobId, workerId],
    );
  }

  /** Adds a batch's counts, in the batch's transaction; false when the job is no longer this worker's. */
  async recordBatch(
    manager: EntityManager,
    jobId: string,
    workerId: string,
    counts: BatchCounts,
  ): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE roster_import_jobs SET rows_processed = rows_processed + ?, created_count = created_count + ?,
         moved_count = moved_count + ?, updated_count = updated_count + ?, unchanged_count = unchanged_count + ?,
         rejected_count = rejected_count + ?, heartbeat_at = ?
       WHERE id = ? AND worker_id = ? AND status = 'running'`,
      [
        counts.processed,
        counts.created,
        counts.moved,
        counts.updated,
        counts.unchanged,
        counts.rejected,
        new Date(),
        jobId,
        workerId,
      ],
    );
    return affected(result) === 1;
  }

  async insertRejections(
    manager: EntityManager,
    jobId: string,
    rejections: RosterImportRejection[],
  ): Promise<void> {
    if (rejections.length === 0) return;
    await manager.query(
      'INSERT INTO roster_import_rejections (job_id, line, student_number, code, reason) VALUES ?',
      [rejections.map((r) => [jobId, r.line, r.studentNumber, r.code, r.reason])],
    );
  }

  /** Back to the queue (a worker stopping): another worker, or this one restarted, resumes it. */
  async release(jobId: string, workerId: string): Promise<void> {
    await this.dataSource.query(
      "UPDATE roster_import_jobs SET status = 'queued', worker_id = NULL WHERE id = ? AND worker_id = ? AND status = 'running'",
      [jobId, workerId],
    );
  }

  async finish(
    jobId: string,
    workerId: string,
    status: 'done' | 'failed',
    error: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      'UPDATE roster_import_jobs SET status = ?, error = ?, finished_at = ?, heartbeat_at = ? WHERE id = ? AND worker_id = ?',
      [status, error?.slice(0, 500) ?? null, new Date(), new Date(), jobId, workerId],
    );
    await this.deleteChunks(jobId);
  }

  async rejections(
    jobId: string,
    page: number,
    pageSize: number,
  ): Promise<[RosterImportRejectionEntity[], number]> {
    return this.dataSource.getRepository(RosterImportRejectionEntity).findAndCount({
      where: { jobId },
      order: { line: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  private async deleteChunks(jobId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM roster_import_chunks WHERE job_id = ?', [jobId]);
  }
}
