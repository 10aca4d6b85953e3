import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { AssignmentEntity } from '../assignments/assignment.entity.js';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { SERVICE_NAME, type EmploymentAidConfig } from '../config.js';
import { GraduateEntity } from '../graduates/graduate.entity.js';
import { MentorEntity } from '../mentors/mentor.entity.js';
import { AccountEntity } from '../organisations/account.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { PostingEntity } from '../postings/posting.entity.js';
import { OutcomeEntity } from '../outcomes/outcome.entity.js';
import { GoalEntity, ReferralEntity } from '../plans/plan.entities.js';
import { SessionEntity, SessionRevisionEntity } from '../sessions/session.entities.js';
import { TrainingEnrolmentEntity, TrainingEntity } from '../trainings/training.entities.js';
import { CreateEmploymentAid1764500000000 } from './migrations/1764500000000-CreateEmploymentAid.js';
import { CreatePostings1764500000100 } from './migrations/1764500000100-CreatePostings.js';
import { CreateAccounts1764500000200 } from './migrations/1764500000200-CreateAccounts.js';
import { GraduateSelfService1764500000300 } from './migrations/1764500000300-GraduateSelfService.js';

/** Entities and migrations listed explicitly: ESM builds cannot load them by file glob. */
export const employmentAidEntities: (new () => object)[] = [
  OutboxEventEntity,
  ProcessedEventEntity,
  OrganisationEntity,
  GraduateEntity,
  MentorEntity,
  AssignmentEntity,
  GoalEntity,
  ReferralEntity,
  SessionEntity,
  SessionRevisionEntity,
  OutcomeEntity,
  TrainingEntity,
  TrainingEnrolmentEntity,
  AuditLogEntity,
  PostingEntity,
  AccountEntity,
];
export const employmentAidMigrations: (new () => object)[] = [
  CreateMessagingTables1764300000000,
  CreateEmploymentAid1764500000000,
  CreatePostings1764500000100,
  CreateAccounts1764500000200,
  GraduateSelfService1764500000300,
];

export function employmentAidDatabase(
  config: Pick<EmploymentAidConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: employmentAidEntities,
    migrations: employmentAidMigrations,
  };
}
