import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
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
  ValidateNested,
} from 'class-validator';
import { ActorMessage, PageQuery } from '../messages/common.js';
import { IsCalendarDate, IsSchoolYear } from '../roster/validation.js';
import type { AttendanceDigestQuery } from './digest.js';

/** Local time `HH:mm` (Asia/Shanghai). */
export const SCREENING_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const SCREENING_PLACE_KINDS = ['school_hall', 'cinema'] as const;
export type ScreeningPlaceKind = (typeof SCREENING_PLACE_KINDS)[number];
export const SCREENING_STATUSES = ['scheduled', 'cancelled'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
/** Seats per screening and marks per roll call: a large hall or cinema, well under one message. */
export const MAX_SCREENING_SEATS = 2000;

// ---------------------------------------------------------------- films

/** `screenings.films.create`: a film in the catalogue (platform admins, bureau admins). */
export class CreateFilmCommand extends ActorMessage {
  @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @IsInt() @Min(1895) @Max(2100) year!: number;
  @IsInt() @Min(1) @Max(600) runningMinutes!: number;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades!: number[];
  @IsString() @MaxLength(2000) synopsis!: string;
  @IsString() @MinLength(1) @MaxLength(50) language!: string;
  @IsBoolean() subtitles!: boolean;
  @IsBoolean() audioDescription!: boolean;
}

export class ListFilmsQuery extends PageQuery {
  @IsOptional() @IsInt() @Min(1) @Max(12) grade?: number;
  @IsOptional() @IsString() @MaxLength(100) title?: string;
}

export class FilmQuery extends ActorMessage {
  @IsUUID() filmId!: string;
}

/** `screenings.films.approve` / `.withdraw-approval`: a bureau's list for one school year. */
export class FilmApprovalCommand extends ActorMessage {
  @IsUUID() filmId!: string;
  @IsSchoolYear() schoolYear!: string;
  /** The approving bureau: a bureau admin's own by default; platform admins name it. */
  @IsOptional() @IsUUID() bureauId?: string;
}

/** `screenings.films.approved`: films a school may schedule in a school year. */
export class ListApprovedFilmsQuery extends PageQuery {
  /** Defaults to the school staff's own school. */
  @IsOptional() @IsUUID() schoolId?: string;
  @IsSchoolYear() schoolYear!: string;
  @IsOptional() @IsInt() @Min(1) @Max(12) grade?: number;
}

export interface FilmView {
  id: string;
  title: string;
  year: number;
  runningMinutes: number;
  grades: number[];
  synopsis: string;
  language: string;
  subtitles: boolean;
  audioDescription: boolean;
  createdBy: string;
  createdAt: string;
}

export interface FilmApprovalView {
  filmId: string;
  bureauId: string;
  bureauName: string;
  schoolYear: string;
  approvedBy: string;
  approvedAt: string;
}

export interface ApprovedFilmView extends FilmView {
  /** The bureaus above the school that approved it for the year. */
  approvals: FilmApprovalView[];
}

// ---------------------------------------------------------------- screenings

/** `screenings.screenings.create`: school staff schedule a screening for their school. */
export class CreateScreeningCommand extends ActorMessage {
  /** Defaults to the school staff's own school; platform admins name it. */
  @IsOptional() @IsUUID() schoolId?: string;
  @IsUUID() filmId!: string;
  @IsCalendarDate() localDate!: string;
  @Matches(SCREENING_TIME, { message: 'startTime must be a local time HH:mm (Asia/Shanghai)' })
  startTime!: string;
  @IsInt() @Min(1) @Max(MAX_SCREENING_SEATS) seats!: number;
  @IsIn(SCREENING_PLACE_KINDS) placeKind!: ScreeningPlaceKind;
  /** The partner cinema's venue organisation (placeKind `cinema`). */
  @IsOptional() @IsUUID() venueOrganisationId?: string;
  @IsString() @MinLength(1) @MaxLength(100) hallName!: string;
  /**
   * Schedule it even though the date is not a school day of the school's area (a holiday, a
   * weekend that is not a make-up working day, a vacation): a screening organised on purpose.
   */
  @IsOptional() @IsBoolean() allowNonSchoolDay?: boolean;
}

export class ListScreeningsQuery extends PageQuery {
  @IsOptional() @IsUUID() schoolId?: string;
  @IsOptional() @IsUUID() filmId?: string;
  @IsOptional() @IsCalendarDate() from?: string;
  @IsOptional() @IsCalendarDate() to?: string;
}

export class ScreeningQuery extends ActorMessage {
  @IsUUID() screeningId!: string;
}

export class CancelScreeningCommand extends ScreeningQuery {
  @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export interface ScreeningView {
  id: string;
  schoolId: string;
  schoolYear: string;
  film: Pick<FilmView, 'id' | 'title' | 'runningMinutes' | 'subtitles' | 'audioDescription'>;
  placeKind: ScreeningPlaceKind;
  venueOrganisationId: string | null;
  hallName: string;
  localDate: string;
  startTime: string;
  startsAt: string;
  /** Start + running time + the configured buffer. */
  endsAt: string;
  seats: number;
  seatsTaken: number;
  seatsLeft: number;
  status: ScreeningStatus;
  cancelReason: string | null;
  createdBy: string;
  createdAt: string;
}

// ---------------------------------------------------------------- bookings

/** `screenings.bookings.create`: a whole class (its current students), or some of them. */
export class BookClassCommand extends ScreeningQuery {
  @IsUUID() classId!: string;
  /** A subset of the class's current students; absent: all of them. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCREENING_SEATS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds?: string[];
}

export class ListScreeningBookingsQuery extends PageQuery {
  @IsUUID() screeningId!: string;
}

export class CancelScreeningBookingCommand extends ScreeningQuery {
  @IsUUID() bookingId!: string;
}

/**
 * `screenings.bookings.individual.create` / `.cancel`: a student account linked to a roster
 * student (the token's `stu`, the actor's `studentId`) books or cancels its own seat.
 */
export class IndividualBookingCommand extends ScreeningQuery {}

export const SCREENING_BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type ScreeningBookingStatus = (typeof SCREENING_BOOKING_STATUSES)[number];

export interface ScreeningBookingView {
  id: string;
  screeningId: string;
  schoolId: string;
  classId: string | null;
  grade: number;
  studentIds: string[];
  studentCount: number;
  status: ScreeningBookingStatus;
  bookedBy: string;
  createdAt: string;
  cancelledAt: string | null;
}

// ---------------------------------------------------------------- attendance

export class AttendanceMarkInput {
  @IsUUID() studentId!: string;
  @IsBoolean() present!: boolean;
}

/** `screenings.attendance.roll-call`: marks for booked students, in one request. */
export class RollCallCommand extends ScreeningQuery {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCREENING_SEATS)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkInput)
  marks!: AttendanceMarkInput[];
}

/** `screenings.attendance.check-in`: one booked student marked present. */
export class ScreeningCheckInCommand extends ScreeningQuery {
  @IsUUID() studentId!: string;
}

export class ListAttendanceQuery extends PageQuery {
  @IsUUID() screeningId!: string;
}

export interface AttendanceMarkView {
  attendanceId: string;
  screeningId: string;
  studentId: string;
  classId: string | null;
  present: boolean;
  revision: number;
  recordedBy: string;
  recordedAt: string;
}

export interface RollCallResult {
  screeningId: string;
  /** Marks as they stand after the request. */
  marks: AttendanceMarkView[];
  /** Marks that were new or changed (each published one event). */
  changed: number;
  /** Marks that repeated what was recorded (nothing published). */
  unchanged: number;
  /** Until when corrections are accepted. */
  correctionsCloseAt: string;
}

export interface AttendanceHistoryEntry {
  attendanceId: string;
  studentId: string;
  revision: number;
  /** Null for the first mark. */
  from: boolean | null;
  to: boolean;
  changedBy: string;
  changedAt: string;
}

/** `screenings.attendance.digest` (see digest.ts for the agreed answer). */
export class AttendanceDigestCommand extends ActorMessage implements AttendanceDigestQuery {
  @IsUUID() schoolId!: string;
  @IsCalendarDate() from!: string;
  @IsCalendarDate() to!: string;
}
