import type {
  DailyHours,
  HolidayOnClosedDayRule,
  SlotProfile,
  Weekday,
  WeeklyHours,
} from '@app/contracts';
import { minutesOf, timeOfMinutes } from './local-time.js';

/** What the calendar says about one local date in the venue's area. */
export interface DayFacts {
  date: string;
  weekday: Weekday;
  /** A statutory holiday (its name). */
  holidayName: string | null;
  /** A make-up working day (调休): a weekend day worked as an ordinary day. */
  makeupWorkday: boolean;
  /** The school vacation the date falls in (`summer`, `winter`). */
  vacation: string | null;
  /** A special closure of the venue, with its reason. */
  closureReason: string | null;
}

export interface OpeningRules {
  weeklyHours: WeeklyHours;
  extendedHours: DailyHours | null;
  holidayOnClosedDay: HolidayOnClosedDayRule;
}

export interface DayOpening extends DailyHours {
  profile: SlotProfile;
  reason: string;
}

/**
 * The hours of one day. A special closure wins; a make-up working day follows the ordinary
 * rules of its weekday; a statutory holiday gets the extended hours, even on the regular
 * closed day unless the venue chose `closed`; a vacation day gets the extended hours on the
 * days the venue opens anyway (its regular closed day stays closed).
 */
export function openingOf(rules: OpeningRules, day: DayFacts): DayOpening | null {
  if (day.closureReason !== null) return null;
  const ordinary = rules.weeklyHours[day.weekday] ?? null;
  if (day.makeupWorkday) {
    return ordinary && { ...pick(ordinary), profile: 'ordinary', reason: 'makeup_workday' };
  }
  if (day.holidayName !== null) {
    if (!ordinary && rules.holidayOnClosedDay === 'closed') return null;
    const hours = rules.extendedHours ?? ordinary;
    return hours && { ...pick(hours), profile: 'extended', reason: `holiday:${day.holidayName}` };
  }
  if (!ordinary) return null;
  if (day.vacation !== null) {
    const hours = rules.extendedHours ?? ordinary;
    return { ...pick(hours), profile: 'extended', reason: `vacation:${day.vacation}` };
  }
  return { ...pick(ordinary), profile: 'ordinary', reason: 'weekday' };
}

const pick = (hours: DailyHours): DailyHours => ({ opens: hours.opens, closes: hours.closes });

/** Whole slots of `slotMinutes` from opening to closing; a last part shorter than a slot is dropped. */
export function slotTimesOf(hours: DailyHours, slotMinutes: number): DailyHours[] {
  const times: DailyHours[] = [];
  const closes = minutesOf(hours.closes);
  for (let start = minutesOf(hours.opens); start + slotMinutes <= closes; start += slotMinutes) {
    times.push({ opens: timeOfMinutes(start), closes: timeOfMinutes(start + slotMinutes) });
  }
  return times;
}

/** Every day's hours close after they open. */
export function hoursAreValid(hours: (DailyHours | null | undefined)[]): boolean {
  return hours.every((h) => !h || minutesOf(h.closes) > minutesOf(h.opens));
}
