import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BookingsService } from '../bookings/bookings.service.js';
import { VenuesConfig } from '../config.js';
import { SlotPlanner } from '../slots/slot-planner.js';
import { GroupWaitlistService } from '../waitlist/group-waitlist.service.js';
import { WaitlistService } from '../waitlist/waitlist.service.js';

const WINDOW_ROLL_MS = 3600_000;

/**
 * The periodic work: no-shows, expired group requests and waiting-list offers, and the rolling slot window (hourly,
 * and at start). One instance per service process; every step is idempotent, so replicas
 * doing it too cost only duplicate reads.
 */
@Injectable()
export class VenueJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(VenueJobs.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastRoll = 0;

  constructor(
    private readonly bookings: BookingsService,
    private readonly planner: SlotPlanner,
    private readonly waitlist: WaitlistService,
    private readonly groupWaitlist: GroupWaitlistService,
    private readonly config: VenuesConfig,
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
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      await this.bookings.expirePending();
      await this.bookings.markNoShows();
      await this.waitlist.expireOffers();
      await this.groupWaitlist.expireOffers();
      if (Date.now() - this.lastRoll >= WINDOW_ROLL_MS) {
        await this.planner.regenerateArea();
        this.lastRoll = Date.now();
      }
    } catch (error) {
      this.logger.error({ msg: 'venue job failed', err: error });
    }
  }
}
