import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One read of sensitive fields by a person. Append-only. */
@Entity({ name: 'aid_audit_log' })
export class AuditLogEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'datetime', precision: 3, name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'char', length: 36, name: 'actor_account_id' })
  actorAccountId!: string;

  @Column({ type: 'varchar', length: 40, name: 'actor_role' })
  actorRole!: string;

  @Column({ type: 'char', length: 36, name: 'actor_organisation_id', nullable: true })
  actorOrganisationId!: string | null;

  /** What was done, e.g. `student.sensitive.read`. */
  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ type: 'varchar', length: 50, name: 'subject_type' })
  subjectType!: string;

  @Column({ type: 'char', length: 36, name: 'subject_id' })
  subjectId!: string;

  /** The organisation the subject belongs to (a graduate's university). */
  @Column({ type: 'char', length: 36, name: 'subject_organisation_id', nullable: true })
  subjectOrganisationId!: string | null;

  /** JSON array of the field names read. */
  @Column({ type: 'longtext' })
  fields!: string;

  @Column({ type: 'varchar', length: 100, name: 'request_id', nullable: true })
  requestId!: string | null;
}
