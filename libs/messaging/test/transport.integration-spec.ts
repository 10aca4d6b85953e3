import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsInt, IsString } from 'class-validator';
import type { DataSource } from 'typeorm';
import { replyTopicOf, requestTopicOf } from '@app/contracts';
import {
  deriveServiceKey,
  ensureTopics,
  OutboxRelay,
  OutboxWriter,
  PayloadCipher,
  RpcClient,
  startServiceApp,
} from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { openTestDatabase, testClient, testEnv, testKafka } from './it-support.js';

/**
 * The Kafka transport under what a deployment goes through: replicas joining a service's
 * group while requests flow, and the broker restarting under the outbox relay. Runs on the
 * client `KAFKA_CLIENT` names (kafkajs by default).
 */
const run = uniqueSuffix();
const SERVICE = `it-transport-${run}`;
const WORK = `it.transport.work.${run}`;
const masterKey = randomBytes(32);

class WorkQuery {
  @IsString()
  text!: string;
  @IsInt()
  delayMs!: number;
}

/** Which instance answered each request, by its text. */
const answeredBy = new Map<string, string>();

function workModule(instance: string) {
  @Controller()
  class WorkController {
    @MessagePattern(WORK)
    async work(@Payload() query: WorkQuery): Promise<{ text: string; instance: string }> {
      await new Promise((resolve) => setTimeout(resolve, query.delayMs));
      answeredBy.set(query.text, instance);
      return { text: query.text, instance };
    }
  }
  @Module({ controllers: [WorkController] })
  class WorkModule {}
  return WorkModule;
}

const startInstance = (instance: string) =>
  startServiceApp(workModule(instance), {
    service: SERVICE,
    kafka: testEnv.kafka,
    cipher: PayloadCipher.forService(SERVICE, deriveServiceKey(masterKey, SERVICE)),
    logger: false,
  });

describe(`Kafka transport on ${testEnv.kafka.client ?? 'platformatic'} (real broker)`, () => {
  beforeAll(async () => {
    await ensureTopics(testKafka('it-transport'), [
      { topic: requestTopicOf(SERVICE), partitions: 4 },
      { topic: replyTopicOf(SERVICE), partitions: 4 },
    ]);
  });

  it('loses no reply while a second service instance joins the group and takes partitions', async () => {
    const first = await startInstance('first');
    const client = new RpcClient({
      clientId: `it-gateway-${run}`,
      groupId: `it-gateway-${run}`,
      kafka: testEnv.kafka,
      cipher: PayloadCipher.fromMasterKey(masterKey),
      services: [{ service: SERVICE, commands: [{ work: WORK }] }],
      timeoutMs: 30_000,
    });
    await client.connect();
    let second: INestMicroservice | null = null;
    try {
      await waitFor(() => client.isReady(), { what: 'reply partitions' });
      const sent: Promise<{ text: string }>[] = [];
      const send = (i: number) =>
        sent.push(client.send<{ text: string }>(WORK, { text: `r${i}`, delayMs: 20 }));
      for (let i = 0; i < 40; i += 1) send(i);
      // The rebalance happens while those are in flight and more keep coming.
      const joining = startInstance('second').then((app) => (second = app));
      for (let i = 40; i < 160; i += 1) {
        send(i);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await joining;
      const replies = await Promise.all(sent);
      expect(replies.map((r) => r.text)).toEqual(Array.from({ length: 160 }, (_, i) => `r${i}`));
      // Once the group settled, both instances answer.
      await waitFor(
        async () => {
          const more = await Promise.all(
            Array.from({ length: 16 }, (_, i) =>
              client.send<{ instance: string }>(WORK, { text: `after${i}`, delayMs: 0 }),
            ),
          );
          return new Set(more.map((r) => r.instance)).size === 2;
        },
        { timeoutMs: 30_000, what: 'both instances to answer' },
      );
    } finally {
      await client.close();
      await (second as INestMicroservice | null)?.close();
      await first.close();
    }
  });

  describe('broker restart', () => {
    const topic = `it.transport.outbox.${run}`;
    const writer = new OutboxWriter('it-service');
    let dataSource: DataSource;

    beforeAll(async () => {
      dataSource = await openTestDatabase();
      await ensureTopics(testKafka('it-transport'), [{ topic, partitions: 3 }]);
    });
    afterAll(async () => {
      await dataSource.destroy();
    });

    const commitEvent = (note: string): Promise<string> =>
      dataSource.transaction(async (manager) => {
        const envelope = await writer.append(manager, {
          topic,
          key: `k-${note}`,
          payload: { note },
        });
        return envelope.id;
      });

    it('publishes every outbox event exactly once across a broker restart', async () => {
      const relay = new OutboxRelay(dataSource, testClient(`it-transport-relay-${run}`), {
        pollIntervalMs: 200,
      });
      await relay.start();
      const ids: string[] = [];
      try {
        for (let i = 0; i < 20; i += 1) ids.push(await commitEvent(`before-${i}`));
        await waitFor(async () => (await unpublished(dataSource)) === 0, {
          what: 'the first events to leave',
        });
        kafka('stop');
        // Committed while the broker is down: they wait in the outbox.
        for (let i = 0; i < 20; i += 1) ids.push(await commitEvent(`during-${i}`));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        kafka('start');
        for (let i = 0; i < 20; i += 1) ids.push(await commitEvent(`after-${i}`));
        await waitFor(async () => (await unpublished(dataSource)) === 0, {
          timeoutMs: 90_000,
          what: 'every event to leave after the restart',
        });
      } finally {
        kafka('start');
        await relay.stop();
      }
      const recorder = await new TopicRecorder(testKafka(`it-transport-rec-${run}`), [
        topic,
      ]).start();
      try {
        const seen = await recorder.waitForCount(() => true, ids.length, 30_000);
        // Give a doubled copy time to show up too.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const counts = new Map<string, number>();
        for (const m of recorder.messages) {
          const id = m.headers.ce_id;
          counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        expect(seen.length).toBeGreaterThanOrEqual(ids.length);
        expect([...counts.keys()].sort()).toEqual([...ids].sort());
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
      } finally {
        await recorder.stop();
      }
    }, 180_000);
  });
});

async function unpublished(dataSource: DataSource): Promise<number> {
  const rows: { n: string }[] = await dataSource.query(
    'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL',
  );
  return Number(rows[0].n);
}

/** Stops or starts the test broker (its data stays). */
function kafka(action: 'stop' | 'start'): void {
  const script = fileURLToPath(new URL('../../../deploy/local/kafka.sh', import.meta.url));
  execFileSync('bash', [script, action], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KAFKA_PORT: String(testEnv.kafkaPort) },
  });
}
