import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ImportsRepository } from './imports.repository.js';
import { RosterImporter } from './roster-importer.js';

/** A running job whose worker has not reported for this long is taken over. */
const STALE_AFTER_MS = 60_000;
/** An upload not committed within this long is abandoned and its chunks deleted. */
const UPLOAD_EXPIRES_AFTER_MS = 60 * 60_000;
const POLL_INTERVAL_MS = 2_000;
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs roster imports in the directory process, one job at a time: woken when a job is
 * queued, and polling for jobs queued elsewhere or left behind by a worker that died. On
 * shutdown it stops after the current batch and puts the job back in the queue.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RosterImport');
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wakeUp: (() => void) | null = null;
  private lastSweep = 0;

  constructor(
    private readonly jobs: ImportsRepository,
    private readonly importer: RosterImporter,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  /** Look for work now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        await this.sweepAbandonedUploads();
        const job = await this.jobs.claimNext(this.workerId, new Date(Date.now() - STALE_AFTER_MS));
        if (job) {
          worked = true;
          await this.importer.run(job, this.workerId, () => this.running);
        }
      } catch (error) {
        this.logger.error({ msg: 'roster import runner failed; will retry', err: error });
      }
      if (!worked && this.running) await this.sleep();
    }
  }

  private async sweepAbandonedUploads(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = Date.now();
    const stale = await this.jobs.staleUploads(new Date(Date.now() - UPLOAD_EXPIRES_AFTER_MS));
    for (const jobId of stale) {
      await this.jobs.abandon(jobId, 'The upload did not complete');
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = () => {
        if (this.timer) clearTimeout(this.timer);
        this.wakeUp = null;
        resolve();
      };
      this.timer = setTimeout(() => this.wakeUp?.(), POLL_INTERVAL_MS);
    });
  }
}
