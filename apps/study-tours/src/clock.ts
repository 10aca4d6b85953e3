import { Injectable } from '@nestjs/common';

/** The time, injectable so tests can move it (`app.get(Clock).now = ...`). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant. */
export const shanghaiDateOf = (instant: Date): string =>
  new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** `date` plus `days` calendar days. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
