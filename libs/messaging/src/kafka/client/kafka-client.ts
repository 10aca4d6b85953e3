import type { KafkaClientKind, KafkaConnection } from '@app/config';

/**
 * The small Kafka client interface the transport, the outbox relay and the tools are written
 * against. Two adapters implement it (kafkajs, @platformatic/kafka); `KAFKA_CLIENT` picks one.
 * Nothing outside `kafka/client/` sees a client library's own types.
 */

/** A message to produce. Keys pick the partition (murmur2, as the Java client) unless `partition` is set. */
export interface OutgoingMessage {
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
  partition?: number;
}

export interface TopicMessages {
  topic: string;
  messages: OutgoingMessage[];
}

/** A consumed message: key and value as bytes, headers as text. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

/** Produces with acks from every in-sync replica; one `send` is one produce request per broker. */
export interface MessageProducer {
  connect(): Promise<void>;
  send(batch: TopicMessages[]): Promise<void>;
  disconnect(): Promise<void>;
}

export type Assignment = Record<string, number[]>;

export interface GroupConsumerOptions {
  groupId: string;
  topics: string[];
  /** Where a group without committed offsets starts: the oldest message, or the next new one. */
  fromBeginning: boolean;
  /**
   * How many messages of one partition are handled at once: 1 keeps the partition's order
   * (events); more lets independent requests overlap (a slow one does not hold up the rest).
   */
  perPartitionConcurrency: number;
  /** How many partitions a member works on at once (kafkajs: partitionsConsumedConcurrently); 4 by default. */
  partitionsAtOnce?: number;
  /** Commit offsets once their message is handled; false never commits (replies are worthless after a restart). */
  commit: boolean;
  /** Called for every message; a rejection is retried after a pause, the partition waiting. */
  handle(message: IncomingMessage): Promise<void>;
  /** Called after every rebalance with what this member owns now. */
  onAssignment?(assignment: Assignment): void;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  maxWaitMs?: number;
}

/** A member of a consumer group that keeps going (rejoins, reconnects) until stopped. */
export interface GroupConsumer {
  start(): Promise<void>;
  /** The partitions this member owns now, by topic. */
  assignment(): Assignment;
  stop(): Promise<void>;
}

export interface TopicSpecification {
  topic: string;
  partitions: number;
}

export interface KafkaAdmin {
  connect(): Promise<void>;
  listTopics(): Promise<string[]>;
  createTopics(topics: TopicSpecification[]): Promise<void>;
  /** Partition count of each topic. */
  partitionCounts(topics: string[]): Promise<Map<string, number>>;
  createPartitions(topics: TopicSpecification[]): Promise<void>;
  /** Resolves when the cluster answers a metadata request. */
  describeCluster(): Promise<void>;
  /** Resolves when the group coordinator answers for `groupId`. */
  describeGroup(groupId: string): Promise<void>;
  disconnect(): Promise<void>;
}

export type { KafkaClientKind };

export interface KafkaClient {
  readonly kind: KafkaClientKind;
  producer(): MessageProducer;
  consumer(options: GroupConsumerOptions): GroupConsumer;
  admin(options?: { retries?: number; connectTimeoutMs?: number }): KafkaAdmin;
  /** True for errors of the client itself (broker unreachable, request failed), not of our code. */
  isBrokerError(error: unknown): boolean;
}

export type KafkaClientFactory = (connection: KafkaConnection, clientId: string) => KafkaClient;
