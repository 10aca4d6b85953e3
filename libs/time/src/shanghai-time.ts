/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset turns
 * local dates and times into UTC instants without a time-zone database. Local dates
 * (`YYYY-MM-DD`) are plain strings; their arithmetic is done on UTC midnights, which have no
 * daylight-saving gaps.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const DAY_MS = 86_400_000;

const utcMidnightOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** The local date (`YYYY-MM-DD`) in Asia/Shanghai of an instant. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local time (`HH:mm`) in Asia/Shanghai of an instant. */
export function shanghaiTimeOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The UTC instant of a local date and time (`HH:mm`) in Asia/Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - SHANGHAI_OFFSET_MS);
}

/** `date` plus `days` calendar days (minus when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcMidnightOf(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (0 for the same date, negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / DAY_MS);
}

/** Whole 24-hour days elapsed from one instant to another (negative when `to` is earlier). */
export function elapsedDays(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}
