import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { SERVICE_NAME, type ScreeningsConfig } from '../config.js';
import { CreateScreenings1764600000000 } from './migrations/1764600000000-CreateScreenings.js';
import { CreateAreaCalendar1764600000100 } from './migrations/1764600000100-CreateAreaCalendar.js';

/**
 * Entities and migrations listed explicitly: ESM builds cannot load them by file glob. The
 * screenings tables are read and written by their repositories in plain SQL (no entities).
 */
export const screeningsEntities: (new () => object)[] = [OutboxEventEntity, ProcessedEventEntity];
export const screeningsMigrations: (new () => object)[] = [
  CreateMessagingTables1764300000000,
  CreateScreenings1764600000000,
  CreateAreaCalendar1764600000100,
];

export function screeningsDatabase(
  config: Pick<ScreeningsConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: screeningsEntities,
    migrations: screeningsMigrations,
  };
}
