import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Topics,
  type RosterImportRejection,
  type StudentEnrolledPayload,
  type StudentMovedPayload,
} from '@app/contracts';
import { runWithRequestContext } from '@app/logging';
import { OutboxRelay, OutboxWriter, type NewEvent } from '@app/messaging';
import { shanghaiDateOf } from '@app/time';
import { ClassesRepository } from '../classes/classes.repository.js';
import { normaliseClassName } from '../classes/classes.service.js';
import { NationalIdProtector } from '../crypto/national-id-protector.js';
import { timeOrderedUuid } from '../time-ordered-id.js';
import {
  historyEntry,
  placementPayload,
  type ChangeAuthor,
  type NewHistoryEntry,
} from '../students/student-records.js';
import type { StudentEntity } from '../students/student.entity.js';
import { StudentsRepository } from '../students/students.repository.js';
import type { RosterImportJobEntity } from './import-job.entity.js';
import { ImportsRepository, type BatchCounts } from './imports.repository.js';
import {
  csvRecords,
  decodeChunks,
  isDecodingError,
  mapHeader,
  RosterFileError,
  type ColumnIndexes,
  type CsvRecord,
  type RosterEncoding,
} from './roster-csv.js';
import { readRosterRow, RejectionCodes, type RosterRow, type RowContext } from './roster-row.js';

/** Rows per transaction: one multi-row statement per table, a few hundred KB each. */
export const IMPORT_BATCH_ROWS = 500;

/** The job was taken over by another worker (this one was presumed dead): stop quietly. */
class LostJobError extends Error {}

interface CheckedRow {
  row: RosterRow;
  hash: Buffer | null;
}

/**
 * Works through one import job: a first pass over the file finds its encoding (valid UTF-8
 * is UTF-8, anything else GBK) and counts the rows; the second reads rows in batches of
 * 500, each batch one transaction that upserts the students, writes their history and
 * events, the rejected lines and the job's progress. Memory holds one chunk and one batch.
 * A job resumes after its last committed batch.
 */
@Injectable()
export class RosterImporter {
  private readonly logger = new Logger('RosterImport');

  constructor(
    private readonly jobs: ImportsRepository,
    private readonly students: StudentsRepository,
    private readonly classes: ClassesRepository,
    private readonly protector: NationalIdProtector,
    private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  /** Runs a claimed job until it is done, failed, or `keepGoing()` says stop (then it is released). */
  run(job: RosterImportJobEntity, workerId: string, keepGoing: () => boolean): Promise<void> {
    // The job's events and logs carry the upload's request id.
    return runWithRequestContext({ requestId: job.requestId ?? job.id }, () =>
      this.runJob(job, workerId, keepGoing),
    );
  }

  private async runJob(
    claimed: RosterImportJobEntity,
    workerId: string,
    keepGoing: () => boolean,
  ): Promise<void> {
    let job = claimed;
    try {
      if (job.encoding === null || job.totalRows === null) {
        const survey = await this.survey(job);
        await this.jobs.recordSurvey(job.id, workerId, survey);
        job = { ...job, ...survey };
      }
      const finished = await this.importRows(job, workerId, keepGoing);
      if (finished) {
        await this.jobs.finish(job.id, workerId, 'done', null);
        this.logger.log({ msg: 'roster import done', jobId: job.id });
      } else {
        await this.jobs.release(job.id, workerId);
      }
    } catch (error) {
      if (error instanceof LostJobError) return;
      if (error instanceof RosterFileError) {
        await this.jobs.finish(job.id, workerId, 'failed', error.message);
        return;
      }
      const errorId = randomUUID();
      this.logger.error({ msg: 'roster import failed', jobId: job.id, errorId, err: error });
      await this.jobs.finish(
        job.id,
        workerId,
        'failed',
        `The import stopped on an internal error (errorId ${errorId}); rows already imported stay, importing the file again is safe`,
      );
    }
  }

  /** Pass 1: the encoding, the header, and how many data rows there are. */
  private async survey(job: RosterImportJobEntity): Promise<{
    encoding: RosterEncoding;
    totalRows: number;
  }> {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      try {
        let columns: ColumnIndexes | null = null;
        let totalRows = 0;
        for await (const record of this.records(job, encoding)) {
          if (columns) totalRows++;
          else columns = mapHeader(record.fields);
        }
        if (!columns || totalRows === 0) {
          throw new RosterFileError('The file has no rows under its header');
        }
        return { encoding, totalRows };
      } catch (error) {
        if (encoding === 'utf-8' && isDecodingError(error)) continue;
        throw error;
      }
    }
    throw new RosterFileError('The file is neither UTF-8 nor GBK text');
  }

  /** Pass 2. Returns false when told to stop before the end. */
  private async importRows(
    job: RosterImportJobEntity,
    workerId: string,
    keepGoing: () => boolean,
  ): Promise<boolean> {
    const classes = await this.classes.findBySchoolYear(job.schoolId, job.schoolYear);
    const context: RowContext = {
      classes: new Map(classes.map((c) => [normaliseClassName(c.name), c])),
      schoolYear: job.schoolYear,
      today: shanghaiDateOf(new Date()),
    };
    let columns: ColumnIndexes | null = null;
    let seen = 0;
    let batch: CsvRecord[] = [];
    for await (const record of this.records(job, job.encoding ?? 'utf-8')) {
      if (!columns) {
        columns = mapHeader(record.fields);
        continue;
      }
      // Rows committed before a restart are skipped, not imported twice.
      if (++seen <= job.rowsProcessed) continue;
      batch.push(record);
      if (batch.length === IMPORT_BATCH_ROWS) {
        await this.importBatch(job, workerId, batch, columns, context);
        batch = [];
        if (!keepGoing()) return false;
      }
    }
    if (columns && batch.length > 0) await this.importBatch(job, workerId, batch, columns, context);
    return true;
  }

  private records(job: RosterImportJobEntity, encoding: RosterEncoding): AsyncGenerator<CsvRecord> {
    return csvRecords(decodeChunks(this.jobs.chunks(job.id, job.chunkCount), encoding));
  }

  /** One transaction: students, history, events, rejected lines and progress. */
  private async importBatch(
    job: RosterImportJobEntity,
    workerId: string,
    records: CsvRecord[],
    columns: ColumnIndexes,
    context: RowContext,
  ): Promise<void> {
    const fileRejections: RosterImportRejection[] = [];
    const rows = this.checkRows(records, columns, context, fileRejections);
    await this.students.transaction(async (manager) => {
      const rejections = [...fileRejections];
      const known = new Map(
        (
          await this.students.lockByNumbers(
            manager,
            job.schoolId,
            rows.map((r) => r.row.studentNumber),
          )
        ).map((s) => [s.studentNumber, s]),
      );
      const holders = new Map(
        (
          await this.students.lockByNationalIdHashes(
            manager,
            rows.flatMap((r) => (r.hash ? [r.hash] : [])),
          )
        ).map((s) => [s.nationalIdHmac!.toString('hex'), s]),
      );
      const author: ChangeAuthor = {
        accountId: job.createdBy,
        organisationId: job.createdByOrganisationId,
        importJobId: job.id,
      };
      const now = new Date();
      const upserts: StudentEntity[] = [];
      const history: NewHistoryEntry[] = [];
      const events: NewEvent<unknown>[] = [];
      const counts: BatchCounts = {
        processed: records.length,
        created: 0,
        moved: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
      };
      for (const { row, hash } of rows) {
        const current = known.get(row.studentNumber);
        const rejection = this.conflictOf(job, row, hash, current, holders);
        if (rejection) {
          rejections.push(rejection);
          continue;
        }
        const schoolClass = row.schoolClass;
        if (!current) {
          const student = this.newStudent(job, row, now);
          upserts.push(student);
          history.push(historyEntry('enrolled', student.id, author, null, student, now));
          events.push({
            topic: Topics.events.studentEnrolled,
            key: student.id,
            payload: placementPayload(student, schoolClass) satisfies StudentEnrolledPayload,
          });
          counts.created++;
          continue;
        }
        const changedFields = changedFieldsOf(current, row, hash);
        const moved = current.classId !== schoolClass.id;
        const sealed =
          row.nationalId && changedFields.includes('nationalId')
            ? this.protector.protect(row.nationalId, current.id)
            : null;
        const after: StudentEntity = {
          ...current,
          name: row.name,
          gender: row.gender,
          dateOfBirth: row.dateOfBirth,
          grade: schoolClass.grade,
          classId: schoolClass.id,
          nationalIdCiphertext: sealed?.ciphertext ?? current.nationalIdCiphertext,
          nationalIdHmac: sealed?.hmac ?? current.nationalIdHmac,
          nationalIdLast4: sealed?.lastFour ?? current.nationalIdLast4,
          updatedAt: moved || changedFields.length > 0 ? now : current.updatedAt,
          importJobId: job.id,
          importLine: row.line,
        };
        // Unchanged students are written too: the job id and line find a repeat later in the file.
        upserts.push(after);
        if (moved) {
          history.push(historyEntry('moved', current.id, author, current, after, now));
          events.push({
            topic: Topics.events.studentMoved,
            key: current.id,
            payload: {
              ...placementPayload(after, schoolClass),
              fromClassId: current.classId,
              fromGrade: current.grade,
            } satisfies StudentMovedPayload,
          });
        }
        if (changedFields.length > 0) {
          history.push(
            historyEntry('updated', current.id, author, current, after, now, { changedFields }),
          );
        }
        if (moved) counts.moved++;
        else if (changedFields.length > 0) counts.updated++;
        else counts.unchanged++;
      }
      counts.rejected = rejections.length;
      await this.students.upsertMany(manager, upserts);
      await this.students.appendHistory(manager, history);
      await this.outbox.appendMany(manager, events);
      await this.jobs.insertRejections(manager, job.id, rejections);
      if (!(await this.jobs.recordBatch(manager, job.id, workerId, counts))) {
        throw new LostJobError(`Import ${job.id} is no longer this worker's`);
      }
    });
    this.relay.wake();
  }

  /** Checks needing no database, and repeats within the batch. */
  private checkRows(
    records: CsvRecord[],
    columns: ColumnIndexes,
    context: RowContext,
    rejections: RosterImportRejection[],
  ): CheckedRow[] {
    const numbers = new Map<string, number>();
    const hashes = new Map<string, number>();
    const rows: CheckedRow[] = [];
    for (const record of records) {
      const result = readRosterRow(record, columns, context);
      if ('rejection' in result) {
        rejections.push(result.rejection);
        continue;
      }
      const { row } = result;
      const firstLine = numbers.get(row.studentNumber);
      if (firstLine !== undefined) {
        rejections.push(repeatedNumber(row, firstLine));
        continue;
      }
      const hash = row.nationalId ? this.protector.lookupHash(row.nationalId) : null;
      const hashKey = hash?.toString('hex');
      const firstIdLine = hashKey ? hashes.get(hashKey) : undefined;
      if (firstIdLine !== undefined) {
        rejections.push(repeatedNationalId(row, firstIdLine));
        continue;
      }
      numbers.set(row.studentNumber, row.line);
      if (hashKey) hashes.set(hashKey, row.line);
      rows.push({ row, hash });
    }
    return rows;
  }

  /** Why a row cannot be applied given what the database holds, or null. */
  private conflictOf(
    job: RosterImportJobEntity,
    row: RosterRow,
    hash: Buffer | null,
    current: StudentEntity | undefined,
    holders: Map<string, StudentEntity>,
  ): RosterImportRejection | null {
    if (current?.importJobId === job.id && current.importLine !== null) {
      return repeatedNumber(row, current.importLine);
    }
    if (current && current.status !== 'active') {
      return {
        line: row.line,
        studentNumber: row.studentNumber,
        code: RejectionCodes.studentWithdrawn,
        reason: `student ${row.studentNumber} was withdrawn; an import does not enrol them again`,
      };
    }
    const holder = hash ? holders.get(hash.toString('hex')) : undefined;
    if (holder && holder.id !== current?.id) {
      if (holder.importJobId === job.id && holder.importLine !== null) {
        return repeatedNationalId(row, holder.importLine);
      }
      return {
        line: row.line,
        studentNumber: row.studentNumber,
        code: RejectionCodes.nationalIdConflict,
        reason:
          'national_id is already recorded for another student (a student from another school is transferred, not imported)',
      };
    }
    return null;
  }

  private newStudent(job: RosterImportJobEntity, row: RosterRow, now: Date): StudentEntity {
    const id = timeOrderedUuid();
    const sealed = row.nationalId ? this.protector.protect(row.nationalId, id) : null;
    return {
      id,
      schoolId: job.schoolId,
      studentNumber: row.studentNumber,
      name: row.name,
      gender: row.gender,
      dateOfBirth: row.dateOfBirth,
      grade: row.schoolClass.grade,
      classId: row.schoolClass.id,
      status: 'active',
      nationalIdCiphertext: sealed?.ciphertext ?? null,
      nationalIdHmac: sealed?.hmac ?? null,
      nationalIdLast4: sealed?.lastFour ?? null,
      enrolledAt: now,
      withdrawnAt: null,
      updatedAt: now,
      importJobId: job.id,
      importLine: row.line,
    };
  }
}

/** Details that differ; an empty national_id cell never erases a recorded number. */
function changedFieldsOf(current: StudentEntity, row: RosterRow, hash: Buffer | null): string[] {
  const changed: string[] = [];
  if (current.name !== row.name) changed.push('name');
  if (current.gender !== row.gender) changed.push('gender');
  if (current.dateOfBirth !== row.dateOfBirth) changed.push('dateOfBirth');
  if (hash && !(current.nationalIdHmac && hash.equals(current.nationalIdHmac))) {
    changed.push('nationalId');
  }
  return changed;
}

const repeatedNumber = (row: RosterRow, firstLine: number): RosterImportRejection => ({
  line: row.line,
  studentNumber: row.studentNumber,
  code: RejectionCodes.duplicateStudentNumber,
  reason: `student_number ${row.studentNumber} repeats line ${firstLine}`,
});

const repeatedNationalId = (row: RosterRow, firstLine: number): RosterImportRejection => ({
  line: row.line,
  studentNumber: row.studentNumber,
  code: RejectionCodes.duplicateNationalId,
  reason: `national_id repeats line ${firstLine}`,
});
