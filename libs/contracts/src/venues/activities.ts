import { Type } from 'class-transformer';
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
import { GroupVisitFields, LOCAL_TIME, type VenueCategory } from './messages.js';

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

/** The fields venue staff set; every one optional on update. */
export class ActivityFields extends ActorMessage {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) title?: string;
  @IsOptional() @IsIn(ACTIVITY_KINDS) kind?: ActivityKind;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  /** The grades the activity suits. */
  @IsOptional()
  @IsInt({ each: true })
  @Min(MIN_GRADE, { each: true })
  @Max(MAX_GRADE, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRADE)
  @ArrayUnique()
  grades?: number[];
  /** Local date and times in Asia/Shanghai; stored as UTC instants. */
  @IsOptional() @IsCalendarDate() date?: string;
  @IsOptional() @Matches(LOCAL_TIME, { message: TIME_MESSAGE }) startTime?: string;
  @IsOptional() @Matches(LOCAL_TIME, { message: TIME_MESSAGE }) endTime?: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ACTIVITY_PLACES) individualCapacity?: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_ACTIVITY_PLACES) groupCapacity?: number;
  /** In fen; never on a venue of a free category; null or absent: free. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) studentPriceFen?: number | null;
}

/** `venues.activities.create`: the venue's staff (or an admin of its area). */
export class CreateActivityCommand extends ActivityFields {
  @IsUUID() venueId!: string;
  @IsString() @MinLength(2) @MaxLength(200) declare title: string;
  @IsIn(ACTIVITY_KINDS) declare kind: ActivityKind;
  @IsInt({ each: true })
  @Min(MIN_GRADE, { each: true })
  @Max(MAX_GRADE, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRADE)
  @ArrayUnique()
  declare grades: number[];
  @IsCalendarDate() declare date: string;
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE }) declare startTime: string;
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE }) declare endTime: string;
  @IsInt() @Min(0) @Max(MAX_ACTIVITY_PLACES) declare individualCapacity: number;
  @IsInt() @Min(0) @Max(MAX_ACTIVITY_PLACES) declare groupCapacity: number;
}

/** `venues.activities.update`: date and times only while nobody holds a place. */
export class UpdateActivityCommand extends ActivityFields {
  @IsUUID() activityId!: string;
}

/** `venues.activities.cancel`: its bookings are cancelled with the reason. */
export class CancelActivityCommand extends ActorMessage {
  @IsUUID() activityId!: string;
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

/** `venues.activities.get` */
export class GetActivityQuery extends ActorMessage {
  @IsUUID() activityId!: string;
}

/** `venues.activities.search`: any signed-in user; scheduled activities from `from` on. */
export class SearchActivitiesQuery extends PageQuery {
  @IsOptional() @IsUUID() venueId?: string;
  /** A province, city or district: activities of venues inside it. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' }) regionCode?: string;
  /** Local dates; `from` defaults to today, `to` to a year after `from`. */
  @IsOptional() @IsCalendarDate() from?: string;
  @IsOptional() @IsCalendarDate() to?: string;
  @IsOptional() @IsIn(ACTIVITY_KINDS) kind?: ActivityKind;
  @IsOptional() @IsInt() @Min(MIN_GRADE) @Max(MAX_GRADE) @Type(() => Number) grade?: number;
  /** Only activities with places left (individual or group). */
  @IsOptional() @IsBoolean() withPlacesLeft?: boolean;
  /** Cancelled ones too (for the venue's staff to look back). */
  @IsOptional() @IsBoolean() includeCancelled?: boolean;
}

/** `venues.activities.book-individual`: a student books one place; confirmed at once. */
export class BookActivityCommand extends ActorMessage {
  @IsUUID() activityId!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) idempotencyKey?: string;
}

/** `venues.activities.request-group`: school staff ask for places; pending until decided. */
export class RequestActivityGroupCommand extends GroupVisitFields {
  @IsUUID() activityId!: string;
}

export interface ActivityView {
  id: string;
  venueId: string;
  venueName: string;
  venueCategory: VenueCategory;
  title: string;
  kind: ActivityKind;
  description: string | null;
  grades: number[];
  /** Local date and times (Asia/Shanghai). */
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  /** null: free for students. */
  studentPriceFen: number | null;
  individualCapacity: number;
  individualLeft: number;
  groupCapacity: number;
  groupLeft: number;
  status: ActivityStatus;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}
