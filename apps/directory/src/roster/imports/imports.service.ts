import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  RosterImportLimits,
  schoolYearOf,
  type AbortRosterImportCommand,
  type Actor,
  type AppendRosterImportChunkCommand,
  type CommitRosterImportCommand,
  type GetRosterImportQuery,
  type Page,
  type RosterImportJobView,
  type RosterImportRejection,
  type RosterImportStarted,
  type StartRosterImportCommand,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { currentRequestId } from '@app/logging';
import { AccessScope } from '../../organisations/access-scope.js';
import {
  importNotFound,
  importNotUploading,
  invalidUpload,
  schoolNotFound,
} from '../roster.errors.js';
import type { RosterImportJobEntity } from './import-job.entity.js';
import { ImportRunner } from './import-runner.js';
import { ImportsRepository } from './imports.repository.js';

export function toImportJobView(
  job: RosterImportJobEntity,
  rejected: Page<RosterImportRejection>,
): RosterImportJobView {
  return {
    id: job.id,
    schoolId: job.schoolId,
    schoolYear: job.schoolYear,
    status: job.status,
    encoding: job.encoding,
    fileBytes: job.fileBytes,
    progress: { processed: job.rowsProcessed, total: job.totalRows },
    counts: {
      created: job.createdCount,
      moved: job.movedCount,
      updated: job.updatedCount,
      unchanged: job.unchangedCount,
      rejected: job.rejectedCount,
    },
    error: job.error,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    rejected,
  };
}

/**
 * The message side of imports: a job is opened, its file arrives in chunks (stored in the
 * database, so neither the gateway nor Kafka holds the whole file), and the commit queues
 * it for the ImportRunner.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly jobs: ImportsRepository,
    private readonly scope: AccessScope,
    private readonly runner: ImportRunner,
  ) {}

  async start(command: StartRosterImportCommand): Promise<RosterImportStarted> {
    const { actor } = command;
    await this.scope.rosterSchoolToChange(actor, command.schoolId, schoolNotFound);
    const id = randomUUID();
    await this.jobs.insert({
      id,
      schoolId: command.schoolId,
      schoolYear: command.schoolYear ?? schoolYearOf(new Date()),
      status: 'uploading',
      createdBy: actor.accountId,
      createdByOrganisationId: actor.organisationId ?? null,
      requestId: currentRequestId() ?? null,
      fileBytes: 0,
      chunkCount: 0,
      encoding: null,
      totalRows: null,
      rowsProcessed: 0,
      createdCount: 0,
      movedCount: 0,
      updatedCount: 0,
      unchangedCount: 0,
      rejectedCount: 0,
      error: null,
      workerId: null,
      heartbeatAt: null,
      createdAt: new Date(),
      queuedAt: null,
      startedAt: null,
      finishedAt: null,
    });
    return { jobId: id };
  }

  async appendChunk(
    command: AppendRosterImportChunkCommand,
  ): Promise<{ jobId: string; index: number; bytes: number }> {
    const job = await this.uploading(command.actor, command.jobId);
    const data = Buffer.from(command.data, 'base64');
    if (data.length === 0 || data.length > RosterImportLimits.chunkBytes) {
      throw invalidUpload(`A chunk holds 1 to ${RosterImportLimits.chunkBytes} bytes`);
    }
    await this.jobs.putChunk(job.id, command.index, data);
    return { jobId: job.id, index: command.index, bytes: data.length };
  }

  async commit(command: CommitRosterImportCommand): Promise<RosterImportJobView> {
    const job = await this.uploading(command.actor, command.jobId);
    const stats = await this.jobs.chunkStats(job.id);
    if (
      stats.count !== command.chunkCount ||
      stats.maxSeq !== command.chunkCount - 1 ||
      stats.bytes !== command.byteLength
    ) {
      throw invalidUpload(
        `Received ${stats.count} chunk(s) of ${stats.bytes} bytes, not ${command.chunkCount} of ${command.byteLength}`,
      );
    }
    if (stats.bytes > RosterImportLimits.maxFileBytes) {
      throw new AppError(
        'ROSTER_IMPORT_TOO_LARGE',
        'invalid',
        `A roster file holds at most ${RosterImportLimits.maxFileBytes} bytes`,
      );
    }
    if (!(await this.jobs.queue(job.id, stats.count, stats.bytes))) throw importNotUploading();
    this.runner.wake();
    return this.view((await this.jobs.findById(job.id))!, 1, 20);
  }

  async abort(command: AbortRosterImportCommand): Promise<{ jobId: string; status: 'failed' }> {
    const job = await this.uploading(command.actor, command.jobId);
    await this.jobs.abandon(job.id, command.reason);
    return { jobId: job.id, status: 'failed' };
  }

  async get(query: GetRosterImportQuery): Promise<RosterImportJobView> {
    const job = await this.jobs.findById(query.jobId);
    if (!job) throw importNotFound();
    await this.scope.rosterSchoolToRead(query.actor, job.schoolId, importNotFound);
    return this.view(job, query.page, query.pageSize);
  }

  private async view(
    job: RosterImportJobEntity,
    page: number,
    pageSize: number,
  ): Promise<RosterImportJobView> {
    const [rows, total] = await this.jobs.rejections(job.id, page, pageSize);
    return toImportJobView(job, {
      items: rows.map((r) => ({
        line: r.line,
        studentNumber: r.studentNumber,
        code: r.code,
        reason: r.reason,
      })),
      page,
      pageSize,
      total,
    });
  }

  /** A job still receiving its file, sent by the account that opened it; 404 for anyone else. */
  private async uploading(actor: Actor, jobId: string): Promise<RosterImportJobEntity> {
    const job = await this.jobs.findById(jobId);
    if (!job || job.createdBy !== actor.accountId) throw importNotFound();
    if (job.status !== 'uploading') throw importNotUploading();
    return job;
  }
}
