import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { AccountEntity } from '../accounts/account.entity.js';
import type { DirectoryConfig } from '../config.js';
import { SERVICE_NAME } from '../config.js';
import { CreateAccounts1764300000100 } from './migrations/1764300000100-CreateAccounts.js';

/** Entities and migrations listed explicitly: ESM builds cannot load them by file glob. */
export function directoryDatabase(
  config: Pick<DirectoryConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: [AccountEntity, OutboxEventEntity, ProcessedEventEntity],
    migrations: [CreateMessagingTables1764300000000, CreateAccounts1764300000100],
  };
}
