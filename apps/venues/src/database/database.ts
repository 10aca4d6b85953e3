import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { SERVICE_NAME, type VenuesConfig } from '../config.js';

/** Entities and migrations listed explicitly: ESM builds cannot load them by file glob. */
export const venuesEntities: (new () => object)[] = [OutboxEventEntity, ProcessedEventEntity];
export const venuesMigrations: (new () => object)[] = [CreateMessagingTables1764300000000];

export function venuesDatabase(
  config: Pick<VenuesConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: venuesEntities,
    migrations: venuesMigrations,
  };
}
