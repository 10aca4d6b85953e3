import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import {
  RosterImportLimits,
  Topics,
  type AccessTokenClaims,
  type Actor,
  type RosterImportJobView,
  type RosterImportStarted,
  type StartRosterImportParams,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { payloadTooLarge } from '../http/body-size.js';
import { XLSX_CONTENT_TYPE } from '../http/report-format.js';
import { rosterXlsxToCsv } from './roster-xlsx.js';

/** Content types a roster file may arrive as (spreadsheets on Windows label CSV as Excel). */
export const ROSTER_UPLOAD_TYPES: readonly string[] = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  XLSX_CONTENT_TYPE,
];

/** Over the size limit, whether announced (refused before the route) or streamed. */
const tooLarge = (): AppError => payloadTooLarge(RosterImportLimits.maxFileBytes);

/** The whole body, up to the import's size limit. */
async function readWhole(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let length = 0;
  for await (const piece of body) {
    length += piece.length;
    if (length > RosterImportLimits.maxFileBytes) throw tooLarge();
    pieces.push(piece);
  }
  return Buffer.concat(pieces);
}

/**
 * Streams an uploaded roster file to the directory without holding it: the request body
 * is cut into chunks of 256 KiB, each sent as one Kafka request (base64 in JSON, about
 * 350 KB, under the broker's 1 MB limit), then the job is committed. Chunks of every upload
 * on this gateway go one at a time, so one produce request never carries two of them.
 */
@Injectable()
export class RosterUploads {
  private lane: Promise<unknown> = Promise.resolve();

  constructor(private readonly rpc: RpcClient) {}

  async upload(
    user: AccessTokenClaims,
    query: StartRosterImportParams,
    request: Request,
  ): Promise<RosterImportJobView> {
    try {
      return await this.receive(user, query, request);
    } finally {
      // Refused before the body was read (403, 404, too large): discard the rest of it, so
      // the client gets the answer instead of a connection reset.
      if (!request.readableEnded) request.resume();
    }
  }

  private async receive(
    user: AccessTokenClaims,
    query: StartRosterImportParams,
    request: Request,
  ): Promise<RosterImportJobView> {
    if (!request.is([...ROSTER_UPLOAD_TYPES])) {
      throw new AppError(
        'MALFORMED_REQUEST',
        'invalid',
        `Send the roster file itself as the request body, with Content-Type: text/csv or ${XLSX_CONTENT_TYPE}`,
      );
    }
    if (Number(request.headers['content-length'] ?? 0) > RosterImportLimits.maxFileBytes) {
      throw tooLarge();
    }
    const actor = actorOf(user);
    const { jobId } = await this.rpc.send<RosterImportStarted>(Topics.roster.startImport, {
      schoolId: query.schoolId,
      ...(query.schoolYear ? { schoolYear: query.schoolYear } : {}),
      actor,
    });
    try {
      // A workbook is read whole (a zip's directory is at its end), after the directory has
      // accepted the job (so only the school's staff make us unpack one), then its first
      // sheet goes the CSV path: the directory has one importer.
      const body = request.is(XLSX_CONTENT_TYPE)
        ? [await rosterXlsxToCsv(await readWhole(request))]
        : request;
      const { chunkCount, byteLength } = await this.sendChunks(jobId, body, actor);
      return await this.rpc.send<RosterImportJobView>(Topics.roster.commitImport, {
        jobId,
        chunkCount,
        byteLength,
        actor,
      });
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'The upload broke off';
      await this.rpc
        .send(Topics.roster.abortImport, { jobId, reason: reason.slice(0, 500), actor })
        .catch(() => undefined);
      throw error;
    }
  }

  private async sendChunks(
    jobId: string,
    body: AsyncIterable<Buffer> | Buffer[],
    actor: Actor,
  ): Promise<{ chunkCount: number; byteLength: number }> {
    const { chunkBytes, maxFileBytes } = RosterImportLimits;
    let pending: Buffer = Buffer.alloc(0);
    let chunkCount = 0;
    let byteLength = 0;
    for await (const piece of body) {
      byteLength += piece.length;
      if (byteLength > maxFileBytes) throw tooLarge();
      pending = pending.length === 0 ? piece : Buffer.concat([pending, piece]);
      while (pending.length >= chunkBytes) {
        await this.sendChunk(jobId, chunkCount++, pending.subarray(0, chunkBytes), actor);
        pending = pending.subarray(chunkBytes);
      }
    }
    if (pending.length > 0) await this.sendChunk(jobId, chunkCount++, pending, actor);
    if (byteLength === 0) {
      throw new AppError('ROSTER_IMPORT_INVALID_UPLOAD', 'invalid', 'The file is empty');
    }
    return { chunkCount, byteLength };
  }

  private sendChunk(jobId: string, index: number, data: Buffer, actor: Actor): Promise<unknown> {
    const send = () =>
      this.rpc.send(Topics.roster.appendImportChunk, {
        jobId,
        index,
        data: data.toString('base64'),
        actor,
      });
    const sent = this.lane.then(send, send);
    this.lane = sent.catch(() => undefined);
    return sent;
  }
}
