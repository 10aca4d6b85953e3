import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import kafkajs, { type Admin } from 'kafkajs';
import { SERVICE_PINGS, type PingReply } from '@app/contracts';
import { kafkaOf } from '@app/config';
import { AppError } from '@app/errors';
import { createKafka, RpcClient } from '@app/messaging';
import { SessionRevocations } from '../auth/session-revocations.js';
import { GatewayConfig } from '../config.js';

export const CHECK_STATES = ['up', 'down'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** `GET /health/ready`: the state of each dependency (also the details of a 503 NOT_READY). */
export class Readiness {
  @ApiProperty({ type: Boolean, example: true, description: 'Every check is up' })
  ready!: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...CHECK_STATES] },
    example: { kafka: 'up', replies: 'up', revocations: 'up', directory: 'up' },
    description:
      'kafka, replies (the reply channel), revocations (revoked sessions caught up) and one entry per service',
  })
  checks!: Record<string, CheckState>;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

@Injectable()
export class HealthService implements OnModuleDestroy {
  private admin: Admin | null = null;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  async readiness(): Promise<Readiness> {
    const timeoutMs = this.config.READINESS_TIMEOUT_MS;
    const [kafka, ...services] = await Promise.all([
      this.check(() => withTimeout(this.describeCluster(), timeoutMs)),
      ...SERVICE_PINGS.map((s) =>
        this.check(() => this.rpc.send<PingReply>(s.ping, { from: 'gateway' }, timeoutMs)),
      ),
    ]);
    const checks: Record<string, CheckState> = {
      kafka,
      replies: this.rpc.isReady() ? 'up' : 'down',
      // Not ready before every revoked session is known, or a logged-out token would pass.
      revocations: this.revocations.isCaughtUp() ? 'up' : 'down',
    };
    SERVICE_PINGS.forEach((s, i) => (checks[s.name] = services[i]!));
    return { ready: Object.values(checks).every((c) => c === 'up'), checks };
  }

  async assertReady(): Promise<Readiness> {
    const readiness = await this.readiness();
    if (!readiness.ready) {
      throw new AppError('NOT_READY', 'unavailable', 'Some dependencies do not answer', readiness);
    }
    return readiness;
  }

  private async describeCluster(): Promise<void> {
    if (!this.admin) {
      const admin = createKafka(kafkaOf(this.config, 'gateway'), 'gateway-health', {
        retry: { retries: 0 },
        connectionTimeout: 1000,
        logLevel: kafkajs.logLevel.NOTHING,
      }).admin();
      await admin.connect();
      this.admin = admin;
    }
    try {
      await this.admin.describeCluster();
    } catch (error) {
      await this.admin.disconnect().catch(() => undefined);
      this.admin = null;
      throw error;
    }
  }

  private async check(probe: () => Promise<unknown>): Promise<CheckState> {
    try {
      await probe();
      return 'up';
    } catch {
      return 'down';
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect();
  }
}
