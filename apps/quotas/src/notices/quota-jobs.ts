import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { QuotasConfig } from '../config.js';
import { ShortNoticesService } from './short-notices.service.js';

/** The scheduled "student short" check, every JOB_INTERVAL_MS; idempotent across replicas. */
@Injectable()
export class QuotaJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QuotaJobs.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly notices: ShortNoticesService,
    private readonly config: QuotasConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.JOB_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a pass still running is not started twice. */
  runOnce(): Promise<void> {
    this.running ??= this.notices
      .scheduledCheck()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ msg: 'quota job failed', err: error }))
      .finally(() => (this.running = null));
    return this.running;
  }
}
