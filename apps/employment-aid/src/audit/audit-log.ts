import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@app/contracts';
import { currentRequestId } from '@app/logging';
import { Clock } from '@app/time';
import { AuditLogEntity } from './audit-log.entity.js';

export interface AuditedRead {
  actor: Actor;
  /** `<subject>.<what>.<verb>`, e.g. `graduate.categories.read`. */
  action: string;
  subjectType: string;
  subjectId: string;
  subjectOrganisationId: string | null;
  fields: string[];
}

/**
 * Who read which sensitive fields of whom, when, under which request id (the directory's
 * pattern, copied). Written before the data is handed out: a read that cannot be audited
 * does not happen.
 */
@Injectable()
export class AuditLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditedRead, manager?: EntityManager): Promise<string> {
    const id = randomUUID();
    await (manager ?? this.dataSource.manager).insert(AuditLogEntity, {
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
