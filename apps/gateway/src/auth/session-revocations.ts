import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Consumer } from 'kafkajs';
import { kafkaOf } from '@app/config';
import { SessionRevokedEnvelope, Topics } from '@app/contracts';
import { createKafka } from '@app/messaging';
import { GatewayConfig } from '../config.js';

/** Kept this long past `expiresAt`, in case the clocks of directory and gateway differ. */
const CLOCK_SKEW_MS = 60_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * The sessions (refresh-token families) revoked by a logout or a reused refresh token, kept
 * until their access tokens would have expired anyway. Every gateway instance reads every
 * revocation: a consumer group of its own (`gateway.revocations.<uuid>`), from the beginning
 * of `directory.session.revoked.v1`, offsets never committed. Readiness waits until it has
 * read what the topic held when the instance started, so a new instance serves no request
 * before it knows every revocation.
 */
@Injectable()
export class SessionRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocations.name);
  /** Revoked session id → when its last access token expires (epoch ms). */
  private readonly revoked = new Map<string, number>();
  /** Partition → the end offset it had at start; gone once read up to it. */
  private readonly backlog = new Map<number, bigint>();
  private caughtUp = false;
  private stopped = false;
  private consumer: Consumer | null = null;
  private lastSweep = Date.now();

  constructor(@Inject(GatewayConfig) private readonly config: GatewayConfig) {}

  /** True when tokens of this session must be refused. */
  isRevoked(sessionId: string): boolean {
    const expiresAt = this.revoked.get(sessionId);
    if (expiresAt === undefined) return false;
    if (expiresAt + CLOCK_SKEW_MS > Date.now()) return true;
    this.revoked.delete(sessionId);
    return false;
  }

  /** Refuses the session's tokens from now until `expiresAt`. */
  revoke(sessionId: string, expiresAt: string | Date): void {
    const until = new Date(expiresAt).getTime();
    if (Number.isNaN(until)) return;
    this.revoked.set(sessionId, Math.max(until, this.revoked.get(sessionId) ?? 0));
    this.sweep();
  }

  /** Each session a change in the directory revoked (its reply names them): at once here. */
  revokeAll(sessions: readonly { sessionId: string; expiresAt: string }[]): void {
    for (const { sessionId, expiresAt } of sessions) this.revoke(sessionId, expiresAt);
  }

  /** True once the revocations the topic held at start are all known, and still arriving. */
  isCaughtUp(): boolean {
    return this.caughtUp && !this.stopped;
  }

  async onApplicationBootstrap(): Promise<void> {
    const topic = Topics.events.sessionRevoked;
    const kafka = createKafka(kafkaOf(this.config, 'gateway'), 'gateway-revocations');
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) this.backlog.set(partition, BigInt(high));
      }
    } finally {
      await admin.disconnect();
    }
    this.caughtUp = this.backlog.size === 0;
    this.consumer = kafka.consumer({
      groupId: `gateway.revocations.${randomUUID()}`,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    });
    // kafkajs restarts the consumer after a retriable failure; after any other it stops
    // for good, and this instance would miss revocations: it says so through readiness.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.logger.error({ msg: 'session revocation consumer crashed', restart: payload.restart });
      if (!payload.restart) this.stopped = true;
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [topic], fromBeginning: true });
    await this.consumer.run({
      // The group is this instance's alone and starts from the beginning every time.
      autoCommit: false,
      eachMessage: ({ partition, message }) => {
        this.apply(message.value?.toString() ?? '', message.offset);
        this.markRead(partition, message.offset);
        return Promise.resolve();
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private apply(value: string, offset: string): void {
    let event: SessionRevokedEnvelope;
    try {
      event = plainToInstance(SessionRevokedEnvelope, JSON.parse(value) as object);
    } catch {
      this.logger.warn({ msg: 'unreadable session revocation skipped', offset });
      return;
    }
    const errors = validateSync(event, { whitelist: true });
    if (errors.length > 0) {
      this.logger.warn({ msg: 'invalid session revocation skipped', offset });
      return;
    }
    this.revoke(event.payload.sessionId, event.payload.expiresAt);
  }

  private markRead(partition: number, offset: string): void {
    const end = this.backlog.get(partition);
    if (end === undefined || BigInt(offset) + 1n < end) return;
    this.backlog.delete(partition);
    if (this.backlog.size === 0 && !this.caughtUp) {
      this.caughtUp = true;
      this.logger.log({ msg: 'session revocations caught up', sessions: this.revoked.size });
    }
  }

  /** Drops expired sessions now and then, so memory holds only tokens still alive. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [sessionId, expiresAt] of this.revoked) {
      if (expiresAt + CLOCK_SKEW_MS <= now) this.revoked.delete(sessionId);
    }
  }
}
