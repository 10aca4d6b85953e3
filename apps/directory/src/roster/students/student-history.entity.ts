import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StudentHistoryKind } from '@app/contracts';

/** One change of a student: who, when, from where to where, and why. Append-only. */
@Entity({ name: 'student_history' })
export class StudentHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'char', length: 36, name: 'student_id' })
  studentId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: StudentHistoryKind;

  @Column({ type: 'datetime', precision: 3, name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'char', length: 36, name: 'actor_account_id', nullable: true })
  actorAccountId!: string | null;

  @Column({ type: 'char', length: 36, name: 'actor_organisation_id', nullable: true })
  actorOrganisationId!: string | null;

  @Column({ type: 'char', length: 36, name: 'from_school_id', nullable: true })
  fromSchoolId!: string | null;

  @Column({ type: 'char', length: 36, name: 'from_class_id', nullable: true })
  fromClassId!: string | null;

  @Column({ type: 'tinyint', unsigned: true, name: 'from_grade', nullable: true })
  fromGrade!: number | null;

  @Column({ type: 'char', length: 36, name: 'to_school_id', nullable: true })
  toSchoolId!: string | null;

  @Column({ type: 'char', length: 36, name: 'to_class_id', nullable: true })
  toClassId!: string | null;

  @Column({ type: 'tinyint', unsigned: true, name: 'to_grade', nullable: true })
  toGrade!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  /** JSON array of field names, for `updated`. */
  @Column({ type: 'longtext', name: 'changed_fields', nullable: true })
  changedFields!: string | null;

  @Column({ type: 'char', length: 36, name: 'import_job_id', nullable: true })
  importJobId!: string | null;

  @Column({ type: 'varchar', length: 100, name: 'request_id', nullable: true })
  requestId!: string | null;
}
