import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import { kafkaOf } from '@app/config';
import { Topics } from '@app/contracts';
import { createKafka, deadLetterMessage } from '@app/messaging';
import { QuotasConfig, SERVICE_NAME } from '../config.js';
import {
  InvalidLedgerEvent,
  LEDGER_TOPICS,
  ledgerInputOf,
  type BookingFact,
  type LedgerFact,
} from './ledger-events.js';
import { LedgerService } from './ledger.service.js';

/**
 * Feeds the ledger from attendance, participation, visit and booking events in batches
 * (kafkajs `eachBatch`): each fetched batch is cut into chunks applied in one transaction
 * each, and a chunk's offsets are committed only after its transaction committed. A
 * malformed event goes to the dead letters; a failing chunk is retried by kafkajs (the
 * upserts are idempotent, so a retried or redelivered chunk changes nothing twice).
 */
@Injectable()
export class LedgerConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LedgerConsumer.name);
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;

  constructor(
    private readonly ledger: LedgerService,
    private readonly config: QuotasConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = createKafka(kafkaOf(this.config, SERVICE_NAME), `${SERVICE_NAME}-ledger`);
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    this.consumer = kafka.consumer({
      groupId: this.config.LEDGER_GROUP_ID,
      allowAutoTopicCreation: false,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 100,
      // A fetch holds a whole chunk of every partition (about 900 bytes an attendance event):
      // 8 000 events a chunk need about 7 MB a partition (docs/benchmarks.md).
      maxBytesPerPartition: 10 * 1024 * 1024,
      maxBytes: 32 * 1024 * 1024,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...LEDGER_TOPICS], fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.config.LEDGER_CONCURRENCY,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const size = this.config.LEDGER_CHUNK_SIZE;
        for (let i = 0; i < batch.messages.length; i += size) {
          if (!payload.isRunning() || payload.isStale()) return;
          const chunk = batch.messages.slice(i, i + size);
          await this.applyChunk(batch.topic, batch.partition, chunk);
          payload.resolveOffset(chunk[chunk.length - 1].offset);
          await payload.commitOffsetsIfNecessary();
          await payload.heartbeat();
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async applyChunk(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
  ): Promise<void> {
    const facts: LedgerFact[] = [];
    const bookings: BookingFact[] = [];
    for (const message of messages) {
      try {
        const input = ledgerInputOf(topic, message.value?.toString() ?? '');
        if (input.type === 'facts') facts.push(...input.facts);
        else if (input.type === 'bookings') bookings.push(...input.bookings);
      } catch (error) {
        if (!(error instanceof InvalidLedgerEvent)) throw error;
        await this.deadLetter(topic, partition, message, error.message);
      }
    }
    await this.ledger.apply(facts, bookings);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
  ): Promise<void> {
    this.logger.error({
      msg: 'ledger event sent to dead letters',
      topic,
      offset: message.offset,
      reason,
    });
    await this.producer?.send({
      topic: Topics.deadLetters.quotas,
      acks: -1,
      messages: [
        deadLetterMessage({
          topic,
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          code: 'VALIDATION_FAILED',
          reason,
        }),
      ],
    });
  }
}
