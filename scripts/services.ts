import type { ServiceDatabase } from '@app/database';
import { directoryDatabase } from '../apps/directory/src/database/database.js';

export interface DatabaseSettings {
  MYSQL_URL: string;
  DB_PREFIX: string;
}

/** Every service of the suite: its start file and, if it has one, its database. */
export const SERVICES: {
  name: string;
  main: string;
  database?: (s: DatabaseSettings) => ServiceDatabase;
}[] = [{ name: 'directory', main: 'dist/apps/directory/src/main.js', database: directoryDatabase }];

export const GATEWAY = { name: 'gateway', main: 'dist/apps/gateway/src/main.js' };
