import { DAY_MS } from '@app/time';

/**
 * The end of a bar on individual bookings, or null: `limit` no-shows within `windowDays` bar
 * new individual bookings for `barDays` from the last of them. `noShowEnds` sorted, oldest first.
 */
export function barredUntil(
  noShowEnds: Date[],
  limit: number,
  windowDays: number,
  barDays: number,
): Date | null {
  let until: Date | null = null;
  for (let i = limit - 1; i < noShowEnds.length; i++) {
    if (noShowEnds[i].getTime() - noShowEnds[i - limit + 1].getTime() <= windowDays * DAY_MS) {
      until = new Date(noShowEnds[i].getTime() + barDays * DAY_MS);
    }
  }
  return until;
}
