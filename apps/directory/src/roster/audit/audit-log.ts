import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@app/contracts';
import { currentRequestId } from '@app/logging';
import { AuditLogEntity } from './audit-log.entity.js';

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
 * The audit trail of reads of sensitive data (national IDs now; hardship categories and
 * disability later): who, from which organisation, read which fields of whom, when, under
 * which request id. Write the row before handing the data out, so a read that cannot be
 * audited does not happen.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records one read; inside `manager`'s transaction when given. Returns the row's id. */
  async record(entry: AuditedRead, manager?: EntityManager): Promise<string> {
    const id = randomUUID();
    await (manager ?? this.dataSource.manager).insert(AuditLogEntity, {
      id,
      occurredAt: new Date(),
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
