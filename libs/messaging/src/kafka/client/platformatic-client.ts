import { Logger } from '@nestjs/common';
import {
  Admin,
  compatibilityPartitioner,
  Consumer,
  GenericError,
  type Message,
  type MessagesStream,
  ProduceAcks,
  Producer,
  type SASLOptions,
} from '@platformatic/kafka';
import type { KafkaConnection } from '@app/config';
import type {
  Assignment,
  GroupConsumer,
  GroupConsumerOptions,
  KafkaAdmin,
  KafkaClient,
  MessageProducer,
  OutgoingMessage,
  TopicMessages,
} from './kafka-client.js';
import { handleUntilDone } from './retry.js';

/** The Kafka client interface over @platformatic/kafka (pure TypeScript, ESM, maintained). */
export class PlatformaticClient implements KafkaClient {
  readonly kind = 'platformatic' as const;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly clientId: string,
  ) {}

  private base(retries: number | undefined = 8, connectTimeoutMs?: number) {
    const { sasl } = this.connection;
    return {
      clientId: this.clientId,
      bootstrapBrokers: this.connection.brokers,
      retries,
      retryDelay: 250,
      ...(connectTimeoutMs ? { connectTimeout: connectTimeoutMs } : {}),
      ...(sasl
        ? {
            sasl: {
              mechanism: sasl.mechanism === 'scram-sha-512' ? 'SCRAM-SHA-512' : 'SCRAM-SHA-256',
              username: sasl.username,
              password: sasl.password,
            } satisfies SASLOptions,
          }
        : {}),
    };
  }

  producer(): MessageProducer {
    let producer: Producer | null = null;
    // Keyless messages (requests) take the partitions in turn; the producer takes the
    // result modulo the topic's partitions.
    let turn = 0;
    return {
      connect: () => {
        producer ??= new Producer({
          ...this.base(),
          autocreateTopics: false,
          acks: ProduceAcks.ALL,
          // A retried produce whose first attempt reached the broker is written once.
          idempotent: true,
          // The Java client's (and kafkajs') key → partition mapping: a key stays on its
          // partition whichever client produced it.
          partitioner: (message, key) =>
            key?.length ? compatibilityPartitioner(message, key) : (turn = (turn + 1) % 1_000_000),
        });
        return Promise.resolve();
      },
      send: async (batch: TopicMessages[]) => {
        if (!producer) throw new Error('producer not connected');
        await producer.send({
          messages: batch.flatMap(({ topic, messages }) => messages.map((m) => outgoing(topic, m))),
        });
      },
      disconnect: async () => {
        const closing = producer;
        producer = null;
        await closing?.close();
      },
    };
  }

  consumer(options: GroupConsumerOptions): GroupConsumer {
    return new PlatformaticGroupConsumer(
      () =>
        new Consumer({
          ...this.base(),
          groupId: options.groupId,
          autocommit: false,
          sessionTimeout: options.sessionTimeoutMs ?? 10000,
          rebalanceTimeout: options.rebalanceTimeoutMs ?? 10000,
          heartbeatInterval: options.heartbeatIntervalMs ?? 1000,
          maxWaitTime: options.maxWaitMs ?? 100,
        }),
      options,
    );
  }

  admin(options: { retries?: number; connectTimeoutMs?: number } = {}): KafkaAdmin {
    let admin: Admin | null = null;
    const open = (): Admin =>
      (admin ??= new Admin(this.base(options.retries ?? 5, options.connectTimeoutMs)));
    return {
      connect: () => {
        open();
        return Promise.resolve();
      },
      listTopics: () => open().listTopics(),
      createTopics: async (topics) => {
        for (const t of topics) {
          await open().createTopics({ topics: [t.topic], partitions: t.partitions, replicas: 1 });
        }
      },
      partitionCounts: async (topics) => {
        const metadata = await open().metadata({ topics });
        return new Map([...metadata.topics].map(([name, t]) => [name, t.partitionsCount]));
      },
      createPartitions: async (topics) => {
        await open().createPartitions({
          topics: topics.map((t) => ({ name: t.topic, count: t.partitions, assignments: [] })),
        });
      },
      describeCluster: async () => {
        await open().metadata({ topics: [] });
      },
      describeGroup: async (groupId) => {
        await open().describeGroups({ groups: [groupId] });
      },
      disconnect: async () => {
        const closing = admin;
        admin = null;
        await closing?.close();
      },
    };
  }

  isBrokerError(error: unknown): boolean {
    return error instanceof GenericError;
  }
}

function outgoing(topic: string, message: OutgoingMessage) {
  return {
    topic,
    ...(message.partition === undefined ? {} : { partition: message.partition }),
    ...(message.key === undefined || message.key === null ? {} : { key: bytes(message.key) }),
    value: message.value === null ? Buffer.alloc(0) : bytes(message.value),
    headers: new Map(
      Object.entries(message.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)]),
    ),
  };
}

const bytes = (data: string | Buffer): Buffer =>
  typeof data === 'string' ? Buffer.from(data) : data;

/** The messages of one partition this member has started and not yet committed, in order. */
interface PartitionWork {
  /** Started or waiting, in offset order; `done` once handled. */
  pending: { message: Message; done: boolean }[];
  waiting: Message[];
  inFlight: number;
}

/** How often handled offsets are committed. */
const COMMIT_INTERVAL_MS = 100;

/** Messages buffered in the member before the stream is paused. */
const MAX_BUFFERED = 2048;

class PlatformaticGroupConsumer implements GroupConsumer {
  private readonly logger = new Logger('KafkaConsumer');
  private consumer: Consumer | null = null;
  private stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | null = null;
  private readonly partitions = new Map<string, PartitionWork>();
  private buffered = 0;
  private running = false;
  /**
   * False from a group join until the stream knows where to read its partitions: a reply
   * written to a partition before its "latest" offset is resolved would be skipped, so the
   * member does not claim partitions (and the gateway names none) until then.
   */
  private positioned = false;
  private readonly toCommit = new Map<string, Message>();
  private commitTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly create: () => Consumer,
    private readonly options: GroupConsumerOptions,
  ) {}

  async start(): Promise<void> {
    this.running = true;
    await this.open();
  }

  assignment(): Assignment {
    const owned: Assignment = {};
    if (!this.positioned) return owned;
    for (const a of this.consumer?.assignments ?? []) owned[a.topic] = [...a.partitions];
    return owned;
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = null;
    // What was handled is committed before the member leaves.
    await Promise.all(
      [...this.toCommit.values()].map((m) => Promise.resolve(m.commit()).catch(() => undefined)),
    );
    this.toCommit.clear();
    const { stream, consumer } = this;
    this.stream = null;
    this.consumer = null;
    await stream?.close().catch(() => undefined);
    await consumer?.close(true).catch(() => undefined);
  }

  private async open(): Promise<void> {
    const consumer = this.create();
    this.consumer = consumer;
    consumer.on('consumer:group:join', () => {
      this.positioned = false;
      this.dropUnowned();
    });
    const stream = await consumer.consume({
      topics: this.options.topics,
      mode: 'committed',
      fallbackMode: this.options.fromBeginning ? 'earliest' : 'latest',
      autocommit: false,
    });
    this.stream = stream;
    const positioned = () => {
      if (this.positioned) return;
      this.positioned = true;
      this.options.onAssignment?.(this.assignment());
    };
    stream.on('offsets', positioned);
    stream.on('fetch', positioned);
    stream.on('data', (message: Message) => this.accept(message));
    stream.on('error', (err: Error) => this.logger.error({ msg: 'consumer failed', err }));
    stream.on('close', () => {
      if (!this.running || this.stream !== stream) return;
      // Whatever closed the stream, a member that stops for good never receives again.
      this.logger.warn({ msg: 'consumer stream closed; reopening', group: this.options.groupId });
      this.stream = null;
      void consumer.close(true).catch(() => undefined);
      setTimeout(() => void this.reopen(), 500);
    });
  }

  private async reopen(): Promise<void> {
    while (this.running) {
      try {
        await this.open();
        return;
      } catch (err) {
        this.logger.error({ msg: 'consumer could not reopen; retrying', err });
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private accept(message: Message): void {
    const key = `${message.topic}:${message.partition}`;
    let work = this.partitions.get(key);
    if (!work) {
      work = { pending: [], waiting: [], inFlight: 0 };
      this.partitions.set(key, work);
    }
    work.waiting.push(message);
    this.buffered += 1;
    if (this.buffered >= MAX_BUFFERED) this.stream?.pause();
    this.pump(work);
  }

  private pump(work: PartitionWork): void {
    const limit = Math.max(1, this.options.perPartitionConcurrency);
    while (work.inFlight < limit && work.waiting.length > 0) {
      const message = work.waiting.shift()!;
      const entry = { message, done: false };
      work.pending.push(entry);
      work.inFlight += 1;
      void this.run(work, entry);
    }
  }

  private async run(work: PartitionWork, entry: { message: Message; done: boolean }) {
    const { message } = entry;
    await handleUntilDone(
      () =>
        this.options.handle({
          topic: message.topic,
          partition: message.partition,
          offset: String(message.offset),
          key: message.key?.length ? message.key : null,
          value: message.value ?? null,
          headers: textHeaders(message.headers),
          timestamp: String(message.timestamp),
        }),
      () => this.running,
      this.logger,
      message.topic,
    );
    entry.done = true;
    work.inFlight -= 1;
    this.buffered -= 1;
    if (this.buffered < MAX_BUFFERED / 2 && this.stream?.isPaused()) this.stream.resume();
    let last: Message | null = null;
    while (work.pending.length > 0 && work.pending[0].done) last = work.pending.shift()!.message;
    if (last && this.options.commit && this.running) this.commitSoon(last);
    this.pump(work);
  }

  /**
   * Commits the last handled message of each partition at most every COMMIT_INTERVAL_MS:
   * one commit per message cost as much CPU as the message.
   */
  private commitSoon(message: Message): void {
    this.toCommit.set(`${message.topic}:${message.partition}`, message);
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = null;
      const messages = [...this.toCommit.values()];
      this.toCommit.clear();
      for (const m of messages) {
        // The stream merges commits into one request in flight at a time.
        Promise.resolve(m.commit()).catch((err: unknown) =>
          this.logger.warn({ msg: 'offset commit failed', err }),
        );
      }
    }, COMMIT_INTERVAL_MS);
  }

  /** After a rebalance: messages waiting for partitions this member lost are the new owner's. */
  private dropUnowned(): void {
    const owned: Assignment = {};
    for (const a of this.consumer?.assignments ?? []) owned[a.topic] = [...a.partitions];
    for (const [key, work] of this.partitions) {
      const [topic, partition] = [
        key.slice(0, key.lastIndexOf(':')),
        Number(key.slice(key.lastIndexOf(':') + 1)),
      ];
      if (!owned[topic]?.includes(partition)) {
        this.buffered -= work.waiting.length;
        work.waiting = [];
      }
    }
  }
}

function textHeaders(headers: Map<Buffer, Buffer>): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of headers) text[name.toString()] = value.toString();
  return text;
}
