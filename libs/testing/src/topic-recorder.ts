import type { Consumer, Kafka } from 'kafkajs';
import { uniqueSuffix, waitFor } from './wait-for.js';

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads topics on the real broker from the beginning, in a group of its own, and keeps what
 * it sees so a test can assert on the messages a user of the topic would get.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({
      groupId: `recorder-${uniqueSuffix()}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    const joined = new Promise<void>((resolve) =>
      this.consumer?.on('consumer.group_join', () => resolve()),
    );
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = String(value);
        }
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
        return Promise.resolve();
      },
    });
    await joined;
    return this;
  }

  where(predicate: (m: RecordedMessage) => boolean): RecordedMessage[] {
    return this.messages.filter(predicate);
  }

  async waitForCount(
    predicate: (m: RecordedMessage) => boolean,
    count: number,
    timeoutMs = 15_000,
  ): Promise<RecordedMessage[]> {
    return waitFor(
      () => {
        const found = this.where(predicate);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, what: `${count} matching message(s) on ${this.topics.join(', ')}` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}
