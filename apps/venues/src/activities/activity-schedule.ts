import { MAX_GRADE, MIN_GRADE } from '@app/contracts';
import { addDays, shanghaiDateOf, shanghaiInstant } from '@app/time';
import { minutesOf } from '../calendar/local-time.js';

/** How far ahead an activity may be scheduled. */
export const MAX_DAYS_AHEAD = 366;
/** An activity lasts at most this long (it is one session, not a season). */
export const MAX_ACTIVITY_MINUTES = 12 * 60;

/** Grades as a bit mask (bit g for grade g), so that a search by grade is one `&`. */
export function gradesMaskOf(grades: number[]): number {
  return grades.reduce((mask, grade) => mask | (1 << grade), 0);
}

export function gradesOf(mask: number): number[] {
  const grades: number[] = [];
  for (let grade = MIN_GRADE; grade <= MAX_GRADE; grade++) {
    if (mask & (1 << grade)) grades.push(grade);
  }
  return grades;
}

export interface ActivitySchedule {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A local date and start/end times (Asia/Shanghai) as UTC instants, or why not: the end
 * after the start, at most MAX_ACTIVITY_MINUTES, in the future, within MAX_DAYS_AHEAD.
 */
export function scheduleOf(
  date: string,
  startTime: string,
  endTime: string,
  now: Date,
): ActivitySchedule | { problem: string; field: string } {
  const minutes = minutesOf(endTime) - minutesOf(startTime);
  if (minutes <= 0) return { problem: 'must be after startTime', field: 'endTime' };
  if (minutes > MAX_ACTIVITY_MINUTES) {
    return {
      problem: `an activity lasts at most ${MAX_ACTIVITY_MINUTES / 60} hours`,
      field: 'endTime',
    };
  }
  const startsAt = shanghaiInstant(date, startTime);
  if (startsAt <= now) return { problem: 'must be in the future', field: 'date' };
  if (date > addDays(shanghaiDateOf(now), MAX_DAYS_AHEAD)) {
    return { problem: `must be within ${MAX_DAYS_AHEAD} days`, field: 'date' };
  }
  return { date, startsAt, endsAt: shanghaiInstant(date, endTime) };
}
