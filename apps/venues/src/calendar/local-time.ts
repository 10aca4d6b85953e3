import type { Weekday } from '@app/contracts';

/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset turns
 * local dates and times into UTC instants without a time-zone database.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const WEEKDAY_BY_UTC_DAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The local date (YYYY-MM-DD) in Asia/Shanghai at an instant. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

/** The UTC instant of a local date and time (HH:mm) in Asia/Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - SHANGHAI_OFFSET_MS);
}

/** The local time (HH:mm) in Asia/Shanghai of an instant. */
export function shanghaiTimeOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
