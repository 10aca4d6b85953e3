import { In, type DataSource } from 'typeorm';
import { ensureTopics, OutboxEventEntity, OutboxRelay, OutboxWriter } from '@app/messaging';
import { runWithRequestContext } from '@app/logging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { openTestDatabase, testClient, testKafka } from './it-support.js';

describe('transactional outbox and relay (real MariaDB and Kafka)', () => {
  const topic = `it.outbox.${uniqueSuffix()}`;
  const kafka = testKafka('it-outbox');
  const client = testClient('it-outbox');
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

    const relay = new OutboxRelay(dataSource, client, { pollIntervalMs: 100 });
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
    const crashing = new OutboxRelay(dataSource, client, {
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

    const relay = new OutboxRelay(dataSource, client, { pollIntervalMs: 100 });
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

  it("writes an event given as SQL only when its condition holds, in the caller's transaction", async () => {
    const taken = writer.insertStatement({ topic, key: 'sql-yes', payload: {} }, 'ROW_COUNT() = 1');
    const skipped = writer.insertStatement(
      { topic, key: 'sql-no', payload: {} },
      'ROW_COUNT() = 1',
    );
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO it_effects (note) VALUES (?)', ['sql-yes']);
      await manager.query(taken.sql, taken.params);
      await manager.query(`UPDATE it_effects SET note = 'never' WHERE 1 = 0`);
      await manager.query(skipped.sql, skipped.params);
    });
    const events = dataSource.getRepository(OutboxEventEntity);
    const row = await events.findOneByOrFail({ eventId: taken.envelope.id });
    expect(row).toMatchObject({ topic, messageKey: 'sql-yes', publishedAt: null });
    expect(JSON.parse(row.envelope)).toEqual(taken.envelope);
    expect(await events.findOneBy({ eventId: skipped.envelope.id })).toBeNull();
  });

  it('with a linger, sends the events committed while it waits in one batch', async () => {
    const relay = new OutboxRelay(dataSource, client, { pollIntervalMs: 60_000, lingerMs: 500 });
    await relay.start();
    try {
      const first = await commitChangeWithEvent('linger-1');
      relay.wake();
      await recorder.waitForCount((m) => m.headers.ce_id === first, 1);
      // Nobody wakes the relay for these: the linger after the first batch picks them up.
      const later = [
        await commitChangeWithEvent('linger-2'),
        await commitChangeWithEvent('linger-3'),
      ];
      await recorder.waitForCount((m) => later.includes(m.headers.ce_id ?? ''), 2);
      // The relay marks the rows after the broker acknowledged them: the recorder can see the
      // messages a moment before that commit.
      const rows = await waitFor(
        async () => {
          const found = await dataSource
            .getRepository(OutboxEventEntity)
            .findBy({ eventId: In(later) });
          return found.length === 2 && found.every((r) => r.publishedAt !== null) && found;
        },
        { what: 'both rows marked published' },
      );
      expect(rows[0].publishedAt?.getTime()).toBe(rows[1].publishedAt?.getTime());
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
