import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A line of an import that was not imported, and why. */
@Entity({ name: 'roster_import_rejections' })
export class RosterImportRejectionEntity {
  @PrimaryColumn({ type: 'char', length: 36, name: 'job_id' })
  jobId!: string;

  @PrimaryColumn({ type: 'int' })
  line!: number;

  @Column({ type: 'varchar', length: 64, name: 'student_number', nullable: true })
  studentNumber!: string | null;

  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;
}
