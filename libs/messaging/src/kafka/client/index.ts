import type { KafkaConnection } from '@app/config';
import type { KafkaClient } from './kafka-client.js';
import { KafkajsClient } from './kafkajs-client.js';
import { PlatformaticClient } from './platformatic-client.js';

export * from './kafka-client.js';

/** The Kafka client for `connection`, over the library it names (`KAFKA_CLIENT`). */
export function createKafkaClient(connection: KafkaConnection, clientId: string): KafkaClient {
  switch (connection.client ?? 'platformatic') {
    case 'kafkajs':
      return new KafkajsClient(connection, clientId);
    case 'platformatic':
      return new PlatformaticClient(connection, clientId);
  }
}
