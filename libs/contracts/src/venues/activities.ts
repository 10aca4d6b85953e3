import {
  ApiProperty,
  ApiPropertyOptional,
  IntersectionType,
  OmitType,
  PartialType,
} from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
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
} from 'class-validator';
import { ActorMessage, PageQuery } from '../messages/common.js';
import { IsCalendarDate } from '../roster/validation.js';
import { GroupVisitFields, LOCAL_TIME, VENUE_CATEGORIES, type VenueCategory } from './messages.js';

/**
 * Student-oriented activities at a venue (a workshop, a guided tour, a holiday science show):
 * their own date, time and capacity, booked like slots (an activity's places are a pool of
 * their own, in the individual and group pools).
 */
export const ACTIVITY_KINDS = ['workshop', 'guided_tour', 'show', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['scheduled', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
/** Grades 1 to 12 (primary 1-6, junior secondary 7-9, senior secondary 10-12). */
export const MIN_GRADE = 1;
export const MAX_GRADE = 12;
export const MAX_ACTIVITY_PLACES = 10_000;

const TIME_MESSAGE = '$property must be a local time HH:mm (Asia/Shanghai)';
const UUID_EXAMPLE = '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d';

/** `true`/`false` in a query string become booleans; anything else stays and fails `IsBoolean`. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/**
 * The fields venue staff set: all but `description` and `studentPriceFen` required on
 * creation, every one optional on update (`PartialType`, so the create rules stay whole).
 */
export class ActivityFields {
  @ApiProperty({ example: '假日科学秀：青铜器里的化学', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'show' })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiPropertyOptional({
    type: String,
    example: '现场演示青铜铸造与锈蚀中的化学变化',
    nullable: true,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  /** The grades the activity suits. */
  @ApiProperty({
    type: 'integer',
    isArray: true,
    minimum: MIN_GRADE,
    maximum: MAX_GRADE,
    minItems: 1,
    maxItems: MAX_GRADE,
    uniqueItems: true,
    example: [4, 5, 6],
    description: `The grades it suits, ${MIN_GRADE} to ${MAX_GRADE}`,
  })
  @IsInt({ each: true })
  @Min(MIN_GRADE, { each: true })
  @Max(MAX_GRADE, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRADE)
  @ArrayUnique()
  grades!: number[];

  /** Local date and times in Asia/Shanghai; stored as UTC instants. */
  @ApiProperty({
    format: 'date',
    example: '2027-01-25',
    description: 'Local date (Asia/Shanghai), within a year',
  })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '14:00', description: 'Local time (Asia/Shanghai)' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  startTime!: string;

  @ApiProperty({ example: '15:00', description: 'Local time, after startTime (at most 12 h)' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  endTime!: string;

  @ApiProperty({
    type: 'integer',
    example: 30,
    minimum: 0,
    maximum: MAX_ACTIVITY_PLACES,
    description: 'Places for students booking alone',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_PLACES)
  individualCapacity!: number;

  @ApiProperty({
    type: 'integer',
    example: 60,
    minimum: 0,
    maximum: MAX_ACTIVITY_PLACES,
    description: 'Places for school groups',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_PLACES)
  groupCapacity!: number;

  /** In fen; never on a venue of a free category; null or absent: free. */
  @ApiPropertyOptional({
    type: 'integer',
    example: null,
    nullable: true,
    minimum: 0,
    maximum: 1_000_000,
    description:
      'Student price in fen; absent or null: free. Never on a venue of a free category ' +
      '(museum, memorial_hall, cultural_centre, library, art_gallery): 400 STUDENT_PRICE_NOT_ALLOWED.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  studentPriceFen?: number | null;
}

/** `venues.activities.create`: the venue's staff (or an admin of its area). */
export class CreateActivityCommand extends IntersectionType(ActorMessage, ActivityFields) {
  @IsUUID() venueId!: string;
}

export class CreateActivityBody extends OmitType(CreateActivityCommand, [
  'actor',
  'venueId',
] as const) {}

/** `venues.activities.update`: date and times only while nobody holds a place. */
export class UpdateActivityCommand extends IntersectionType(
  ActorMessage,
  PartialType(ActivityFields),
) {
  @IsUUID() activityId!: string;
}

export class UpdateActivityBody extends OmitType(UpdateActivityCommand, [
  'actor',
  'activityId',
] as const) {}

/** `venues.activities.cancel`: its bookings are cancelled with the reason. */
export class CancelActivityCommand extends ActorMessage {
  @IsUUID() activityId!: string;

  @ApiProperty({ example: '讲解员临时有事，活动取消，敬请谅解', minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class CancelActivityBody extends OmitType(CancelActivityCommand, [
  'actor',
  'activityId',
] as const) {}

/** `venues.activities.get` */
export class GetActivityQuery extends ActorMessage {
  @IsUUID() activityId!: string;
}

/** `venues.activities.search`: any signed-in user; scheduled activities from `from` on. */
export class SearchActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  /** A province, city or district: activities of venues inside it. */
  @ApiPropertyOptional({
    example: '370100',
    pattern: '^\\d{6}$',
    description: 'A province, city or district',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string;

  /** Local dates; `from` defaults to today, `to` to a year after `from`. */
  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-20',
    description: 'Local date; default today',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2027-02-20',
    description: 'Local date; default a year after from',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_GRADE,
    maximum: MAX_GRADE,
    example: 5,
    description: 'Only activities that suit this grade',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_GRADE)
  @Max(MAX_GRADE)
  grade?: number;

  /** Only activities with places left (individual or group). */
  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'Only activities with places left',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  withPlacesLeft?: boolean;

  /** Cancelled ones too (for the venue's staff to look back). */
  @ApiPropertyOptional({ type: Boolean, example: false, description: 'Cancelled ones too' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeCancelled?: boolean;
}

export class SearchActivitiesParams extends OmitType(SearchActivitiesQuery, ['actor'] as const) {}

/** `venues.activities.book-individual`: a student books one place; confirmed at once. */
export class BookActivityCommand extends ActorMessage {
  @IsUUID() activityId!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) idempotencyKey?: string;
}

/** `venues.activities.request-group`: school staff ask for places; pending until decided. */
export class RequestActivityGroupCommand extends GroupVisitFields {
  @IsUUID() activityId!: string;
}

export class RequestActivityGroupBody extends OmitType(RequestActivityGroupCommand, [
  'actor',
  'activityId',
  'idempotencyKey',
] as const) {}

const ID = { format: 'uuid', example: UUID_EXAMPLE } as const;
const INSTANT = { format: 'date-time', example: '2027-01-25T06:00:00.000Z' } as const;

export class ActivityView {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) venueId!: string;
  @ApiProperty({ example: '山东博物馆' }) venueName!: string;
  @ApiProperty({ enum: VENUE_CATEGORIES }) venueCategory!: VenueCategory;
  @ApiProperty({ example: '假日科学秀：青铜器里的化学' }) title!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: 'integer', isArray: true, example: [4, 5, 6] }) grades!: number[];
  /** Local date and times (Asia/Shanghai). */
  @ApiProperty({ format: 'date', example: '2027-01-25', description: 'Local date' })
  date!: string;
  @ApiProperty({ example: '14:00', description: 'Local time (Asia/Shanghai)' }) startTime!: string;
  @ApiProperty({ example: '15:00', description: 'Local time (Asia/Shanghai)' }) endTime!: string;
  @ApiProperty(INSTANT) startsAt!: string;
  @ApiProperty(INSTANT) endsAt!: string;
  /** null: free for students. */
  @ApiProperty({ type: 'integer', nullable: true, description: 'In fen; null: free for students' })
  studentPriceFen!: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 30 }) individualCapacity!: number;
  @ApiProperty({ type: 'integer', example: 12 }) individualLeft!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 60 }) groupCapacity!: number;
  @ApiProperty({ type: 'integer', example: 40 }) groupLeft!: number;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
