import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
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

/** How every calendar read names its area, and how the answer is found. */
export const AREA_CODE_DOC =
  'Administrative region code, 6 digits (370102 Lixia district, 370100 Jinan, 370000 Shandong, ' +
  '000000 the whole country). Data is layered over the enclosing areas, nearest first: the area ' +
  'itself, its city (first 4 digits + 00), its province (first 2 digits + 0000), then 000000. ' +
  'Holidays and make-up working days per date: the nearest area with an entry for that date ' +
  'decides, so a province entry overrides that one date and every other date falls through to ' +
  'the national list. Terms and vacations per school year: all from the nearest area that defines ' +
  'any for that year, never a mix.';

export const HOLIDAY_CSV_DOC =
  `CSV text, UTF-8 (a byte-order mark is allowed), LF or CRLF line ends. The first line is the ` +
  `header \`date,kind,name\`; then one row per date, at most ${MAX_IMPORT_ROWS}: \`date\` ` +
  'YYYY-MM-DD; `kind` holiday or makeup_workday (a Saturday or Sunday worked in exchange, 调休); ' +
  '`name` required for a holiday, optional for a make-up day (the holiday it makes up for). Cells ' +
  'may be quoted with "…". Blank lines are skipped. All or nothing: if any row is wrong, nothing is ' +
  'imported and the 400 HOLIDAY_IMPORT_INVALID lists every bad row as { line, reason } (the header ' +
  'is line 1). Rows are upserted by area and date: importing the same file again changes nothing.';

const AREA_EXAMPLE = '370000';
const ASKED_AREA = { example: '370102', description: 'The area asked about' } as const;
const DEFINING_AREA = { example: '370000', description: 'The area that defined it' } as const;

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
  @ApiProperty({ example: AREA_EXAMPLE, description: 'The area the term applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ example: '2026-2027', description: 'Two consecutive years' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty({ enum: TERM_NUMBERS, type: Number, example: 1 })
  @IsIn(TERM_NUMBERS)
  term!: TermNumber;

  @ApiProperty({
    format: 'date',
    example: '2026-09-01',
    description: 'First day, in one of the school year’s years',
  })
  @IsCalendarDate()
  @IsInSchoolYear()
  startsOn!: string;

  /** The term's last day, which belongs to the term. */
  @ApiProperty({
    format: 'date',
    example: '2027-01-22',
    description: 'Last day (belongs to the term), ≥ startsOn',
  })
  @IsCalendarDate()
  @IsInSchoolYear()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

/** `directory.calendar.terms.list`: the terms that apply to an area (see CalendarList). */
export class ListTermsQuery extends ActorMessage {
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;

  @ApiPropertyOptional({ example: '2026-2027', description: 'Only this school year' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

/** `directory.calendar.terms.delete` */
export class DeleteTermCommand extends ActorMessage {
  @IsUUID()
  termId!: string;
}

/** The body of `POST /calendar/terms`. */
export class CreateTermBody extends OmitType(CreateTermCommand, ['actor'] as const) {}

/** The query of `GET /calendar/terms`. */
export class ListTermsParams extends OmitType(ListTermsQuery, ['actor'] as const) {}

export class TermView {
  @ApiProperty({ format: 'uuid', example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' })
  id!: string;

  @ApiProperty(DEFINING_AREA)
  areaCode!: string;

  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty({ enum: TERM_NUMBERS, type: Number, example: 1 })
  term!: TermNumber;

  @ApiProperty({ format: 'date', example: '2026-09-01' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2027-01-22' })
  endsOn!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-28T13:00:00.000Z' })
  createdAt!: string;
}

/** `GET /calendar/terms`: the terms that apply to the area asked about. */
export class TermListView implements CalendarList<TermView> {
  @ApiProperty(ASKED_AREA)
  areaCode!: string;

  @ApiProperty({ type: () => [TermView] })
  items!: TermView[];
}

// ---- vacations -----------------------------------------------------------------------

/** `directory.calendar.vacations.create`: the winter or summer vacation of a school year. */
export class CreateVacationCommand extends ActorMessage {
  @ApiProperty({
    example: AREA_EXAMPLE,
    description: 'The area the vacation applies to (6 digits)',
  })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({
    example: '2026-2027',
    description: 'The school year it belongs to: winter 2027 and summer 2027 are in 2026-2027',
  })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty({ enum: VACATION_KINDS, example: 'winter' })
  @IsIn(VACATION_KINDS)
  kind!: VacationKind;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2027年寒假',
    minLength: 1,
    maxLength: NAME_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  name?: string | null;

  @ApiProperty({ format: 'date', example: '2027-01-23' })
  @IsCalendarDate()
  @IsInSchoolYear()
  startsOn!: string;

  @ApiProperty({
    format: 'date',
    example: '2027-02-21',
    description: 'Last day (belongs to the vacation), ≥ startsOn',
  })
  @IsCalendarDate()
  @IsInSchoolYear()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

/** `directory.calendar.vacations.list` */
export class ListVacationsQuery extends ActorMessage {
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;

  @ApiPropertyOptional({ example: '2026-2027', description: 'Only this school year' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

/** `directory.calendar.vacations.delete` */
export class DeleteVacationCommand extends ActorMessage {
  @IsUUID()
  vacationId!: string;
}

/** The body of `POST /calendar/vacations`. */
export class CreateVacationBody extends OmitType(CreateVacationCommand, ['actor'] as const) {}

/** The query of `GET /calendar/vacations`. */
export class ListVacationsParams extends OmitType(ListVacationsQuery, ['actor'] as const) {}

export class VacationView {
  @ApiProperty({ format: 'uuid', example: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d' })
  id!: string;

  @ApiProperty(DEFINING_AREA)
  areaCode!: string;

  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty({ enum: VACATION_KINDS, example: 'winter' })
  kind!: VacationKind;

  @ApiProperty({ nullable: true, type: String, example: '2027年寒假' })
  name!: string | null;

  @ApiProperty({ format: 'date', example: '2027-01-23' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2027-02-21' })
  endsOn!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-28T13:00:00.000Z' })
  createdAt!: string;
}

/** `GET /calendar/vacations`: the vacations that apply to the area asked about. */
export class VacationListView implements CalendarList<VacationView> {
  @ApiProperty(ASKED_AREA)
  areaCode!: string;

  @ApiProperty({ type: () => [VacationView] })
  items!: VacationView[];
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
  @ApiProperty({ example: AREA_EXAMPLE, description: 'The area the entry applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-10-01',
    description: 'Local date (Asia/Shanghai); a Saturday or Sunday for a make-up working day',
  })
  @IsCalendarDate()
  @IsMakeupWorkdayDate()
  date!: string;

  @ApiProperty({
    enum: HOLIDAY_KINDS,
    example: 'holiday',
    description: 'holiday, or makeup_workday (调休上班: a Saturday or Sunday that is worked)',
  })
  @IsIn(HOLIDAY_KINDS)
  kind!: HolidayKind;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '国庆节',
    maxLength: NAME_MAX_LENGTH,
    description: 'Required for a holiday; for a make-up day, the holiday it makes up for',
  })
  @IsHolidayName()
  name?: string | null;
}

/** The body of `POST /calendar/holidays`. */
export class SetHolidayBody extends OmitType(SetHolidayCommand, ['actor'] as const) {}

/**
 * `directory.calendar.holidays.import`: a CSV file (UTF-8, BOM optional, header
 * `date,kind,name`, one row per date) for one area. All or nothing: one bad row and nothing
 * is imported. Rows are upserted by area and date, so importing a file twice changes nothing.
 */
export class ImportHolidaysCommand extends ActorMessage {
  @ApiProperty({ example: AREA_EXAMPLE, description: 'The area every row applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({
    description: HOLIDAY_CSV_DOC,
    minLength: 1,
    maxLength: MAX_IMPORT_CSV_LENGTH,
    example:
      'date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-02,holiday,国庆节\n2026-10-10,makeup_workday,国庆节\n',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_IMPORT_CSV_LENGTH)
  csv!: string;
}

/** The body of `POST /calendar/holidays/import`. */
export class ImportHolidaysBody extends OmitType(ImportHolidaysCommand, ['actor'] as const) {}

/** `directory.calendar.holidays.list`: the entries that apply to an area in a year. */
export class ListHolidaysQuery extends ActorMessage {
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({
    type: Number,
    minimum: 1000,
    maximum: 9999,
    example: 2026,
    description: 'Calendar year',
  })
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

/** The query of `GET /calendar/holidays`. */
export class ListHolidaysParams extends OmitType(ListHolidaysQuery, ['actor'] as const) {}

export class HolidayView {
  @ApiProperty({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  id!: string;

  @ApiProperty(DEFINING_AREA)
  areaCode!: string;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  date!: string;

  @ApiProperty({ enum: HOLIDAY_KINDS, example: 'holiday' })
  kind!: HolidayKind;

  /** The holiday (国庆节); for a make-up working day, the holiday it makes up for, if given. */
  @ApiProperty({
    nullable: true,
    type: String,
    example: '国庆节',
    description: 'The holiday; for a make-up working day, the holiday it makes up for, if given',
  })
  name!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-28T13:00:00.000Z' })
  updatedAt!: string;
}

/** `GET /calendar/holidays`: the entries that apply to the area asked about. */
export class HolidayListView implements CalendarList<HolidayView> {
  @ApiProperty(ASKED_AREA)
  areaCode!: string;

  @ApiProperty({ type: () => [HolidayView] })
  items!: HolidayView[];
}

/** One rejected CSV row: `line` counts from 1, the header being line 1. */
export interface HolidayImportRowError {
  line: number;
  reason: string;
}

export class HolidayImportReport {
  @ApiProperty({ example: AREA_EXAMPLE })
  areaCode!: string;

  /** Data rows in the file. */
  @ApiProperty({ type: Number, example: 3, description: 'Data rows in the file' })
  rows!: number;

  @ApiProperty({ type: Number, example: 2 })
  created!: number;

  @ApiProperty({ type: Number, example: 1, description: 'Dates whose kind or name changed' })
  updated!: number;

  @ApiProperty({ type: Number, example: 0, description: 'Rows equal to what was there' })
  unchanged!: number;
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
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ format: 'date', example: '2026-10-10', description: 'Local date, YYYY-MM-DD' })
  @IsCalendarDate()
  date!: string;
}

/** The query of `GET /calendar/days/{date}` (the date is the path's). */
export class GetCalendarDayParams extends OmitType(GetCalendarDayQuery, [
  'actor',
  'date',
] as const) {}

/** `directory.calendar.days.list`: one answer per date, `from` to `to` included, at most 366 dates. */
export class ListCalendarDaysQuery extends ActorMessage {
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-10-31',
    description: `≥ from; at most ${MAX_DAYS_PER_QUERY} dates from \`from\` to \`to\`, both included`,
  })
  @IsCalendarDate()
  @IsOnOrAfter('from', MAX_DAYS_PER_QUERY)
  to!: string;
}

/** The query of `GET /calendar/days`. */
export class ListCalendarDaysParams extends OmitType(ListCalendarDaysQuery, ['actor'] as const) {}

export class CalendarDayTerm {
  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty({ enum: TERM_NUMBERS, type: Number, example: 1 })
  term!: TermNumber;

  @ApiProperty({ format: 'date', example: '2026-09-01' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2027-01-22' })
  endsOn!: string;
}

export class CalendarDayVacation {
  @ApiProperty({ enum: VACATION_KINDS, example: 'winter' })
  kind!: VacationKind;

  @ApiProperty({ nullable: true, type: String, example: '2027年寒假' })
  name!: string | null;

  @ApiProperty({ format: 'date', example: '2027-01-23' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2027-02-21' })
  endsOn!: string;
}

export class CalendarDayView {
  /** The local date in Asia/Shanghai. */
  @ApiProperty({ format: 'date', example: '2026-10-10', description: 'Local date (Asia/Shanghai)' })
  date!: string;

  /** The area asked about (the data may come from an enclosing area). */
  @ApiProperty(ASKED_AREA)
  areaCode!: string;

  @ApiProperty({ type: Boolean, example: false })
  isHoliday!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Set on holidays' })
  holidayName!: string | null;

  @ApiProperty({
    type: Boolean,
    example: true,
    description: '调休上班: worked although a weekend day',
  })
  isMakeupWorkday!: boolean;

  @ApiProperty({ type: Boolean, example: true, description: 'Saturday or Sunday' })
  isWeekend!: boolean;

  /** A make-up working day, or a weekday that is not a holiday. */
  @ApiProperty({
    type: Boolean,
    example: true,
    description: 'A make-up working day, or a weekday that is not a holiday',
  })
  isWorkingDay!: boolean;

  @ApiProperty({ type: Boolean, example: false })
  isVacation!: boolean;

  @ApiProperty({ type: () => CalendarDayVacation, nullable: true, example: null })
  vacation!: CalendarDayVacation | null;

  @ApiProperty({
    type: () => CalendarDayTerm,
    nullable: true,
    description: 'The term the date is in, its last day included',
  })
  term!: CalendarDayTerm | null;
}

export class CalendarDaysView {
  @ApiProperty(ASKED_AREA)
  areaCode!: string;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-10-31' })
  to!: string;

  @ApiProperty({ type: () => [CalendarDayView], description: 'One entry per date, in order' })
  days!: CalendarDayView[];
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
