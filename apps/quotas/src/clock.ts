import { Injectable } from '@nestjs/common';

/** The time, injectable so tests and the scheduled check can move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date in Asia/Shanghai (UTC+8, no daylight saving), `YYYY-MM-DD`. */
  today(): string {
    return localDateOf(this.now());
  }
}

/** The Asia/Shanghai calendar date of an instant. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
