import type { DataSourceOptions } from 'typeorm';
import { databaseName, dataSourceOptions, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { SERVICE_NAME, type VenuesConfig } from '../config.js';
import { CreateVenues1764400000000 } from './migrations/1764400000000-CreateVenues.js';
import { CreateWaitlist1764400000100 } from './migrations/1764400000100-CreateWaitlist.js';
import { CreateActivities1764400000200 } from './migrations/1764400000200-CreateActivities.js';
import { CreateVenueStudents1764400000300 } from './migrations/1764400000300-CreateVenueStudents.js';
import { CalendarChangeBookings1764400000400 } from './migrations/1764400000400-CalendarChangeBookings.js';
import { CreateGroupWaitlist1764400000500 } from './migrations/1764400000500-CreateGroupWaitlist.js';

/**
 * Entities and migrations listed explicitly: ESM builds cannot load them by file glob. The
 * venues tables are read and written by their repositories in plain SQL (no entities).
 */
export const venuesEntities: (new () => object)[] = [OutboxEventEntity, ProcessedEventEntity];
export const venuesMigrations: (new () => object)[] = [
  CreateMessagingTables1764300000000,
  CreateVenues1764400000000,
  CreateWaitlist1764400000100,
  CreateActivities1764400000200,
  CreateVenueStudents1764400000300,
  CalendarChangeBookings1764400000400,
  CreateGroupWaitlist1764400000500,
];

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

/**
 * The service's own connections: as every service's, plus multi-statement queries, which a
 * booking uses to send its whole transaction in one round trip (bookings.repository.ts).
 * Every query of the service binds its values as parameters, never by string building.
 */
export function venuesDataSourceOptions(
  config: Pick<VenuesConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): DataSourceOptions {
  return {
    ...dataSourceOptions(venuesDatabase(config)),
    multipleStatements: true,
  } as DataSourceOptions;
}
