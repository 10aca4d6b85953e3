import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { ActorMessage } from '../messages/common.js';
// One date and school-year validator for the suite: the roster's.
import { IsCalendarDate, IsSchoolYear } from '../roster/validation.js';
import {
  AREA_CODE,
  IsInSchoolYear,
  IsOnOrAfter,
  MAX_DAYS_PER_QUERY,
  isLocalDate,
  isWeekendDate,
} from './local-date.js';

export const TERM_NUMBERS = [1, 2] as const;
export type TermNumber = (typeof TERM_NUMBERS)[number];

export const VACATION_KINDS = ['winter', 'summer'] as const;
export type VacationKind = (typeof VACATION_KINDS)[number];

/** A statutory holiday (法定节假日) or a make-up working day (调休上班). */
export const HOLIDAY_KINDS = ['holiday', 'makeup_workday'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const NAME_MAX_LENGTH = 50;
/** A year's list has about 40 dates; this leaves room for several years in one file. */
export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_CSV_LENGTH = 100_000;

/** `@IsAreaCode()`: an administrative region code, 6 digits (`000000` for the whole country). */
export function IsAreaCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(AREA_CODE, {
    message: '$property must be a 6-digit administrative region code, e.g. 370102',
    ...options,
  });
}

/**
 * `@IsHolidayName()`: required for a holiday (e.g. 国庆节); optional for a make-up working
 * day, where it names the holiday the day makes up for.
 */
export function IsHolidayName(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isHolidayName',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property is required for a holiday and has at most ${NAME_MAX_LENGTH} characters`,
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (value === undefined || value === null || value === '') {
            return (args.object as { kind?: unknown }).kind !== 'holiday';
          }
          return (
            typeof value === 'string' && value.trim().length > 0 && value.length <= NAME_MAX_LENGTH
          );
        },
      },
    });
}

/** `@IsMakeupWorkdayDate()`: a make-up working day is a Saturday or Sunday, or it makes nothing up. */
export function IsMakeupWorkdayDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMakeupWorkdayDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be a Saturday or Sunday for a make-up working day',
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if ((args.object as { kind?: unknown }).kind !== 'makeup_workday') return true;
          return !isLocalDate(value) || isWeekendDate(value);
        },
      },
    });
}

// ---- terms ---------------------------------------------------------------------------

/** `directory.calendar.terms.create`: a term of a school year in an area. */
export class CreateTermCommand extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsSchoolYear()
  schoolYear!: string;

  @IsIn(TERM_NUMBERS)
  term!: TermNumber;

  @IsCalendarDate()
  @IsInSchoolYear()
  startsOn!: string;

  /** The term's last day, which belongs to the term. */
  @IsCalendarDate()
  @IsInSchoolYear()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

/** `directory.calendar.terms.list`: the terms that apply to an area (see CalendarList). */
export class ListTermsQuery extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

/** `directory.calendar.terms.delete` */
export class DeleteTermCommand extends ActorMessage {
  @IsUUID()
  termId!: string;
}

export interface TermView {
  id: string;
  areaCode: string;
  schoolYear: string;
  term: TermNumber;
  startsOn: string;
  endsOn: string;
  createdAt: string;
}

// ---- vacations -----------------------------------------------------------------------

/** `directory.calendar.vacations.create`: the winter or summer vacation of a school year. */
export class CreateVacationCommand extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsSchoolYear()
  schoolYear!: string;

  @IsIn(VACATION_KINDS)
  kind!: VacationKind;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  name?: string | null;

  @IsCalendarDate()
  @IsInSchoolYear()
  startsOn!: string;

  @IsCalendarDate()
  @IsInSchoolYear()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

/** `directory.calendar.vacations.list` */
export class ListVacationsQuery extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

/** `directory.calendar.vacations.delete` */
export class DeleteVacationCommand extends ActorMessage {
  @IsUUID()
  vacationId!: string;
}

export interface VacationView {
  id: string;
  areaCode: string;
  schoolYear: string;
  kind: VacationKind;
  name: string | null;
  startsOn: string;
  endsOn: string;
  createdAt: string;
}

// ---- statutory holidays and make-up working days --------------------------------------

/** One dated entry: the fields of a CSV row, and of the one-date command. */
export class HolidayEntry {
  @IsCalendarDate()
  @IsMakeupWorkdayDate()
  date!: string;

  @IsIn(HOLIDAY_KINDS)
  kind!: HolidayKind;

  @IsHolidayName()
  name?: string | null;
}

/** `directory.calendar.holidays.set`: creates or replaces the entry of one date in an area. */
export class SetHolidayCommand extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsCalendarDate()
  @IsMakeupWorkdayDate()
  date!: string;

  @IsIn(HOLIDAY_KINDS)
  kind!: HolidayKind;

  @IsHolidayName()
  name?: string | null;
}

/**
 * `directory.calendar.holidays.import`: a CSV file (UTF-8, BOM optional, header
 * `date,kind,name`, one row per date) for one area. All or nothing: one bad row and nothing
 * is imported. Rows are upserted by area and date, so importing a file twice changes nothing.
 */
export class ImportHolidaysCommand extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_IMPORT_CSV_LENGTH)
  csv!: string;
}

/** `directory.calendar.holidays.list`: the entries that apply to an area in a year. */
export class ListHolidaysQuery extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(9999)
  year!: number;
}

/** `directory.calendar.holidays.delete` */
export class DeleteHolidayCommand extends ActorMessage {
  @IsUUID()
  holidayId!: string;
}

export interface HolidayView {
  id: string;
  areaCode: string;
  date: string;
  kind: HolidayKind;
  /** The holiday (国庆节); for a make-up working day, the holiday it makes up for, if given. */
  name: string | null;
  updatedAt: string;
}

/** One rejected CSV row: `line` counts from 1, the header being line 1. */
export interface HolidayImportRowError {
  line: number;
  reason: string;
}

export interface HolidayImportReport {
  areaCode: string;
  /** Data rows in the file. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * A list for an area, resolved like a day: each item carries the `areaCode` that defined it,
 * which may be an enclosing area (the city, the province, or `000000`).
 */
export interface CalendarList<T> {
  areaCode: string;
  items: T[];
}

// ---- days ------------------------------------------------------------------------------

/** `directory.calendar.days.get`: what one local date is in an area. */
export class GetCalendarDayQuery extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsCalendarDate()
  date!: string;
}

/** `directory.calendar.days.list`: one answer per date, `from` to `to` included, at most 366 dates. */
export class ListCalendarDaysQuery extends ActorMessage {
  @IsAreaCode()
  areaCode!: string;

  @IsCalendarDate()
  from!: string;

  @IsCalendarDate()
  @IsOnOrAfter('from', MAX_DAYS_PER_QUERY)
  to!: string;
}

export interface CalendarDayTerm {
  schoolYear: string;
  term: TermNumber;
  startsOn: string;
  endsOn: string;
}

export interface CalendarDayVacation {
  kind: VacationKind;
  name: string | null;
  startsOn: string;
  endsOn: string;
}

export interface CalendarDayView {
  /** The local date in Asia/Shanghai. */
  date: string;
  /** The area asked about (the data may come from an enclosing area). */
  areaCode: string;
  isHoliday: boolean;
  holidayName: string | null;
  isMakeupWorkday: boolean;
  isWeekend: boolean;
  /** A make-up working day, or a weekday that is not a holiday. */
  isWorkingDay: boolean;
  isVacation: boolean;
  vacation: CalendarDayVacation | null;
  term: CalendarDayTerm | null;
}

export interface CalendarDaysView {
  areaCode: string;
  from: string;
  to: string;
  days: CalendarDayView[];
}

// ---- events ----------------------------------------------------------------------------

export const CALENDAR_CHANGE_KINDS = ['term', 'vacation', 'holiday'] as const;
export type CalendarChangeKind = (typeof CALENDAR_CHANGE_KINDS)[number];

interface CalendarChangeBase {
  /** The area whose own data changed; also the event key. */
  areaCode: string;
  /** `upserted`: the records were created or replaced; `deleted`: they are gone. */
  action: 'upserted' | 'deleted';
  /** Ids of the records affected. */
  ids: string[];
  /** First and last local date whose answers may have changed. */
  from: string;
  to: string;
}

/**
 * `directory.calendar.changed.v1`, keyed by areaCode. `records` are the records as they now
 * are (upserted) or as they were (deleted), so a consumer can keep its own copy without
 * asking back. For holidays, `dates` lists every date affected.
 */
export type CalendarChangedPayload =
  | (CalendarChangeBase & { kind: 'term'; records: TermView[] })
  | (CalendarChangeBase & { kind: 'vacation'; records: VacationView[] })
  | (CalendarChangeBase & { kind: 'holiday'; records: HolidayView[]; dates: string[] });
