import type { DataSource } from 'typeorm';
import { ensureTopics, OutboxEventEntity, OutboxRelay, OutboxWriter } from '@app/messaging';
import { runWithRequestContext } from '@app/logging';
import { TopicRecorder, uniqueSuffix } from '@app/testing';
import { openTestDatabase, testKafka } from './it-support.js';

describe('transactional outbox and relay (real MariaDB and Kafka)', () => {
  const topic = `it.outbox.${uniqueSuffix()}`;
  const kafka = testKafka('it-outbox');
  const writer = new OutboxWriter('it-service');
  let dataSource: DataSource;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    recorder = await new TopicRecorder(kafka, [topic]).start();
  });
  afterAll(async () => {
    await recorder.stop();
    await dataSource.destroy();
  });

  async function commitChangeWithEvent(note: string): Promise<string> {
    return runWithRequestContext({ requestId: `req-${note}` }, () =>
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO it_effects (note) VALUES (?)', [note]);
        const envelope = await writer.append(manager, {
          topic,
          key: `key-${note}`,
          payload: { note },
        });
        return envelope.id;
      }),
    );
  }

  it('publishes an event committed while no relay ran, once a relay starts', async () => {
    const eventId = await commitChangeWithEvent('while-down');
    await new Promise((r) => setTimeout(r, 700));
    expect(recorder.where((m) => m.headers.ce_id === eventId)).toHaveLength(0);
    const row = await dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ eventId });
    expect(row.publishedAt).toBeNull();

    const relay = new OutboxRelay(dataSource, kafka, { pollIntervalMs: 100 });
    await relay.start();
    try {
      const [message] = await recorder.waitForCount((m) => m.headers.ce_id === eventId, 1);
      expect(message.key).toBe('key-while-down');
      expect(JSON.parse(message.value!)).toMatchObject({
        id: eventId,
        type: topic,
        producer: 'it-service',
        correlationId: 'req-while-down',
        key: 'key-while-down',
        payload: { note: 'while-down' },
        occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(message.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_source: 'it-service',
        ce_type: topic,
      });
      const published = await dataSource
        .getRepository(OutboxEventEntity)
        .findOneByOrFail({ eventId });
      expect(published.publishedAt).not.toBeNull();
    } finally {
      await relay.stop();
    }
  });

  it('sends again an event whose relay died after sending and before marking it (at least once)', async () => {
    const eventId = await commitChangeWithEvent('crash');
    let crashes = 0;
    const crashing = new OutboxRelay(dataSource, kafka, {
      pollIntervalMs: 60_000,
      afterSend: () => {
        crashes += 1;
        throw new Error('relay killed before commit');
      },
    });
    await crashing.start();
    await recorder.waitForCount((m) => m.headers.ce_id === eventId, 1);
    await crashing.stop();
    expect(crashes).toBeGreaterThanOrEqual(1);
    expect(
      (await dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ eventId })).publishedAt,
    ).toBeNull();

    const relay = new OutboxRelay(dataSource, kafka, { pollIntervalMs: 100 });
    await relay.start();
    try {
      const copies = await recorder.waitForCount((m) => m.headers.ce_id === eventId, 2);
      expect(new Set(copies.map((m) => (JSON.parse(m.value!) as { id: string }).id))).toEqual(
        new Set([eventId]),
      );
      const row = await dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ eventId });
      expect(row.publishedAt).not.toBeNull();
    } finally {
      await relay.stop();
    }
  });

  it('leaves no event behind when the change is rolled back', async () => {
    const before = await dataSource.getRepository(OutboxEventEntity).count();
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.append(manager, { topic, key: 'rolled-back', payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await dataSource.getRepository(OutboxEventEntity).count()).toBe(before);
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(
      writer.append(dataSource.manager, { topic, key: 'k', payload: {} }),
    ).rejects.toThrow(/inside a transaction/);
  });
});
