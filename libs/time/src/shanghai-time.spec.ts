import {
  addDays,
  daysBetween,
  elapsedDays,
  shanghaiDateOf,
  shanghaiInstant,
  shanghaiTimeOf,
} from './shanghai-time.js';
import { Clock } from './clock.js';

describe('Asia/Shanghai dates and times', () => {
  it('turns the date at 16:00 UTC, midnight in Shanghai', () => {
    expect(shanghaiDateOf(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(shanghaiDateOf(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
  });

  it('rolls over months and years by the Shanghai calendar, not the UTC one', () => {
    expect(shanghaiDateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDateOf(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(shanghaiDateOf(new Date('2028-02-28T16:30:00Z'))).toBe('2028-02-29');
  });

  it('gives the local time of an instant and the instant of a local date and time', () => {
    expect(shanghaiTimeOf(new Date('2026-11-30T23:30:00Z'))).toBe('07:30');
    expect(shanghaiInstant('2026-12-01', '07:30').toISOString()).toBe('2026-11-30T23:30:00.000Z');
    expect(shanghaiInstant('2027-01-01', '00:00').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    const instant = shanghaiInstant('2026-12-01', '09:15');
    expect([shanghaiDateOf(instant), shanghaiTimeOf(instant)]).toEqual(['2026-12-01', '09:15']);
  });

  it('adds calendar days across month, leap-day and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('counts calendar days between dates, negative backwards', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2027-01-01', '2026-01-01')).toBe(-365);
  });

  it('counts whole elapsed days between instants, rounding down', () => {
    const from = new Date('2026-11-30T10:00:00Z');
    expect(elapsedDays(from, new Date('2026-12-01T09:59:59Z'))).toBe(0);
    expect(elapsedDays(from, new Date('2026-12-01T10:00:00Z'))).toBe(1);
    expect(elapsedDays(from, new Date('2026-11-30T09:00:00Z'))).toBe(-1);
  });
});

describe('Clock', () => {
  it("gives today's Shanghai date of whatever now it is told", () => {
    const clock = new Clock();
    clock.now = () => new Date('2026-12-31T16:00:00Z');
    expect(clock.today()).toBe('2027-01-01');
  });
});
