import { allTopicSpecs } from '@app/contracts';
import { migrateDatabase } from '@app/database';
import { createKafka, ensureTopics, waitForKafka, warmUpGroupCoordinator } from '@app/messaging';
import { SERVICES, type DatabaseSettings } from './services.js';

export interface PrepareSettings extends DatabaseSettings {
  brokers: string[];
}

export interface PrepareReport {
  createdTopics: string[];
  migrations: Record<string, string[]>;
}

/**
 * Makes the infrastructure ready for the suite: waits for Kafka, creates every topic that is
 * missing, creates each service's database and runs its migrations. Idempotent.
 */
export async function prepareInfrastructure(
  settings: PrepareSettings,
  progress: (step: string) => void = () => undefined,
): Promise<PrepareReport> {
  const kafka = createKafka(settings.brokers, 'studentpass-prepare');
  progress('waiting for Kafka');
  await waitForKafka(kafka, 60_000);
  progress('creating topics');
  const createdTopics = await ensureTopics(kafka, allTopicSpecs());
  progress('waiting for the group coordinator');
  await warmUpGroupCoordinator(kafka, 60_000);
  const migrations: Record<string, string[]> = {};
  for (const service of SERVICES) {
    if (!service.database) continue;
    progress(`migrating ${service.name}`);
    migrations[service.name] = await migrateDatabase(service.database(settings));
  }
  return { createdTopics, migrations };
}
