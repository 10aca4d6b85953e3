import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BookingsService } from '../bookings/bookings.service.js';
import { StudyToursConfig } from '../config.js';

/**
 * The periodic work: expiring submitted bookings left undecided past their deadline, every
 * JOB_INTERVAL_MS and at start. Each booking is expired under its row lock only while still
 * due, so replicas running the pass at once expire and publish it once.
 */
@Injectable()
export class StudyToursJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StudyToursJobs.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly bookings: BookingsService,
    private readonly config: StudyToursConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.JOB_INTERVAL_MS);
    this.timer.unref();
    void this.runOnce();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a pass still running is not started twice. */
  runOnce(): Promise<void> {
    this.running ??= this.bookings
      .expireDue()
      .then((expired) => {
        if (expired > 0) this.logger.log({ msg: 'undecided study-tour bookings expired', expired });
      })
      .catch((error: unknown) => this.logger.error({ msg: 'study-tours job failed', err: error }))
      .finally(() => (this.running = null));
    return this.running;
  }
}
