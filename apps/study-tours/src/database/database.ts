import { databaseName, type ServiceDatabase } from '@app/database';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { SERVICE_NAME, type StudyToursConfig } from '../config.js';
import { CreateStudyTours1764600000000 } from './migrations/1764600000000-CreateStudyTours.js';
import { StudentPlacementTime1764600000300 } from './migrations/1764600000300-StudentPlacementTime.js';
import { SafeTourBookings1765100000000 } from './migrations/1765100000000-SafeTourBookings.js';
import { TourDeadlinesAndProgrammeEdits1765200000000 } from './migrations/1765200000000-TourDeadlinesAndProgrammeEdits.js';

/**
 * Entities and migrations listed explicitly: ESM builds cannot load them by file glob. The
 * study-tours tables are read and written by their repositories in plain SQL (no entities).
 */
export const studyToursEntities: (new () => object)[] = [OutboxEventEntity, ProcessedEventEntity];
export const studyToursMigrations: (new () => object)[] = [
  CreateMessagingTables1764300000000,
  CreateStudyTours1764600000000,
  StudentPlacementTime1764600000300,
  SafeTourBookings1765100000000,
  TourDeadlinesAndProgrammeEdits1765200000000,
];

export function studyToursDatabase(
  config: Pick<StudyToursConfig, 'MYSQL_URL' | 'DB_PREFIX'>,
): ServiceDatabase {
  return {
    url: config.MYSQL_URL,
    database: databaseName(config.DB_PREFIX, SERVICE_NAME),
    entities: studyToursEntities,
    migrations: studyToursMigrations,
  };
}
