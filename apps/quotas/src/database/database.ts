import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { SERVICE_NAME, type QuotasConfig } from '../config.js';
import { CreateQuotas1764600000000 } from './migrations/1764600000000-CreateQuotas.js';
import { StudentPlacementTime1764600000300 } from './migrations/1764600000300-StudentPlacementTime.js';
import { LedgerKeys1764700000000 } from './migrations/1764700000000-LedgerKeys.js';
import { AsciiKeys1764700000100 } from './migrations/1764700000100-AsciiKeys.js';
import { StudyTourBookings1765100000000 } from './migrations/1765100000000-StudyTourBookings.js';
import { StudentNames1765200000000 } from './migrations/1765200000000-StudentNames.js';
import { StudentEntity } from '../read-model/student.entity.js';

/** Entities and migrations listed explicitly (ESM); the quotas tables are queried in plain SQL. */
export const quotasEntities: (new () => object)[] = [
  OutboxEventEntity,
  ProcessedEventEntity,
  StudentEntity,
];
export const quotasMigrations: (new () => object)[] = [
  CreateMessagingTables1764300000000,
  CreateQuotas1764600000000,
  StudentPlacementTime1764600000300,
  LedgerKeys1764700000000,
  AsciiKeys1764700000100,
  StudyTourBookings1765100000000,
  StudentNames1765200000000,
];

export function quotasDatabase(
  config: Pick<QuotasConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: quotasEntities,
    migrations: quotasMigrations,
  };
}
