import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/contracts';
import { currentRequestId } from '@app/logging';
import { OutboxEventEntity } from './outbox-event.entity.js';

export interface NewEvent<TPayload> {
  topic: string;
  type?: string;
  key: string;
  payload: TPayload;
}

/**
 * Writes an event into the outbox inside the caller's transaction: the event exists if and
 * only if the change it describes was committed. The relay publishes it afterwards.
 */
export class OutboxWriter {
  constructor(private readonly producer: string) {}

  async append<TPayload>(
    manager: EntityManager,
    event: NewEvent<TPayload>,
  ): Promise<EventEnvelope<TPayload>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside a transaction');
    }
    const envelope: EventEnvelope<TPayload> = {
      id: randomUUID(),
      type: event.type ?? event.topic,
      occurredAt: new Date().toISOString(),
      producer: this.producer,
      correlationId: currentRequestId() ?? null,
      key: event.key,
      payload: event.payload,
    };
    await manager.insert(OutboxEventEntity, {
      eventId: envelope.id,
      topic: event.topic,
      messageKey: event.key,
      type: envelope.type,
      envelope: JSON.stringify(envelope),
      createdAt: new Date(envelope.occurredAt),
      publishedAt: null,
    });
    return envelope;
  }
}
