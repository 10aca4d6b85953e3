import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { EventEnvelopeFields } from '../events/directory.js';
import { IsCalendarDate } from '../roster/validation.js';

/**
 * Event topics of the screenings service. Quotas reads them: attendance feeds the ledger,
 * bookings feed the forecast ("on track" when booked screenings would meet the rule).
 */
export const ScreeningsEventTopics = {
  /** One event per student and roll-call mark (a correction is a new revision); key: studentId. */
  attendanceRecorded: 'screenings.attendance.recorded.v1',
  /** A class (or some of its students) booked into a screening; key: screeningId. */
  screeningBooked: 'screenings.booking.created.v1',
  /** A booking withdrawn (or the screening cancelled); key: screeningId. */
  screeningBookingCancelled: 'screenings.booking.cancelled.v1',
} as const;

/**
 * `screenings.attendance.recorded.v1`: one student's mark for one screening. A correction
 * publishes the same `attendanceId` with a higher `revision`; consumers keep the highest
 * revision per attendance id (and count each event id once).
 */
export class AttendanceRecordedPayload {
  /** Stable per (screening, student). */
  @IsUUID() attendanceId!: string;
  @IsInt() @Min(1) revision!: number;
  @IsUUID() screeningId!: string;
  @IsUUID() filmId!: string;
  @IsUUID() studentId!: string;
  @IsUUID() schoolId!: string;
  @IsOptional() @IsUUID() classId!: string | null;
  @IsInt() @Min(1) @Max(12) grade!: number;
  @IsBoolean() present!: boolean;
  /** The screening's start, UTC instant. */
  @IsISO8601() startsAt!: string;
  /** The screening's date in Asia/Shanghai: the term it counts for comes from this date. */
  @IsCalendarDate() localDate!: string;
  @IsISO8601() recordedAt!: string;
}

export class AttendanceRecordedEnvelope extends EventEnvelopeFields {
  @ValidateNested() @Type(() => AttendanceRecordedPayload) payload!: AttendanceRecordedPayload;
}

/** `screenings.booking.created.v1` and `screenings.booking.cancelled.v1`. */
export class ScreeningBookingPayload {
  @IsUUID() bookingId!: string;
  @IsUUID() screeningId!: string;
  @IsUUID() filmId!: string;
  @IsUUID() schoolId!: string;
  @IsOptional() @IsUUID() classId!: string | null;
  @IsArray() @ArrayMaxSize(5000) @IsUUID('all', { each: true }) studentIds!: string[];
  @IsISO8601() startsAt!: string;
  @IsCalendarDate() localDate!: string;
}

export class ScreeningBookingEnvelope extends EventEnvelopeFields {
  @ValidateNested() @Type(() => ScreeningBookingPayload) payload!: ScreeningBookingPayload;
}
