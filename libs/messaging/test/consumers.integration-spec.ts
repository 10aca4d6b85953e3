import { randomBytes, randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, ValidateNested } from 'class-validator';
import kafkajs, { type Producer } from 'kafkajs';
import { EventEnvelopeFields } from '@app/contracts';
import type { DataSource } from 'typeorm';
import {
  applyOnce,
  ConsumeEvent,
  DEFAULT_MAX_ATTEMPTS,
  ensureTopics,
  PayloadCipher,
  startServiceApp,
} from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { openTestDatabase, testEnv, testKafka } from './it-support.js';

const run = uniqueSuffix();
const EVENTS = `it.events.${run}`;
const DEAD_LETTERS = `it.dead-letters.${run}`;

class ItPayload {
  @IsString()
  note!: string;

  @IsOptional()
  @IsBoolean()
  poison?: boolean;
}

class ItEnvelope extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => ItPayload)
  payload!: ItPayload;
}

/** Every delivery the handler saw, in order, by event id. */
const deliveries: string[] = [];
let dataSource: DataSource;

@Controller()
class ItConsumer {
  @ConsumeEvent(EVENTS, DEAD_LETTERS)
  async onEvent(@Payload() event: ItEnvelope): Promise<void> {
    deliveries.push(event.id);
    if (event.payload.poison) throw new Error(`cannot handle ${event.payload.note}`);
    await applyOnce(dataSource, 'it-consumer', event.id, async (manager) => {
      await manager.query('INSERT INTO it_effects (event_id, note) VALUES (?, ?)', [
        event.id,
        event.payload.note,
      ]);
    });
  }
}

@Module({ controllers: [ItConsumer] })
class ItConsumerModule {}

function envelope(note: string, extra: Partial<ItPayload> = {}, id = randomUUID()): string {
  return JSON.stringify({
    id,
    type: EVENTS,
    occurredAt: new Date().toISOString(),
    producer: 'it',
    correlationId: null,
    key: 'same-key',
    payload: { note, ...extra },
  });
}

describe('event consumers: idempotent effects and dead letters (real MariaDB and Kafka)', () => {
  const kafka = testKafka('it-consumers');
  let app: INestMicroservice;
  let producer: Producer;
  let deadLetters: TopicRecorder;

  const send = (value: string) =>
    producer.send({ topic: EVENTS, acks: -1, messages: [{ key: 'same-key', value }] });
  const effectsOf = async (eventId: string): Promise<number> =>
    Number(
      (
        await dataSource.query('SELECT COUNT(*) AS n FROM it_effects WHERE event_id = ?', [eventId])
      )[0].n,
    );

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await ensureTopics(kafka, [
      { topic: EVENTS, partitions: 2 },
      { topic: DEAD_LETTERS, partitions: 1 },
    ]);
    app = await startServiceApp(ItConsumerModule, {
      service: `it-consumer-${run}`,
      kafka: testEnv.kafka,
      cipher: PayloadCipher.forService('it-consumers', randomBytes(32)),
      logger: false,
    });
    producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    deadLetters = await new TopicRecorder(kafka, [DEAD_LETTERS]).start();
  });
  afterAll(async () => {
    await deadLetters.stop();
    await producer.disconnect();
    await app.close();
    await dataSource.destroy();
  });

  it('applies an event delivered twice only once', async () => {
    const id = randomUUID();
    await send(envelope('twice', {}, id));
    await send(envelope('twice', {}, id));
    await waitFor(() => deliveries.filter((d) => d === id).length === 2, {
      what: 'both deliveries',
    });
    expect(await effectsOf(id)).toBe(1);
    const processed = await dataSource.query(
      'SELECT COUNT(*) AS n FROM processed_events WHERE event_id = ?',
      [id],
    );
    expect(Number(processed[0].n)).toBe(1);
  });

  it('sends a message that keeps failing to the dead letters after bounded retries, and goes on with the partition', async () => {
    const poisonId = randomUUID();
    const nextId = randomUUID();
    await send(envelope('poison', { poison: true }, poisonId));
    await send(envelope('after-poison', {}, nextId));

    const [dead] = await deadLetters.waitForCount(
      (m) => m.value !== null && m.value.includes(poisonId),
      1,
    );
    expect(dead.headers).toMatchObject({
      'x-original-topic': EVENTS,
      'x-error-code': 'HANDLER_FAILED',
      'x-error-message': 'cannot handle poison',
    });
    expect(deliveries.filter((d) => d === poisonId)).toHaveLength(DEFAULT_MAX_ATTEMPTS);
    // The message behind the poison one on the same partition is handled.
    await waitFor(async () => (await effectsOf(nextId)) === 1, {
      what: 'the next message to be applied',
    });
    expect(await effectsOf(poisonId)).toBe(0);
  });

  it('sends a payload that fails validation straight to the dead letters, without retries', async () => {
    const marker = `not-an-envelope-${uniqueSuffix()}`;
    await send(JSON.stringify({ hello: marker }));
    const [dead] = await deadLetters.waitForCount(
      (m) => m.value !== null && m.value.includes(marker),
      1,
    );
    expect(dead.headers['x-error-code']).toBe('VALIDATION_FAILED');
  });
});
