import 'reflect-metadata';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateDatabase, type ServiceDatabase } from '@app/database';
import { createKafka, createKafkaClient } from '@app/messaging';
import {
  CreateMessagingTables1764300000000,
  OutboxEventEntity,
  ProcessedEventEntity,
} from '@app/messaging';
import { testEnv } from '../../../scripts/test-infra.js';

/** A table standing for "the change" an event describes or a consumer makes. */
export class CreateItEffects1764300009999 implements MigrationInterface {
  name = 'CreateItEffects1764300009999';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE it_effects (
      id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      event_id CHAR(36) NULL,
      note VARCHAR(200) NOT NULL
    ) ENGINE=InnoDB`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE it_effects');
  }
}

/** A roster read model of the tests' own, as a service keeps one. */
export class CreateItRoster1764300009998 implements MigrationInterface {
  name = 'CreateItRoster1764300009998';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE it_roster (
      student_id CHAR(36) NOT NULL PRIMARY KEY,
      school_id CHAR(36) NOT NULL,
      class_id CHAR(36) NULL,
      enrolled TINYINT NOT NULL,
      updated_at DATETIME(3) NOT NULL
    ) ENGINE=InnoDB`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE it_roster');
  }
}

export const messagingTestDatabase: ServiceDatabase = {
  url: testEnv.mysqlUrl,
  database: `${testEnv.dbPrefix}messaging`,
  entities: [OutboxEventEntity, ProcessedEventEntity],
  migrations: [
    CreateMessagingTables1764300000000,
    CreateItRoster1764300009998,
    CreateItEffects1764300009999,
  ],
};

/** The messaging test database, migrated, and emptied of earlier runs' rows. */
export async function openTestDatabase(): Promise<DataSource> {
  await migrateDatabase(messagingTestDatabase);
  const dataSource = new DataSource(dataSourceOptions(messagingTestDatabase));
  await dataSource.initialize();
  await dataSource.query('DELETE FROM outbox_events');
  await dataSource.query('DELETE FROM processed_events');
  await dataSource.query('DELETE FROM it_effects');
  return dataSource;
}

export const testKafka = (clientId: string) => createKafka(testEnv.kafka, clientId);
/** Our client interface over the library `KAFKA_CLIENT` names (@platformatic/kafka by default). */
export const testClient = (clientId: string) => createKafkaClient(testEnv.kafka, clientId);
export { testEnv };
