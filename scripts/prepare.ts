import { DevSecrets, type KafkaConnection } from '@app/config';
import { allTopicSpecs } from '@app/contracts';
import { databaseName, ensureServiceUser, migrateDatabase, urlAs } from '@app/database';
import {
  createKafka,
  ensureAcls,
  ensureTopics,
  waitForKafka,
  warmUpGroupCoordinator,
} from '@app/messaging';
import { SERVICES, type DatabaseSettings } from './services.js';

export interface PrepareSettings extends DatabaseSettings {
  /** The broker, as its admin principal (topics and ACLs). */
  kafka: KafkaConnection;
}

export interface PrepareReport {
  createdTopics: string[];
  acls: number;
  migrations: Record<string, string[]>;
}

/**
 * A service's own MySQL password: `DB_PASSWORD_<SERVICE>` (upper case, `-` as `_`) from the
 * environment, else the development one (refused by the services in production).
 */
export function servicePassword(
  service: string,
  env: Record<string, string | undefined> = process.env,
): string {
  return (
    env[`DB_PASSWORD_${service.toUpperCase().replace(/-/g, '_')}`] || DevSecrets.dbPassword(service)
  );
}

/** The MySQL URL a service connects with: its own user, at the admin URL's server. */
export function serviceMysqlUrl(settings: DatabaseSettings, service: string): string {
  return urlAs(
    settings.MYSQL_URL,
    databaseName(settings.DB_PREFIX, service),
    servicePassword(service),
  );
}

/** The broker connection of scripts and tests: the `admin` principal (a super user). */
export function adminKafka(brokers: string[], env = process.env): KafkaConnection {
  const client = env.KAFKA_CLIENT === 'kafkajs' ? 'kafkajs' : 'platformatic';
  if (env.KAFKA_SASL_MECHANISM === 'none') return { brokers, client };
  return {
    brokers,
    client,
    sasl: {
      mechanism: 'scram-sha-256',
      username: 'admin',
      password: env.KAFKA_ADMIN_PASSWORD || DevSecrets.kafkaPassword('admin'),
    },
  };
}

/**
 * Makes the infrastructure ready for the suite: waits for Kafka, creates every topic that is
 * missing and each principal's ACLs, creates each service's database and its own MySQL user
 * (granted that database only) and runs its migrations. Idempotent.
 */
export async function prepareInfrastructure(
  settings: PrepareSettings,
  progress: (step: string) => void = () => undefined,
): Promise<PrepareReport> {
  const kafka = createKafka(settings.kafka, 'studentpass-prepare');
  progress('waiting for Kafka');
  await waitForKafka(kafka, 60_000);
  progress('creating topics');
  const createdTopics = await ensureTopics(kafka, allTopicSpecs());
  progress('granting each principal its topics');
  const acls = settings.kafka.sasl ? await ensureAcls(kafka) : 0;
  progress('waiting for the group coordinator');
  await warmUpGroupCoordinator(kafka, 60_000);
  const migrations: Record<string, string[]> = {};
  for (const service of SERVICES) {
    if (!service.database) continue;
    progress(`migrating ${service.name}`);
    const database = service.database(settings);
    migrations[service.name] = await migrateDatabase(database);
    await ensureServiceUser(settings.MYSQL_URL, database.database, servicePassword(service.name));
  }
  return { createdTopics, acls, migrations };
}
