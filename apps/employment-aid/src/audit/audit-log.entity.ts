import { Entity } from 'typeorm';
import { AuditLogColumns } from '@app/sensitive-data';

/** Reads of graduates' sensitive fields (created in migration 1764500000000-CreateEmploymentAid). */
@Entity({ name: 'aid_audit_log' })
export class AuditLogEntity extends AuditLogColumns {}
