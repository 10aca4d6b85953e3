import type { ServiceDatabase } from '@app/database';
import { directoryDatabase } from '../apps/directory/src/database/database.js';
import { employmentAidDatabase } from '../apps/employment-aid/src/database/database.js';
import { venuesDatabase } from '../apps/venues/src/database/database.js';
import { screeningsDatabase } from '../apps/screenings/src/database/database.js';
import { studyToursDatabase } from '../apps/study-tours/src/database/database.js';
import { quotasDatabase } from '../apps/quotas/src/database/database.js';

export interface DatabaseSettings {
  MYSQL_URL: string;
  DB_PREFIX: string;
}

/** Every service of the suite: its start file and, if it has one, its database. */
export const SERVICES: {
  name: string;
  main: string;
  database?: (s: DatabaseSettings) => ServiceDatabase;
}[] = [
  { name: 'directory', main: 'dist/apps/directory/src/main.js', database: directoryDatabase },
  { name: 'venues', main: 'dist/apps/venues/src/main.js', database: venuesDatabase },
  {
    name: 'employment-aid',
    main: 'dist/apps/employment-aid/src/main.js',
    database: employmentAidDatabase,
  },
  { name: 'screenings', main: 'dist/apps/screenings/src/main.js', database: screeningsDatabase },
  { name: 'study-tours', main: 'dist/apps/study-tours/src/main.js', database: studyToursDatabase },
  { name: 'quotas', main: 'dist/apps/quotas/src/main.js', database: quotasDatabase },
];

export const GATEWAY = { name: 'gateway', main: 'dist/apps/gateway/src/main.js' };
