import { AuditLogEntity } from './audit/audit-log.entity.js';
import { SchoolClassEntity } from './classes/school-class.entity.js';
import { RosterImportChunkEntity } from './imports/import-chunk.entity.js';
import { RosterImportJobEntity } from './imports/import-job.entity.js';
import { RosterImportRejectionEntity } from './imports/import-rejection.entity.js';
import { CreateRoster1764300300000 } from './migrations/1764300300000-CreateRoster.js';
import { CreateAuditLog1764300300100 } from './migrations/1764300300100-CreateAuditLog.js';
import { CreateRosterImports1764300300200 } from './migrations/1764300300200-CreateRosterImports.js';
import { StudentHistoryEntity } from './students/student-history.entity.js';
import { StudentEntity } from './students/student.entity.js';

/** The roster feature's entities and migrations, registered in database/database.ts. */
export const rosterEntities: (new () => object)[] = [
  SchoolClassEntity,
  StudentEntity,
  StudentHistoryEntity,
  AuditLogEntity,
  RosterImportJobEntity,
  RosterImportChunkEntity,
  RosterImportRejectionEntity,
];
export const rosterMigrations: (new () => object)[] = [
  CreateRoster1764300300000,
  CreateAuditLog1764300300100,
  CreateRosterImports1764300300200,
];
