import { Logger } from '@nestjs/common';
import type {
  KafkaClient,
  MessageProducer,
  OutgoingMessage,
} from '../kafka/client/kafka-client.js';
import { In, type DataSource } from 'typeorm';
import type { EventEnvelope } from '@app/contracts';
import { OutboxEventEntity } from './outbox-event.entity.js';

export interface OutboxRelayOptions {
  /** How often to look for unpublished events when nobody calls `wake()`. */
  pollIntervalMs?: number;
  batchSize?: number;
  /**
   * After a batch that was not full, wait this long before the next one, so that events
   * committed meanwhile leave together: under load each batch (a transaction and a produce
   * request) then carries several events. 0 (the default): go on at once.
   */
  lingerMs?: number;
  /** Test hook: runs after the batch was sent and before it is marked published. */
  afterSend?: (events: EventEnvelope[]) => Promise<void> | void;
}

/** CloudEvents binary-mode headers, so the envelope is readable by CloudEvents tooling. */
export function cloudEventHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_source: envelope.producer,
    ce_time: envelope.occurredAt,
    'content-type': 'application/json',
  };
  if (envelope.correlationId) headers['x-request-id'] = envelope.correlationId;
  return headers;
}

/**
 * Publishes outbox rows in insertion order, at least once: rows are locked (SKIP LOCKED, so
 * a second relay takes other rows), sent, then marked published in the same transaction. A
 * relay that dies between send and commit leaves the rows unpublished, and they are sent
 * again; consumers are idempotent.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly producer: MessageProducer;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    kafka: KafkaClient,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.producer = kafka.producer();
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 100;
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.producer.connect();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
    await this.producer.disconnect();
  }

  /** Publish now rather than at the next poll (call after committing an event). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Publishes one batch; returns how many events left. */
  async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(OutboxEventEntity, 'o')
        .where('o.publishedAt IS NULL')
        .orderBy('o.seq', 'ASC')
        .limit(this.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const envelopes = rows.map((r) => JSON.parse(r.envelope) as EventEnvelope);
      const byTopic = new Map<string, OutgoingMessage[]>();
      rows.forEach((row, i) => {
        const envelope = envelopes[i];
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({
          key: row.messageKey,
          value: row.envelope,
          headers: cloudEventHeaders(envelope),
        });
        byTopic.set(row.topic, messages);
      });
      await this.producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      await this.options.afterSend?.(envelopes);
      await manager.update(
        OutboxEventEntity,
        { seq: In(rows.map((r) => r.seq)) },
        { publishedAt: new Date() },
      );
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.publishBatch();
      } catch (error) {
        this.logger.error({ msg: 'outbox relay batch failed; will retry', err: error });
      }
      if (published === 0 && this.running) await this.sleep();
      else if (published < this.batchSize && this.options.lingerMs && this.running) {
        await new Promise((resolve) => setTimeout(resolve, this.options.lingerMs));
      }
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = () => {
        if (this.timer) clearTimeout(this.timer);
        this.wakeUp = null;
        resolve();
      };
      this.timer = setTimeout(() => this.wakeUp?.(), this.pollIntervalMs);
    });
  }
}
