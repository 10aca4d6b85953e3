import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { AccountEntity } from '../accounts/account.entity.js';
import { calendarEntities, calendarMigrations } from '../calendar/calendar.persistence.js';
import type { DirectoryConfig } from '../config.js';
import { SERVICE_NAME } from '../config.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { rosterEntities, rosterMigrations } from '../roster/roster.persistence.js';
import { CreateAccounts1764300000100 } from './migrations/1764300000100-CreateAccounts.js';
import { CreateOrganisations1764300000200 } from './migrations/1764300000200-CreateOrganisations.js';
import { LockoutAndRefreshTokens1764300000300 } from './migrations/1764300000300-LockoutAndRefreshTokens.js';
import { LinkStudentAccounts1764300000400 } from './migrations/1764300000400-LinkStudentAccounts.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { LoginFailuresPerAddress1765130000100 } from './migrations/1765130000100-LoginFailuresPerAddress.js';
import { AccountManagement1765140000500 } from './migrations/1765140000500-AccountManagement.js';

/**
 * Entities and migrations listed explicitly: ESM builds cannot load them by file glob.
 * TypeORM runs migrations in the order of the timestamp in their names: accounts and
 * organisations use 17643000xxxxx, the calendar 17643002xxxxx, the roster 17643003xxxxx.
 */
export function directoryDatabase(
  config: Pick<DirectoryConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: [
      AccountEntity,
      RefreshTokenEntity,
      LoginFailureEntity,
      OrganisationEntity,
      OutboxEventEntity,
      ProcessedEventEntity,
      ...calendarEntities,
      ...rosterEntities,
    ],
    migrations: [
      CreateMessagingTables1764300000000,
      CreateAccounts1764300000100,
      CreateOrganisations1764300000200,
      LockoutAndRefreshTokens1764300000300,
      ...calendarMigrations,
      ...rosterMigrations,
      // After the roster: it names a student.
      LinkStudentAccounts1764300000400,
      LoginFailuresPerAddress1765130000100,
      AccountManagement1765140000500,
    ],
  };
}
