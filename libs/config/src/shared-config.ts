import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/** Good for a laptop only: `loadConfig` refuses it when NODE_ENV=production. */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

/** Env variables every app reads. Apps extend this class with their own. */
export class BaseConfig {
  /** Comma-separated host:port list. */
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, {
    message: 'KAFKA_BROKERS must be host:port[,host:port]',
  })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /** Server URL without a database: each service adds its own database name. */
  @Matches(/^mysql:\/\/[^/]+\/?$/, {
    message: 'MYSQL_URL must look like mysql://user:pass@host:port',
  })
  MYSQL_URL: string = 'mysql://root@127.0.0.1:3306';

  /** Databases are `<prefix><service>`, e.g. `studentpass_directory`; tests use another prefix. */
  @Matches(/^[a-z0-9_]+$/)
  DB_PREFIX: string = 'studentpass_';

  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString()
  @IsNotEmpty()
  JWT_SECRET: string = DEV_JWT_SECRET;

  /** Time a gateway waits for any service reply before answering 504. */
  @IsInt()
  @Min(100)
  @Max(120000)
  REQUEST_TIMEOUT_MS: number = 5000;
}

export function brokersOf(config: BaseConfig): string[] {
  return config.KAFKA_BROKERS.split(',');
}
