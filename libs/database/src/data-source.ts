import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface ServiceDatabase {
  /** Server URL without a database name, e.g. mysql://root@127.0.0.1:3306 */
  url: string;
  /** The service's own database name. */
  database: string;
  entities: ClassList;
  migrations: ClassList;
}

export function databaseName(prefix: string, service: string): string {
  return `${prefix}${service.replace(/-/g, '_')}`;
}

/**
 * Data source options for a service. Never `synchronize`: the schema comes from migrations.
 * Dates are stored and read as UTC; local calendar dates are plain DATE columns.
 */
export function dataSourceOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'mysql',
    url: `${db.url.replace(/\/$/, '')}/${db.database}`,
    entities: db.entities,
    migrations: db.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 10 },
  };
}

/** Creates the service's database if missing (utf8mb4), so a fresh MySQL needs nothing by hand. */
export async function ensureDatabase(url: string, database: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Bad database name: ${database}`);
  const connection = await createConnection({ uri: url.replace(/\/$/, '') });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

/** Creates the database if needed and runs pending migrations; returns their names. */
export async function migrateDatabase(db: ServiceDatabase): Promise<string[]> {
  await ensureDatabase(db.url, db.database);
  const dataSource = new DataSource(dataSourceOptions(db));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Drops the database: for tests only. */
export async function dropDatabase(url: string, database: string): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Bad database name: ${database}`);
  const connection = await createConnection({ uri: url.replace(/\/$/, '') });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
  } finally {
    await connection.end();
  }
}
