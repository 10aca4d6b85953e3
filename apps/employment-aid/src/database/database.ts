import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { SERVICE_NAME, type EmploymentAidConfig } from '../config.js';

/** Entities and migrations listed explicitly: ESM builds cannot load them by file glob. */
export const employmentAidEntities: (new () => object)[] = [
  OutboxEventEntity,
  ProcessedEventEntity,
];
export const employmentAidMigrations: (new () => object)[] = [CreateMessagingTables1764300000000];

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
