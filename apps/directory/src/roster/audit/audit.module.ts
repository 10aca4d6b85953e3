import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log.js';

/** The audit trail of sensitive reads, for every feature that hands out sensitive data. */
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
