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

/**
 * The service's own MySQL user, named like its database and granted only that database:
 * a service that is broken into reads nobody else's tables. Created, or given `password`
 * anew, by `prepare` with the admin URL. The host part is `%`, so the user connects from
 * another container as well as from this machine.
 */
export async function ensureServiceUser(
  adminUrl: string,
  database: string,
  password: string,
): Promise<void> {
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Bad database name: ${database}`);
  if (database.length > 32)
    throw new Error(`${database}: MySQL user names have 32 characters at most`);
  const connection = await createConnection({ uri: adminUrl.replace(/\/$/, '') });
  try {
    await connection.query('CREATE USER IF NOT EXISTS ?@? IDENTIFIED BY ?', [
      database,
      '%',
      password,
    ]);
    await connection.query('ALTER USER ?@? IDENTIFIED BY ?', [database, '%', password]);
    // `_` is a wildcard in a GRANT's database name: escaped, the grant names this database only.
    const exact = database.replace(/_/g, '\\_');
    await connection.query(`GRANT ALL PRIVILEGES ON \`${exact}\`.* TO ?@?`, [database, '%']);
  } finally {
    await connection.end();
  }
}

/** `serverUrl` (mysql://admin:pw@host:port) with another user and password. */
export function urlAs(serverUrl: string, user: string, password: string): string {
  const url = new URL(serverUrl);
  url.username = user;
  url.password = password;
  return url.toString().replace(/\/$/, '');
}

/** A MySQL URL fit for a log or a console message: the password replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
