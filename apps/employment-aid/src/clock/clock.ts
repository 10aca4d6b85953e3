import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now". Every rule that depends on time (follow-up alerts, the
 * session edit window, days to employment) asks this provider, so a test can move time by
 * replacing `now` on the instance the running service uses (`app.get(Clock)`).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Date, to: Date): number =>
  Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/** The calendar date in Shanghai (UTC+8, no daylight saving) of an instant, YYYY-MM-DD. */
export const shanghaiDateOf = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
