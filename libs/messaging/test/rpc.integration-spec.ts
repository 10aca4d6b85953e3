import { randomBytes } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { replyTopicOf, requestTopicOf } from '@app/contracts';
import { AppError } from '@app/errors';
import { currentRequestId, runWithRequestContext } from '@app/logging';
import {
  deriveServiceKey,
  ensureTopics,
  PayloadCipher,
  startServiceApp,
  RpcClient,
} from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { testEnv, testKafka } from './it-support.js';

const run = uniqueSuffix();
const ECHO = `it.rpc.echo.${run}`;
const NOBODY = `it.rpc.nobody.${run}`;
const UNHANDLED = `it.rpc.unhandled.${run}`;
const ECHO_SERVICE = `it-echo-${run}`;
/** The gateway's master key of this test; the echo service holds only its derived key. */
const masterKey = randomBytes(32);
const NOBODY_SERVICE = `it-nobody-${run}`;

class EchoQuery {
  @IsString()
  @MaxLength(50)
  text!: string;
  @IsOptional()
  @IsBoolean()
  notFound?: boolean;
  @IsOptional()
  @IsBoolean()
  crash?: boolean;
  @IsOptional()
  @IsInt()
  delayMs?: number;
}

/** Requests the echo handler is working on at once. */
const concurrency = { now: 0, max: 0 };

@Controller()
class EchoController {
  @MessagePattern(ECHO)
  async echo(
    @Payload() query: EchoQuery,
  ): Promise<{ text: string; requestId: string | undefined }> {
    if (query.delayMs) {
      concurrency.now += 1;
      concurrency.max = Math.max(concurrency.max, concurrency.now);
      await new Promise((resolve) => setTimeout(resolve, query.delayMs));
      concurrency.now -= 1;
    }
    if (query.notFound)
      throw new AppError('ACCOUNT_NOT_FOUND', 'not_found', 'No such account', { text: query.text });
    if (query.crash) throw new Error('database password is hunter2');
    return { text: query.text, requestId: currentRequestId() };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const newClient = (timeoutMs = 3000) =>
  new RpcClient({
    clientId: `it-gateway-${run}`,
    groupId: `it-gateway-${run}`,
    kafka: testEnv.kafka,
    cipher: PayloadCipher.fromMasterKey(masterKey),
    services: [
      { service: ECHO_SERVICE, commands: [{ echo: ECHO, unhandled: UNHANDLED }] },
      { service: NOBODY_SERVICE, commands: [{ nobody: NOBODY }] },
    ],
    timeoutMs,
  });

describe('request-reply over Kafka (real broker)', () => {
  let service: INestMicroservice;
  let client: RpcClient;

  beforeAll(async () => {
    await ensureTopics(
      testKafka('it-rpc'),
      [ECHO_SERVICE, NOBODY_SERVICE].flatMap((service) => [
        { topic: requestTopicOf(service), partitions: 4 },
        { topic: replyTopicOf(service), partitions: 4 },
      ]),
    );
    service = await startServiceApp(EchoModule, {
      service: ECHO_SERVICE,
      kafka: testEnv.kafka,
      cipher: PayloadCipher.forService(ECHO_SERVICE, deriveServiceKey(masterKey, ECHO_SERVICE)),
      logger: false,
    });
    client = newClient();
    await client.connect();
    await waitFor(() => client.isReady(), { what: 'reply partitions' });
  });
  afterAll(async () => {
    await client.close();
    await service.close();
  });

  it('answers, and carries the request id into the service', async () => {
    const reply = await runWithRequestContext({ requestId: 'req-it-1' }, () =>
      client.send<{ text: string; requestId: string }>(ECHO, { text: 'hello' }),
    );
    expect(reply).toEqual({ text: 'hello', requestId: 'req-it-1' });
  });

  it('seals requests, replies and error replies on the topics, and opens them at either end', async () => {
    const recorder = await new TopicRecorder(testKafka(`it-rpc-scan-${run}`), [
      requestTopicOf(ECHO_SERVICE),
      replyTopicOf(ECHO_SERVICE),
    ]).start();
    try {
      const secret = `Secret-${run}-身份证`;
      await expect(client.send(ECHO, { text: secret })).resolves.toMatchObject({ text: secret });
      await expect(client.send(ECHO, { text: secret, notFound: true })).rejects.toMatchObject({
        code: 'ACCOUNT_NOT_FOUND',
        details: { text: secret },
      });
      const seen = await recorder.waitForCount(() => true, 4);
      for (const message of seen) {
        expect(message.value).toMatch(/^spx1\./);
        expect(JSON.stringify(message)).not.toContain(secret);
        expect(JSON.stringify(message)).not.toContain(Buffer.from(secret).toString('base64'));
      }
    } finally {
      await recorder.stop();
    }
  });

  it("brings a service's error back with its code, kind and details", async () => {
    const error = await client.send(ECHO, { text: 'x', notFound: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
      kind: 'not_found',
      details: { text: 'x' },
    });
  });

  it('brings an unexpected error back as INTERNAL with an error id and nothing of its message', async () => {
    const error = (await client
      .send(ECHO, { text: 'x', crash: true })
      .catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'INTERNAL', kind: 'internal' });
    expect((error.details as { errorId: string }).errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      'hunter2',
    );
  });

  it('validates the payload in the service', async () => {
    const error = (await client
      .send(ECHO, { text: 42, extra: true })
      .catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('VALIDATION_FAILED');
    const fields = (error.details as { fields: { field: string }[] }).fields
      .map((f) => f.field)
      .sort();
    expect(fields).toEqual(['extra', 'text']);
  });

  it('says NO_HANDLER for a command the service does not answer, and for a command no service has', async () => {
    await expect(client.send(UNHANDLED, {})).rejects.toMatchObject({
      code: 'NO_HANDLER',
      kind: 'unavailable',
    });
    await expect(client.send(`it.rpc.unknown.${run}`, {})).rejects.toMatchObject({
      code: 'NO_HANDLER',
      details: { command: `it.rpc.unknown.${run}` },
    });
  });

  it('handles many requests of one partition at once (a slow one does not hold up the rest)', async () => {
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client.send<{ text: string }>(ECHO, { text: `slow${i}`, delayMs: 300 }),
      ),
    );
    expect(replies.map((r) => r.text)).toEqual(Array.from({ length: 30 }, (_, i) => `slow${i}`));
    // One request at a time per partition would never have more than 4 (the partitions).
    expect(concurrency.max).toBeGreaterThan(4);
  });

  it('gives up with UPSTREAM_TIMEOUT when no service reads the topic', async () => {
    const started = Date.now();
    const error = (await client.send(NOBODY, {}, 800).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('keeps answering both instances when a second gateway joins, and the survivor when one leaves', async () => {
    const second = newClient();
    await second.connect();
    try {
      await waitFor(() => client.isReady() && second.isReady(), {
        what: 'both instances to own reply partitions',
      });
      const mine = client.kafka.getConsumerAssignments()[replyTopicOf(ECHO_SERVICE)];
      const theirs = second.kafka.getConsumerAssignments()[replyTopicOf(ECHO_SERVICE)];
      expect(mine).not.toBe(theirs);
      const replies = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? client : second).send<{ text: string }>(ECHO, { text: `n${i}` }),
        ),
      );
      expect(replies.map((r) => r.text)).toEqual(Array.from({ length: 40 }, (_, i) => `n${i}`));
    } finally {
      await second.close();
    }
    await waitFor(
      async () =>
        (await client.send<{ text: string }>(ECHO, { text: 'alone' }, 1000).catch(() => undefined))
          ?.text === 'alone',
      {
        timeoutMs: 20_000,
        what: 'the remaining instance to answer alone',
      },
    );
  });
});
