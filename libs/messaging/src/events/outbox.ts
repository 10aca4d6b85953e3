import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/contracts';
import { bulkInsert } from '@app/database';
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
    const [envelope] = await this.appendMany(manager, [event]);
    return envelope;
  }

  /** Many events in one multi-row INSERT: an import batch costs one statement, not hundreds. */
  async appendMany<TPayload>(
    manager: EntityManager,
    events: NewEvent<TPayload>[],
  ): Promise<EventEnvelope<TPayload>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside a transaction');
    }
    const envelopes = events.map((event) => this.envelopeOf(event));
    await bulkInsert(
      manager,
      OutboxEventEntity,
      envelopes.map((envelope, i) => ({
        eventId: envelope.id,
        topic: events[i].topic,
        messageKey: envelope.key,
        type: envelope.type,
        envelope: JSON.stringify(envelope),
        createdAt: new Date(envelope.occurredAt),
        publishedAt: null,
      })),
    );
    return envelopes;
  }

  /**
   * The outbox INSERT of one event as SQL and parameters, for a caller that sends it with its
   * own statements in one round trip, inside its own transaction (the SQL must run between
   * its START TRANSACTION and COMMIT). `onlyIf` is a SQL condition under which the row is
   * written, e.g. `ROW_COUNT() = 1`: the event exists only if the statement before it changed
   * a row.
   */
  insertStatement<TPayload>(
    event: NewEvent<TPayload>,
    onlyIf = 'TRUE',
  ): { sql: string; params: unknown[]; envelope: EventEnvelope<TPayload> } {
    const envelope = this.envelopeOf(event);
    return {
      sql: `INSERT INTO outbox_events (event_id, topic, message_key, type, envelope, created_at, published_at)
        SELECT ?, ?, ?, ?, ?, ?, NULL FROM DUAL WHERE ${onlyIf}`,
      params: [
        envelope.id,
        event.topic,
        envelope.key,
        envelope.type,
        JSON.stringify(envelope),
        new Date(envelope.occurredAt),
      ],
      envelope,
    };
  }

  private envelopeOf<TPayload>(event: NewEvent<TPayload>): EventEnvelope<TPayload> {
    return {
      id: randomUUID(),
      type: event.type ?? event.topic,
      occurredAt: new Date().toISOString(),
      producer: this.producer,
      correlationId: currentRequestId() ?? null,
      key: event.key,
      payload: event.payload,
    };
  }
}
