import { Logger } from '@nestjs/common';
import kafkajs, {
  type Consumer,
  type EachBatchPayload,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
} from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import { createKafka } from '../kafka.js';
import type {
  Assignment,
  GroupConsumer,
  GroupConsumerOptions,
  IncomingMessage,
  KafkaAdmin,
  KafkaClient,
  MessageProducer,
  TopicMessages,
} from './kafka-client.js';
import { handleUntilDone } from './retry.js';

/** The Kafka client interface over kafkajs 2.2 (CommonJS, unmaintained since 2023). */
export class KafkajsClient implements KafkaClient {
  readonly kind = 'kafkajs' as const;
  private readonly kafka: Kafka;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly clientId: string,
  ) {
    this.kafka = createKafka(connection, clientId, {
      retry: { initialRetryTime: 100, retries: 8 },
    });
  }

  producer(): MessageProducer {
    const producer = this.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
      // A retried produce whose first attempt reached the broker is written once (a broker
      // restart doubled outbox events without it). kafkajs needs one request in flight for
      // that; coalesceSends sends one batch at a time anyway.
      idempotent: true,
      maxInFlightRequests: 1,
    });
    return {
      connect: () => producer.connect(),
      send: async (batch: TopicMessages[]) => {
        await producer.sendBatch({ acks: -1, topicMessages: batch });
      },
      disconnect: () => producer.disconnect(),
    };
  }

  consumer(options: GroupConsumerOptions): GroupConsumer {
    return new KafkajsGroupConsumer(this.kafka, options);
  }

  admin(options: { retries?: number; connectTimeoutMs?: number } = {}): KafkaAdmin {
    const kafka =
      options.retries === undefined && options.connectTimeoutMs === undefined
        ? this.kafka
        : createKafka(this.connection, this.clientId, {
            retry: { retries: options.retries ?? 5 },
            ...(options.connectTimeoutMs ? { connectionTimeout: options.connectTimeoutMs } : {}),
            logLevel: kafkajs.logLevel.NOTHING,
          });
    const admin = kafka.admin();
    return {
      connect: () => admin.connect(),
      listTopics: () => admin.listTopics(),
      createTopics: async (topics) => {
        await admin.createTopics({
          topics: topics.map((t) => ({
            topic: t.topic,
            numPartitions: t.partitions,
            replicationFactor: 1,
          })),
          waitForLeaders: true,
        });
      },
      partitionCounts: async (topics) => {
        const metadata = await admin.fetchTopicMetadata({ topics });
        return new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
      },
      createPartitions: async (topics) => {
        await admin.createPartitions({
          topicPartitions: topics.map((t) => ({ topic: t.topic, count: t.partitions })),
        });
      },
      describeCluster: async () => {
        await admin.describeCluster();
      },
      describeGroup: async (groupId) => {
        await admin.describeGroups([groupId]);
      },
      disconnect: () => admin.disconnect(),
    };
  }

  isBrokerError(error: unknown): boolean {
    return error instanceof kafkajs.KafkaJSError;
  }
}

class KafkajsGroupConsumer implements GroupConsumer {
  private readonly logger = new Logger('KafkaConsumer');
  private readonly consumer: Consumer;
  private owned: Assignment = {};

  constructor(
    kafka: Kafka,
    private readonly options: GroupConsumerOptions,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs ?? 10000,
      rebalanceTimeout: options.rebalanceTimeoutMs ?? 10000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 1000,
      maxWaitTimeInMs: options.maxWaitMs ?? 100,
      // Restart whatever made the consumer crash: a member that stops for good never
      // receives again (it did on a new broker's missing coordinator).
      retry: { initialRetryTime: 100, retries: 8, restartOnFailure: () => Promise.resolve(true) },
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (event) => {
      this.owned = { ...event.payload.memberAssignment };
      this.options.onAssignment?.(this.assignment());
    });
    this.consumer.on(this.consumer.events.REBALANCING, () => {
      this.owned = {};
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning,
    });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? 4,
      eachBatchAutoResolve: false,
      // Offsets are committed after the work (resolved below); never, for replies.
      autoCommit: this.options.commit,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  assignment(): Assignment {
    return Object.fromEntries(Object.entries(this.owned).map(([t, p]) => [t, [...p]]));
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = payload.batch;
    const size = Math.max(1, this.options.perPartitionConcurrency);
    const running = () => payload.isRunning() && !payload.isStale();
    for (let i = 0; i < messages.length; i += size) {
      if (!running()) return;
      const chunk = messages.slice(i, i + size);
      await Promise.all(
        chunk.map((message) =>
          handleUntilDone(
            () => this.options.handle(incoming(topic, partition, message)),
            running,
            this.logger,
            topic,
          ),
        ),
      );
      if (!running()) return;
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.heartbeat();
    }
  }
}

function incoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ?? null,
    value: message.value ?? null,
    headers: textHeaders(message.headers),
    timestamp: message.timestamp,
  };
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}
