import { randomUUID } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Column, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@app/contracts';
import { currentRequestId } from '@app/logging';
import { Clock } from '@app/time';

/**
 * The columns of an audit table: one read of sensitive fields by a person, append-only.
 * Each service keeps its own table and migration, declaring the entity as
 * `@Entity({ name: 'audit_log' }) class AuditLogEntity extends AuditLogColumns {}`.
 */
export abstract class AuditLogColumns {
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

  /** The organisation the subject belongs to (a student's school, a graduate's university). */
  @Column({ type: 'char', length: 36, name: 'subject_organisation_id', nullable: true })
  subjectOrganisationId!: string | null;

  /** JSON array of the field names read. */
  @Column({ type: 'longtext' })
  fields!: string;

  @Column({ type: 'varchar', length: 100, name: 'request_id', nullable: true })
  requestId!: string | null;
}

export interface AuditedRead {
  actor: Actor;
  /** What was done, `<subject>.<what>.<verb>`, e.g. `student.sensitive.read`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** The organisation the subject belongs to, e.g. a student's school. */
  subjectOrganisationId: string | null;
  /** The names of the sensitive fields that were read. */
  fields: string[];
}

/**
 * The audit trail of reads of sensitive data: who, from which organisation, read which
 * fields of whom, when, under which request id. Write the row before handing the data out,
 * so a read that cannot be audited does not happen. Provide it with `auditLogProvider`.
 */
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly table: new () => AuditLogColumns,
    private readonly clock: Clock,
  ) {}

  /** Records one read; inside `manager`'s transaction when given. Returns the row's id. */
  async record(entry: AuditedRead, manager?: EntityManager): Promise<string> {
    const id = randomUUID();
    await (manager ?? this.dataSource.manager).insert(this.table, {
      id,
      occurredAt: this.clock.now(),
      actorAccountId: entry.actor.accountId,
      actorRole: entry.actor.role,
      actorOrganisationId: entry.actor.organisationId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      subjectOrganisationId: entry.subjectOrganisationId,
      fields: JSON.stringify(entry.fields),
      requestId: currentRequestId() ?? null,
    });
    return id;
  }
}

/** `AuditLog` writing to the service's own table, timed by the module's `Clock`. */
export function auditLogProvider(table: new () => AuditLogColumns): Provider {
  return {
    provide: AuditLog,
    inject: [getDataSourceToken(), Clock],
    useFactory: (dataSource: DataSource, clock: Clock) => new AuditLog(dataSource, table, clock),
  };
}
