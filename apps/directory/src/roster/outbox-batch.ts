import type { EntityManager } from 'typeorm';
import { OutboxEventEntity, type NewEvent, type OutboxWriter } from '@app/messaging';
import { bulkInsert } from './bulk-insert.js';

type OutboxRow = Omit<OutboxEventEntity, 'seq'>;

/**
 * Appends many events to the outbox in one multi-row INSERT, inside the caller's
 * transaction. The envelopes are made by `OutboxWriter.append` itself (ids, time, producer,
 * correlation id), handed a stand-in manager that keeps the row instead of inserting it;
 * only the insert is batched. An import batch of 500 students then costs one statement, not
 * 500. Stopgap until OutboxWriter has an `appendMany` of its own.
 */
export async function appendEvents(
  outbox: OutboxWriter,
  manager: EntityManager,
  events: NewEvent<unknown>[],
): Promise<void> {
  if (events.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendEvents must run inside a transaction');
  }
  const rows: OutboxRow[] = [];
  const collector = {
    queryRunner: manager.queryRunner,
    insert: (_target: unknown, row: OutboxRow) => {
      rows.push(row);
      return Promise.resolve();
    },
  } as unknown as EntityManager;
  for (const event of events) await outbox.append(collector, event);
  await bulkInsert(manager, OutboxEventEntity, rows);
}
