import type { DataSource, EntityManager } from 'typeorm';
import { isDuplicateKeyError } from '@app/database';
import { ProcessedEventEntity } from './processed-event.entity.js';

/**
 * Applies an event's effect at most once per consumer: the processed-event row and the
 * effect commit in one transaction, so a redelivered event finds its row and does nothing.
 * Returns false when the event had already been applied.
 */
export async function applyOnce(
  dataSource: DataSource,
  consumer: string,
  eventId: string,
  effect: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  try {
    await dataSource.transaction(async (manager) => {
      await manager.insert(ProcessedEventEntity, { consumer, eventId, processedAt: new Date() });
      await effect(manager);
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error) && (await alreadyProcessed(dataSource, consumer, eventId))) {
      return false;
    }
    throw error;
  }
}

async function alreadyProcessed(
  dataSource: DataSource,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  return dataSource.getRepository(ProcessedEventEntity).existsBy({ consumer, eventId });
}
