import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RosterImportStatus } from '@app/contracts';

/** A roster import: its file arrives in chunks, then the runner works through it in batches. */
@Entity({ name: 'roster_import_jobs' })
export class RosterImportJobEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'school_id' })
  schoolId!: string;

  @Column({ type: 'char', length: 9, name: 'school_year' })
  schoolYear!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: RosterImportStatus;

  @Column({ type: 'char', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: 'char', length: 36, name: 'created_by_organisation_id', nullable: true })
  createdByOrganisationId!: string | null;

  /** The upload's request id: the job's logs and events carry it as their correlation id. */
  @Column({ type: 'varchar', length: 100, name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column({
    type: 'bigint',
    name: 'file_bytes',
    transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
  })
  fileBytes!: number;

  @Column({ type: 'int', name: 'chunk_count' })
  chunkCount!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  encoding!: 'utf-8' | 'gbk' | null;

  @Column({ type: 'int', name: 'total_rows', nullable: true })
  totalRows!: number | null;

  /** Data rows done, committed with each batch: a restarted job resumes after them. */
  @Column({ type: 'int', name: 'rows_processed' })
  rowsProcessed!: number;

  @Column({ type: 'int', name: 'created_count' })
  createdCount!: number;

  @Column({ type: 'int', name: 'moved_count' })
  movedCount!: number;

  @Column({ type: 'int', name: 'updated_count' })
  updatedCount!: number;

  @Column({ type: 'int', name: 'unchanged_count' })
  unchangedCount!: number;

  @Column({ type: 'int', name: 'rejected_count' })
  rejectedCount!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 100, name: 'worker_id', nullable: true })
  workerId!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'heartbeat_at', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'queued_at', nullable: true })
  queuedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
