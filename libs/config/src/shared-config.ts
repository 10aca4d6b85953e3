import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DevSecrets } from './committed-secrets.js';

/** Good for a laptop only: `loadConfig` refuses it when NODE_ENV=production. */
export const DEV_JWT_SECRET = DevSecrets.jwt;

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

  /**
   * How apps authenticate to the broker: SCRAM-SHA-256 (the local broker's and the
   * manifests' default) or `none` for a broker without authentication.
   */
  @IsIn(['scram-sha-256', 'scram-sha-512', 'none'])
  KAFKA_SASL_MECHANISM: 'scram-sha-256' | 'scram-sha-512' | 'none' = 'scram-sha-256';

  /**
   * The Kafka client library under the transport (libs/messaging, `KafkaClient`): both
   * implement one interface; docs/architecture.md says why the default is the default.
   */
  @IsIn(['kafkajs', 'platformatic'])
  KAFKA_CLIENT: KafkaClientKind = 'platformatic';

  /** The app's principal on the broker; by default the app's own name (`venues`). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+$/)
  KAFKA_USERNAME?: string;

  /** The principal's password; the development one if unset (refused in production). */
  @IsOptional()
  @IsString()
  KAFKA_PASSWORD?: string;

  /**
   * Request/reply payloads are sealed with a key per service (libs/messaging, PayloadCipher).
   * The gateway holds the master key (base64 of 32 bytes); a service holds RPC_SERVICE_KEY, its
   * own key (`npm run rpc-keys`), or derives it from the master key. Unset: development keys,
   * refused in production.
   */
  @IsOptional()
  @IsString()
  RPC_MASTER_KEY?: string;

  @IsOptional()
  @IsString()
  RPC_SERVICE_KEY?: string;

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

/** Where and as whom a Kafka client connects. */
export interface KafkaConnection {
  brokers: string[];
  sasl?: KafkaSasl;
  /** The client library to connect with; `platformatic` when unset. */
  client?: KafkaClientKind;
}

export type KafkaClientKind = 'kafkajs' | 'platformatic';

export type KafkaSasl =
  | { mechanism: 'scram-sha-256'; username: string; password: string }
  | { mechanism: 'scram-sha-512'; username: string; password: string };

/**
 * The broker connection of an app, as `principal` (its own name) unless KAFKA_USERNAME says
 * otherwise. Each app has a principal of its own, and the broker's ACLs let it read and write
 * only its own topics (scripts/prepare.ts, `kafkaAcls`).
 */
export function kafkaOf(config: BaseConfig, principal: string): KafkaConnection {
  const brokers = brokersOf(config);
  const client = config.KAFKA_CLIENT;
  if (config.KAFKA_SASL_MECHANISM === 'none') return { brokers, client };
  const username = config.KAFKA_USERNAME ?? principal;
  const password = config.KAFKA_PASSWORD ?? DevSecrets.kafkaPassword(username);
  return {
    brokers,
    client,
    sasl: { mechanism: config.KAFKA_SASL_MECHANISM, username, password },
  };
}
