import { Entity } from 'typeorm';
import { AuditLogColumns } from '@app/sensitive-data';

/** Reads of students' sensitive fields (migration 1764300300100-CreateAuditLog). */
@Entity({ name: 'audit_log' })
export class AuditLogEntity extends AuditLogColumns {}
