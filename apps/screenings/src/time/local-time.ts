/**
 * Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so a fixed offset turns
 * local dates and times into UTC instants without a time-zone database.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The UTC instant of a local date and time (HH:mm) in Asia/Shanghai. */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - SHANGHAI_OFFSET_MS);
}

/** The local date (YYYY-MM-DD) in Asia/Shanghai at an instant. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The school year of a local date: it turns on 1 August, as the directory's rosters do. */
export function schoolYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** Grades 1–12 as a bit mask (bit n for grade n), so a query can ask for one grade. */
export function gradesMaskOf(grades: number[]): number {
  return grades.reduce((mask, grade) => mask | (1 << grade), 0);
}

export function gradesOfMask(mask: number): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((grade) => (mask & (1 << grade)) !== 0);
}
