import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A piece of an uploaded roster file, kept until its job ends. */
@Entity({ name: 'roster_import_chunks' })
export class RosterImportChunkEntity {
  @PrimaryColumn({ type: 'char', length: 36, name: 'job_id' })
  jobId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'mediumblob' })
  data!: Buffer;
}
