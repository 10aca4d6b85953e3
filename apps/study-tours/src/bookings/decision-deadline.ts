import { addDays, shanghaiInstant } from '@app/time';

const HOUR_MS = 3_600_000;

/**
 * When the base must have confirmed or declined a booking submitted at `submittedAt` for a
 * visit starting on `visitDate` (Asia/Shanghai): `hours` after submission, but never later
 * than `daysBeforeVisit` days before the visit's first day (00:00), so the school still has
 * time to plan. A booking submitted after that cut-off has until the visit begins at most.
 */
export function decisionDeadline(
  submittedAt: Date,
  visitDate: string,
  hours: number,
  daysBeforeVisit: number,
): Date {
  const byHours = submittedAt.getTime() + hours * HOUR_MS;
  const visitStart = shanghaiInstant(visitDate, '00:00').getTime();
  const cutOff = shanghaiInstant(addDays(visitDate, -daysBeforeVisit), '00:00').getTime();
  const latest = cutOff > submittedAt.getTime() ? cutOff : visitStart;
  return new Date(Math.min(byHours, latest));
}
