import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EventEnvelopeFields } from '../events/directory.js';
import { IsCalendarDate } from '../roster/validation.js';
import { MAX_TOUR_STUDENTS } from './messages.js';

/** Event topics of the study-tours service that other services read (quotas). */
export const StudyToursEventTopics = {
  /** One event per listed student and participation mark; key: studentId. */
  participationRecorded: 'study-tours.participation.recorded.v1',
  /** A booking the base confirmed: its students' tour is planned; key: bookingId. */
  tourBookingConfirmed: 'study-tours.booking.confirmed.v1',
  /** A confirmed booking cancelled (by the school or the base); key: bookingId. */
  tourBookingCancelled: 'study-tours.booking.cancelled.v1',
  /** A submitted booking the base left undecided past its deadline (for notifications); key: bookingId. */
  tourBookingExpired: 'study-tours.booking.expired.v1',
} as const;

/**
 * `study-tours.booking.confirmed.v1` and `study-tours.booking.cancelled.v1`: a confirmed
 * booking and its listed students (quotas counts them as planned until participation is
 * recorded). Cancelled is final: a consumer never revives a booking it saw cancelled.
 */
export class TourBookingEventPayload {
  @IsUUID() bookingId!: string;
  @IsIn(['confirmed', 'cancelled']) status!: 'confirmed' | 'cancelled';
  @IsUUID() baseOrganisationId!: string;
  @IsUUID() programmeId!: string;
  @IsUUID() schoolId!: string;
  @IsArray() @ArrayMaxSize(MAX_TOUR_STUDENTS) @IsUUID('all', { each: true }) studentIds!: string[];
  /** First and last day of the visit, Asia/Shanghai. */
  @IsCalendarDate() localDate!: string;
  @IsCalendarDate() endDate!: string;
  @IsISO8601() occurredAt!: string;
}

export class TourBookingEventEnvelope extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => TourBookingEventPayload)
  payload!: TourBookingEventPayload;
}

/**
 * `study-tours.booking.expired.v1`: a submitted booking the base did not confirm or decline by
 * `decideBy`; its places and students' days are free again. The school (its staff, the
 * booker `createdBy`) should be told, e.g. to book elsewhere.
 */
export class TourBookingExpiredPayload {
  @IsUUID() bookingId!: string;
  @IsIn(['expired']) status!: 'expired';
  @IsUUID() baseOrganisationId!: string;
  @IsUUID() programmeId!: string;
  @IsUUID() schoolId!: string;
  /** The school_staff account that drafted the booking. */
  @IsUUID() createdBy!: string;
  @IsArray() @ArrayMaxSize(MAX_TOUR_STUDENTS) @IsUUID('all', { each: true }) studentIds!: string[];
  @IsCalendarDate() localDate!: string;
  @IsCalendarDate() endDate!: string;
  @IsISO8601() decideBy!: string;
  @IsString() @MaxLength(500) reason!: string;
  @IsISO8601() occurredAt!: string;
}

export class TourBookingExpiredEnvelope extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => TourBookingExpiredPayload)
  payload!: TourBookingExpiredPayload;
}

/**
 * `study-tours.participation.recorded.v1`: whether one listed student took part in a
 * confirmed study-tour booking. A correction publishes the same `participationId` with a
 * higher `revision`; consumers keep the highest revision (and count each event id once).
 */
export class ParticipationRecordedPayload {
  /** Stable per (booking, student). */
  @IsUUID() participationId!: string;
  @IsInt() @Min(1) revision!: number;
  @IsUUID() bookingId!: string;
  /** The base: a venue organisation of the directory (its staff confirm bookings). */
  @IsUUID() baseOrganisationId!: string;
  @IsUUID() programmeId!: string;
  @IsUUID() studentId!: string;
  @IsUUID() schoolId!: string;
  @IsOptional() @IsUUID() classId!: string | null;
  @IsInt() @Min(1) @Max(12) grade!: number;
  @IsBoolean() tookPart!: boolean;
  /** The visit's date in Asia/Shanghai. */
  @IsCalendarDate() localDate!: string;
  @IsISO8601() recordedAt!: string;
}

export class ParticipationRecordedEnvelope extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => ParticipationRecordedPayload)
  payload!: ParticipationRecordedPayload;
}
