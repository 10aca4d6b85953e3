import { Module } from '@nestjs/common';
import { AuditLog, auditLogProvider } from '@app/sensitive-data';
import { Clock } from '@app/time';
import { AuditLogEntity } from './audit-log.entity.js';

/** The audit trail of sensitive reads, for every feature that hands out sensitive data. */
@Module({
  providers: [Clock, auditLogProvider(AuditLogEntity)],
  exports: [AuditLog],
})
export class AuditModule {}
