import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
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

const FILM_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const STUDENT_ID = '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

// ---------------------------------------------------------------- films

/** `screenings.films.create`: a film in the catalogue (platform admins, bureau admins). */
export class CreateFilmCommand extends ActorMessage {
  @ApiProperty({ example: '闪闪的红星', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 1974, description: 'Release year', minimum: 1895, maximum: 2100 })
  @IsInt()
  @Min(1895)
  @Max(2100)
  year!: number;

  @ApiProperty({
    example: 95,
    minimum: 1,
    maximum: 600,
    description: 'Minutes; a screening ends after it plus a buffer',
  })
  @IsInt()
  @Min(1)
  @Max(600)
  runningMinutes!: number;

  @ApiProperty({
    type: [Number],
    example: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    description: 'Grades 1–12 it suits',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades!: number[];

  @ApiProperty({
    example: '红军长征后，少年潘冬子在白色恐怖中成长，最终成为一名红军战士。',
    maxLength: 2000,
  })
  @IsString()
  @MaxLength(2000)
  synopsis!: string;

  @ApiProperty({ example: '普通话', minLength: 1, maxLength: 50 })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  language!: string;

  @ApiProperty({ example: true, description: 'Subtitled: suits deaf and hard-of-hearing students' })
  @IsBoolean()
  subtitles!: boolean;

  @ApiProperty({
    example: false,
    description: 'Audio description (无障碍版): suits blind students',
  })
  @IsBoolean()
  audioDescription!: boolean;
}

/** `POST /screenings/films`. */
export class CreateFilmBody extends OmitType(CreateFilmCommand, ['actor'] as const) {}

/** `screenings.films.list`: the catalogue, newest first. */
export class ListFilmsQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: 12,
    description: 'Only films suiting this grade',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;

  @ApiPropertyOptional({ example: '红星', maxLength: 100, description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string;
}

/** `GET /screenings/films`. */
export class ListFilmsHttpQuery extends OmitType(ListFilmsQuery, ['actor'] as const) {}

export class FilmQuery extends ActorMessage {
  @IsUUID() filmId!: string;
}

/** `screenings.films.approve` / `.withdraw-approval`: a bureau's list for one school year. */
export class FilmApprovalCommand extends ActorMessage {
  @IsUUID() filmId!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;

  /** The approving bureau: a bureau admin's own by default; platform admins name it. */
  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d',
    description: 'The approving bureau: your own (bureau admins); platform admins name it',
  })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
}

/** `POST /screenings/films/{id}/approvals` and `.../approvals/withdraw`. */
export class FilmApprovalBody extends OmitType(FilmApprovalCommand, ['actor', 'filmId'] as const) {}

/** `screenings.films.approved`: films a school may schedule in a school year. */
export class ListApprovedFilmsQuery extends PageQuery {
  /** Defaults to the school staff's own school. */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Defaults to your own school (school staff)',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiPropertyOptional({
    example: 3,
    minimum: 1,
    maximum: 12,
    description: 'Only films suiting this grade',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

/** `GET /screenings/films/approved`. */
export class ListApprovedFilmsHttpQuery extends OmitType(ListApprovedFilmsQuery, [
  'actor',
] as const) {}

export class FilmView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '闪闪的红星' }) title!: string;
  @ApiProperty({ type: Number, example: 1974 }) year!: number;
  @ApiProperty({ type: Number, example: 95 }) runningMinutes!: number;
  @ApiProperty({ type: [Number], example: [1, 2, 3], description: 'Grades it suits, ascending' })
  grades!: number[];
  @ApiProperty() synopsis!: string;
  @ApiProperty({ example: '普通话' }) language!: string;
  @ApiProperty({ type: Boolean }) subtitles!: boolean;
  @ApiProperty({ type: Boolean }) audioDescription!: boolean;
  @ApiProperty({ format: 'uuid', description: 'The account that added it' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FilmApprovalView {
  @ApiProperty({ format: 'uuid' }) filmId!: string;
  @ApiProperty({ format: 'uuid' }) bureauId!: string;
  @ApiProperty({ description: 'Empty while the bureau is unknown to the service' })
  bureauName!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ format: 'uuid' }) approvedBy!: string;
  @ApiProperty({ format: 'date-time' }) approvedAt!: string;
}

export class ApprovedFilmView extends FilmView {
  /** The bureaus above the school that approved it for the year. */
  @ApiProperty({
    type: () => [FilmApprovalView],
    description: 'The bureaus above the school that approved it for the year',
  })
  approvals!: FilmApprovalView[];
}

/** The answer of a withdrawal: false when there was no such approval. */
export class FilmApprovalWithdrawalView {
  @ApiProperty({ type: Boolean, description: 'False when the film was not on the list' })
  withdrawn!: boolean;
}

// ---------------------------------------------------------------- screenings

/** `screenings.screenings.create`: school staff schedule a screening for their school. */
export class CreateScreeningCommand extends ActorMessage {
  /** Defaults to the school staff's own school; platform admins name it. */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Platform admins name the school; school staff schedule for their own',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiProperty({ format: 'uuid', example: FILM_ID })
  @IsUUID()
  filmId!: string;

  @ApiProperty({ format: 'date', example: '2026-12-04', description: 'Local date, Asia/Shanghai' })
  @IsCalendarDate()
  localDate!: string;

  @ApiProperty({
    example: '14:00',
    pattern: SCREENING_TIME.source,
    description: 'Local start time, Asia/Shanghai',
  })
  @Matches(SCREENING_TIME, { message: 'startTime must be a local time HH:mm (Asia/Shanghai)' })
  startTime!: string;

  @ApiProperty({ example: 300, minimum: 1, maximum: MAX_SCREENING_SEATS })
  @IsInt()
  @Min(1)
  @Max(MAX_SCREENING_SEATS)
  seats!: number;

  @ApiProperty({ enum: SCREENING_PLACE_KINDS, example: 'school_hall' })
  @IsIn(SCREENING_PLACE_KINDS)
  placeKind!: ScreeningPlaceKind;

  /** The partner cinema's venue organisation (placeKind `cinema`). */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The partner cinema (a venue organisation), placeKind cinema only',
  })
  @IsOptional()
  @IsUUID()
  venueOrganisationId?: string;

  @ApiProperty({ example: '学校礼堂', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  hallName!: string;

  /**
   * Schedule it even though the date is not a school day of the school's area (a holiday, a
   * weekend that is not a make-up working day, a vacation): a screening organised on purpose.
   */
  @ApiPropertyOptional({
    example: false,
    description:
      'A screening on a day that is not a school day of the school’s area (statutory holiday, ' +
      'weekend that is not a make-up working day, vacation) is refused with ' +
      'SCREENING_NOT_ON_SCHOOL_DAY unless this is true (one organised on purpose)',
  })
  @IsOptional()
  @IsBoolean()
  allowNonSchoolDay?: boolean;
}

/** `POST /screenings`. */
export class CreateScreeningBody extends OmitType(CreateScreeningCommand, ['actor'] as const) {}

export class ListScreeningsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() schoolId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() filmId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-09-01', description: 'First local date' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-22',
    description: 'Last local date, included',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** `GET /screenings`. */
export class ListScreeningsHttpQuery extends OmitType(ListScreeningsQuery, ['actor'] as const) {}

export class ScreeningQuery extends ActorMessage {
  @IsUUID() screeningId!: string;
}

export class CancelScreeningCommand extends ScreeningQuery {
  @ApiProperty({ example: '礼堂设备检修', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** `POST /screenings/{id}/cancel`. */
export class CancelScreeningBody extends OmitType(CancelScreeningCommand, [
  'actor',
  'screeningId',
] as const) {}

/** The film of a screening, as much as a screening list needs. */
export class ScreeningFilmView extends PickType(FilmView, [
  'id',
  'title',
  'runningMinutes',
  'subtitles',
  'audioDescription',
] as const) {}

export class ScreeningView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ type: () => ScreeningFilmView }) film!: ScreeningFilmView;
  @ApiProperty({ enum: SCREENING_PLACE_KINDS }) placeKind!: ScreeningPlaceKind;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The partner cinema (placeKind cinema); null for a school hall',
  })
  venueOrganisationId!: string | null;

  @ApiProperty({ example: '学校礼堂' }) hallName!: string;

  @ApiProperty({ format: 'date', example: '2026-12-04', description: 'Local date, Asia/Shanghai' })
  localDate!: string;

  @ApiProperty({ example: '14:00', description: 'Local start time, Asia/Shanghai' })
  startTime!: string;

  @ApiProperty({ format: 'date-time' }) startsAt!: string;

  /** Start + running time + the configured buffer. */
  @ApiProperty({ format: 'date-time', description: 'Start + running time + a buffer' })
  endsAt!: string;

  @ApiProperty({ type: Number }) seats!: number;
  @ApiProperty({ type: Number }) seatsTaken!: number;
  @ApiProperty({ type: Number }) seatsLeft!: number;
  @ApiProperty({ enum: SCREENING_STATUSES }) status!: ScreeningStatus;

  @ApiProperty({ type: String, nullable: true, description: 'Set when cancelled' })
  cancelReason!: string | null;

  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

// ---------------------------------------------------------------- bookings

/** `screenings.bookings.create`: a whole class (its current students), or some of them. */
export class BookClassCommand extends ScreeningQuery {
  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d' })
  @IsUUID()
  classId!: string;

  /** A subset of the class's current students; absent: all of them. */
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_SCREENING_SEATS,
    uniqueItems: true,
    description: 'Some of the class’s current students; absent: all of them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCREENING_SEATS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds?: string[];
}

/** `POST /screenings/{id}/bookings`. */
export class BookClassBody extends OmitType(BookClassCommand, ['actor', 'screeningId'] as const) {}

export class ListScreeningBookingsQuery extends PageQuery {
  @IsUUID() screeningId!: string;
}

/** `GET /screenings/{id}/bookings`. */
export class ListScreeningBookingsHttpQuery extends OmitType(ListScreeningBookingsQuery, [
  'actor',
  'screeningId',
] as const) {}

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

export class ScreeningBookingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) screeningId!: string;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The class booked (a student’s own booking: its class, when known)',
  })
  classId!: string | null;

  @ApiProperty({ type: Number }) grade!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) studentIds!: string[];
  @ApiProperty({ type: Number }) studentCount!: number;
  @ApiProperty({ enum: SCREENING_BOOKING_STATUSES }) status!: ScreeningBookingStatus;
  @ApiProperty({ format: 'uuid' }) bookedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;
}

// ---------------------------------------------------------------- attendance

export class AttendanceMarkInput {
  @ApiProperty({ format: 'uuid', example: STUDENT_ID })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  present!: boolean;
}

/** `screenings.attendance.roll-call`: marks for booked students, in one request. */
export class RollCallCommand extends ScreeningQuery {
  @ApiProperty({ type: () => [AttendanceMarkInput], minItems: 1, maxItems: MAX_SCREENING_SEATS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCREENING_SEATS)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkInput)
  marks!: AttendanceMarkInput[];
}

/** `POST /screenings/{id}/roll-call`. */
export class RollCallBody extends OmitType(RollCallCommand, ['actor', 'screeningId'] as const) {}

/** `screenings.attendance.check-in`: one booked student marked present. */
export class ScreeningCheckInCommand extends ScreeningQuery {
  @ApiProperty({ format: 'uuid', example: STUDENT_ID })
  @IsUUID()
  studentId!: string;
}

/** `POST /screenings/{id}/check-ins`. */
export class ScreeningCheckInBody extends OmitType(ScreeningCheckInCommand, [
  'actor',
  'screeningId',
] as const) {}

export class ListAttendanceQuery extends PageQuery {
  @IsUUID() screeningId!: string;
}

/** `GET /screenings/{id}/attendance` and `.../attendance/history`. */
export class ListAttendanceHttpQuery extends OmitType(ListAttendanceQuery, [
  'actor',
  'screeningId',
] as const) {}

export class AttendanceMarkView {
  @ApiProperty({ format: 'uuid' }) attendanceId!: string;
  @ApiProperty({ format: 'uuid' }) screeningId!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) classId!: string | null;
  @ApiProperty({ type: Boolean }) present!: boolean;
  @ApiProperty({ type: Number, description: '1 for the first mark, +1 per change' })
  revision!: number;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class RollCallResult {
  @ApiProperty({ format: 'uuid' }) screeningId!: string;

  /** Marks as they stand after the request. */
  @ApiProperty({
    type: () => [AttendanceMarkView],
    description: 'Marks as they stand after the request',
  })
  marks!: AttendanceMarkView[];

  /** Marks that were new or changed (each published one event). */
  @ApiProperty({ type: Number, description: 'Marks that were new or changed (one event each)' })
  changed!: number;

  /** Marks that repeated what was recorded (nothing published). */
  @ApiProperty({ type: Number, description: 'Marks that repeated what was recorded' })
  unchanged!: number;

  /** Until when corrections are accepted. */
  @ApiProperty({ format: 'date-time', description: 'Until when corrections are accepted' })
  correctionsCloseAt!: string;
}

export class AttendanceHistoryEntry {
  @ApiProperty({ format: 'uuid' }) attendanceId!: string;
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ type: Number }) revision!: number;

  /** Null for the first mark. */
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null for the first mark' })
  from!: boolean | null;

  @ApiProperty({ type: Boolean }) to!: boolean;
  @ApiProperty({ format: 'uuid' }) changedBy!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

/** `screenings.attendance.digest` (see digest.ts for the agreed answer). */
export class AttendanceDigestCommand extends ActorMessage implements AttendanceDigestQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-09-01',
    description: 'First local date (Asia/Shanghai)',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', example: '2027-01-22', description: 'Last local date, included' })
  @IsCalendarDate()
  to!: string;
}

/** `GET /screenings/attendance-digest`. */
export class AttendanceDigestHttpQuery extends OmitType(AttendanceDigestCommand, [
  'actor',
] as const) {}
