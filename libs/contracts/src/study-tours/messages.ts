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
import { IsCalendarDate } from '../roster/validation.js';

export const BASE_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export type BaseLevel = (typeof BASE_LEVELS)[number];

export const DESIGNATION_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type DesignationStatus = (typeof DESIGNATION_STATUSES)[number];

export const CHECKLIST_ITEMS = [
  'safetyAssessment',
  'facilities',
  'emergencyPlan',
  'insuranceCover',
  'staffQualifications',
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const PROGRAMME_DURATIONS = ['half_day', 'full_day', 'multi_day'] as const;
export type ProgrammeDuration = (typeof PROGRAMME_DURATIONS)[number];

export const MEAL_OPTIONS = ['none', 'packed_lunch', 'canteen', 'full_board'] as const;
export type MealOption = (typeof MEAL_OPTIONS)[number];

export const TRANSPORT_OPTIONS = ['self_arranged', 'base_coach', 'public_transport'] as const;
export type TransportOption = (typeof TRANSPORT_OPTIONS)[number];

export const STUDY_TOUR_BOOKING_STATUSES = [
  'draft',
  'awaiting_approval',
  'submitted',
  'confirmed',
  'declined',
  'cancelled',
  'completed',
  /**
   * Submitted, but the base decided nothing by `decideBy`; or an offer not taken up by
   * `offerUntil`; or still queued when the visit came: places and students released.
   */
  'expired',
  /** Queued for a full day (holds its students' days, no places). */
  'waitlisted',
  /** Places freed up and are held for it until `offerUntil`; the school accepts or lets go. */
  'offered',
] as const;
export type StudyTourBookingStatus = (typeof STUDY_TOUR_BOOKING_STATUSES)[number];

/** The most students one booking may list (the programme's own maximum is usually lower). */
export const MAX_TOUR_STUDENTS = 500;

// ---------------------------------------------------------------- shared parts

/** Metadata of a document kept elsewhere (the service stores no files). */
export class DocumentMeta {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsString() @MinLength(1) @MaxLength(100) contentType!: string;
  @IsInt() @Min(1) @Max(1_073_741_824) sizeBytes!: number;
  @IsOptional() @Matches(/^[0-9a-f]{64}$/) sha256?: string;
  @IsOptional() @IsString() @MaxLength(1000) url?: string;
}

export class ChecklistEntry {
  @IsBoolean() passed!: boolean;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class DesignationChecklist {
  @ValidateNested() @Type(() => ChecklistEntry) safetyAssessment!: ChecklistEntry;
  @ValidateNested() @Type(() => ChecklistEntry) facilities!: ChecklistEntry;
  @ValidateNested() @Type(() => ChecklistEntry) emergencyPlan!: ChecklistEntry;
  @ValidateNested() @Type(() => ChecklistEntry) insuranceCover!: ChecklistEntry;
  @ValidateNested() @Type(() => ChecklistEntry) staffQualifications!: ChecklistEntry;
}

export class DesignationDocument extends DocumentMeta {
  @IsIn([...CHECKLIST_ITEMS, 'other']) kind!: ChecklistItem | 'other';
}

export class PersonContact {
  @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @Matches(/^[0-9+\- ]{5,20}$/) phone!: string;
}

/**
 * An accompanying teacher: a school_staff account of the booking school (`accountId`, checked
 * against the accounts this service knows), or a named person. Each person counts once.
 */
export class TourTeacher extends PersonContact {
  @IsOptional() @IsUUID() accountId?: string | null;
}

export class TourInsurance {
  @IsString() @MinLength(2) @MaxLength(200) insurer!: string;
  @IsString() @MinLength(2) @MaxLength(100) policyNumber!: string;
  /** The policy's cover, local dates; it must include every day of the visit. */
  @IsOptional() @IsCalendarDate() validFrom?: string;
  @IsOptional() @IsCalendarDate() validUntil?: string;
  @IsArray()
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @IsUUID('all', { each: true })
  coveredStudentIds!: string[];
}

export class ParentalConsent {
  @IsUUID() studentId!: string;
  @IsString() @MinLength(1) @MaxLength(100) guardianName!: string;
  /** When the guardian consented: not after the request, and before the visit. */
  @IsCalendarDate() recordedOn!: string;
}

// ---------------------------------------------------------------- designations

/** `study-tours.designations.create` */
export class DesignateBaseCommand extends ActorMessage {
  /** The venue organisation of the directory that becomes a base. */
  @IsUUID() organisationId!: string;
  /** Derived from the bureau's level; a platform admin names it (e.g. `national`). */
  @IsOptional() @IsIn(BASE_LEVELS) level?: BaseLevel;
  @IsCalendarDate() validFrom!: string;
  @IsCalendarDate() validUntil!: string;
  @ValidateNested() @Type(() => DesignationChecklist) checklist!: DesignationChecklist;
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DesignationDocument)
  documents!: DesignationDocument[];
}

export class DesignationQuery extends ActorMessage {
  @IsUUID() designationId!: string;
}

export class ListDesignationsQuery extends PageQuery {
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @IsIn(DESIGNATION_STATUSES) status?: DesignationStatus;
}

/** `study-tours.designations.change`: suspend, reinstate or revoke, with a reason. */
export class ChangeDesignationCommand extends ActorMessage {
  @IsUUID() designationId!: string;
  @IsIn(['suspend', 'reinstate', 'revoke']) action!: 'suspend' | 'reinstate' | 'revoke';
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

export interface DesignationView {
  id: string;
  organisationId: string;
  baseName: string;
  regionCode: string;
  level: BaseLevel;
  designatedByOrganisationId: string | null;
  validFrom: string;
  validUntil: string;
  status: DesignationStatus;
  /** Active and today within the validity period: takes new bookings. */
  inForce: boolean;
  statusReason: string | null;
  checklist: DesignationChecklist;
  documents: DesignationDocument[];
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------- public list of bases

/** `study-tours.bases.list`: public, no actor. */
export class ListBasesQuery {
  @IsOptional() @IsIn(BASE_LEVELS) level?: BaseLevel;
  /** A region code: 370000 (the province), 370100 (a city) or 370102 (a county). */
  @IsOptional() @Matches(/^\d{6}$/) area?: string;
  @IsOptional() @IsString() @MaxLength(100) theme?: string;
  @IsOptional() @IsInt() @Min(1) @Max(12) grade?: number;
  @IsOptional() @IsInt() @Min(1) page: number = 1;
  @IsOptional() @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}

export class BaseQuery {
  @IsUUID() organisationId!: string;
}

export class BaseRatingsQuery extends PageQuery {
  @IsUUID() organisationId!: string;
}

export interface BaseSummaryView {
  organisationId: string;
  name: string;
  regionCode: string;
  levels: BaseLevel[];
  themes: string[];
  grades: number[];
  programmeCount: number;
  averageRating: number | null;
  ratingCount: number;
}

export interface BaseView extends BaseSummaryView {
  designations: { level: BaseLevel; validFrom: string; validUntil: string }[];
  programmes: ProgrammeView[];
}

export interface RatingView {
  bookingId: string;
  programmeId: string;
  score: number;
  comment: string | null;
  localDate: string;
  createdAt: string;
}

// ---------------------------------------------------------------- programmes

/** `study-tours.programmes.create` */
export class CreateProgrammeCommand extends ActorMessage {
  /** Defaults to the actor's own organisation (base staff); platform admins name it. */
  @IsOptional() @IsUUID() baseOrganisationId?: string;
  @IsString() @MinLength(2) @MaxLength(200) title!: string;
  @IsString() @MinLength(2) @MaxLength(100) theme!: string;
  @IsString() @MaxLength(4000) description!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades!: number[];
  @IsIn(PROGRAMME_DURATIONS) duration!: ProgrammeDuration;
  /** Days for `multi_day` (2–30); 1 otherwise. */
  @IsOptional() @IsInt() @Min(1) @Max(30) days?: number;
  @IsInt() @Min(1) @Max(MAX_TOUR_STUDENTS) groupMin!: number;
  @IsInt() @Min(1) @Max(MAX_TOUR_STUDENTS) groupMax!: number;
  @IsInt() @Min(1) @Max(100_000) dailyCapacity!: number;
  /** Per student, in fen; 0 allowed. */
  @IsInt() @Min(0) @Max(10_000_000) priceFen!: number;
  /** Students per teacher, at most the bureau's default (more teachers, never fewer). */
  @IsOptional() @IsInt() @Min(1) @Max(100) studentsPerTeacher?: number;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEAL_OPTIONS, { each: true })
  mealOptions!: MealOption[];
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSPORT_OPTIONS, { each: true })
  transportOptions!: TransportOption[];
}

export class ProgrammeQuery extends ActorMessage {
  @IsUUID() programmeId!: string;
}

/**
 * `study-tours.programmes.update`: the base's staff change a published programme. Every field
 * is optional; existing bookings keep what they agreed to. Capacity never goes below the
 * places taken on a future day, group bounds and grades never exclude an active booking
 * (409 with the days or bookings in the way). `closeDates` stop new bookings on future days
 * (bookings already there keep their places); `reopenDates` undo it.
 */
export class UpdateProgrammeCommand extends ActorMessage {
  @IsUUID() programmeId!: string;
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) title?: string;
  @IsOptional() @IsString() @MinLength(2) @MaxLength(100) theme?: string;
  @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades?: number[];
  @IsOptional() @IsInt() @Min(1) @Max(MAX_TOUR_STUDENTS) groupMin?: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_TOUR_STUDENTS) groupMax?: number;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) dailyCapacity?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) priceFen?: number;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEAL_OPTIONS, { each: true })
  mealOptions?: MealOption[];
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSPORT_OPTIONS, { each: true })
  transportOptions?: TransportOption[];
  /** Future days (after today, Asia/Shanghai) on which the programme takes no new bookings. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @IsCalendarDate({ each: true })
  closeDates?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @IsCalendarDate({ each: true })
  reopenDates?: string[];
}

/** One recorded change of a programme: who, when, and each field's value before and after. */
export interface ProgrammeChangeView {
  changedBy: string;
  changedAt: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface ProgrammeView {
  id: string;
  baseOrganisationId: string;
  title: string;
  theme: string;
  description: string;
  grades: number[];
  duration: ProgrammeDuration;
  days: number;
  groupMin: number;
  groupMax: number;
  dailyCapacity: number;
  priceFen: number;
  /** The programme's own ratio, or null to follow the bureau's default. */
  studentsPerTeacher: number | null;
  /** What bookings are checked against: the stricter of the programme's and the default. */
  effectiveStudentsPerTeacher: number;
  mealOptions: MealOption[];
  transportOptions: TransportOption[];
  /** Future days closed to new bookings (on the programme's own view, not in lists). */
  closedDates?: string[];
  createdAt: string;
  /** The last change (the creation until edited), and who made it (null: never edited). */
  updatedAt: string;
  updatedBy: string | null;
}

// ---------------------------------------------------------------- settings

export class BureauSettingsQuery extends ActorMessage {
  @IsUUID() bureauId!: string;
}

export class SetBureauSettingsCommand extends BureauSettingsQuery {
  /** The default ratio for the bases this bureau designates: one teacher per N students. */
  @IsInt() @Min(1) @Max(100) studentsPerTeacher!: number;
}

export interface BureauSettingsView {
  bureauId: string;
  studentsPerTeacher: number;
  /** False when nothing is set and the service's default applies. */
  isSet: boolean;
}

export class SchoolSettingsQuery extends ActorMessage {
  @IsUUID() schoolId!: string;
}

export class SetSchoolSettingsCommand extends SchoolSettingsQuery {
  @IsBoolean() approvalRequired!: boolean;
  /**
   * A school_staff account of the school (known to this service from the directory's
   * events), who approves before a booking reaches the base; never her own bookings.
   */
  @IsOptional() @IsUUID() principalAccountId?: string | null;
}

export interface SchoolSettingsView {
  schoolId: string;
  approvalRequired: boolean;
  principalAccountId: string | null;
}

// ---------------------------------------------------------------- bookings

export class BookingDraftFields extends ActorMessage {
  @IsUUID() programmeId!: string;
  /** The first day of the visit, Asia/Shanghai. */
  @IsCalendarDate() date!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds!: string[];
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TourTeacher)
  teachers!: TourTeacher[];
  @ValidateNested() @Type(() => PersonContact) personInCharge!: PersonContact;
  @IsOptional() @ValidateNested() @Type(() => TourInsurance) insurance?: TourInsurance | null;
  @IsOptional() @ValidateNested() @Type(() => DocumentMeta) safetyPlan?: DocumentMeta | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ValidateNested({ each: true })
  @Type(() => ParentalConsent)
  consents?: ParentalConsent[];
  @IsOptional() @IsIn(MEAL_OPTIONS) mealOption?: MealOption;
  @IsOptional() @IsIn(TRANSPORT_OPTIONS) transportOption?: TransportOption;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** `study-tours.bookings.create`: a draft, checked on submission. */
export class CreateTourBookingCommand extends BookingDraftFields {}

/** `study-tours.bookings.update`: replaces a draft's fields. */
export class UpdateTourBookingCommand extends BookingDraftFields {
  @IsUUID() bookingId!: string;
}

export class TourBookingCommand extends ActorMessage {
  @IsUUID() bookingId!: string;
}

export class TourBookingReasonCommand extends TourBookingCommand {
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
}

export class ListTourBookingsQuery extends PageQuery {
  @IsOptional() @IsIn(STUDY_TOUR_BOOKING_STATUSES) status?: StudyTourBookingStatus;
  @IsOptional() @IsCalendarDate() from?: string;
  @IsOptional() @IsCalendarDate() to?: string;
}

export interface BookingCheckResult {
  code: string;
  passed: boolean;
  message: string;
  /** What would make it pass; null when it passed. */
  fix: string | null;
  details: Record<string, unknown>;
}

export interface TourBookingView {
  id: string;
  status: StudyTourBookingStatus;
  programmeId: string;
  programmeTitle: string;
  baseOrganisationId: string;
  schoolId: string;
  date: string;
  endDate: string;
  studentIds: string[];
  classIds: string[];
  studentCount: number;
  teachers: TourTeacher[];
  personInCharge: PersonContact;
  insurance: TourInsurance | null;
  safetyPlan: DocumentMeta | null;
  consents: ParentalConsent[];
  mealOption: MealOption | null;
  transportOption: TransportOption | null;
  note: string | null;
  /** Whether the booking holds places of the days it covers (submitted and confirmed do). */
  holdsPlaces: boolean;
  approvedBy: string | null;
  declineReason: string | null;
  cancelledBy: 'school' | 'base' | null;
  cancelReason: string | null;
  /**
   * A submitted booking the base has not confirmed or declined by then expires (its places
   * and students' days released): the earlier of submission + DECISION_HOURS and
   * DECISION_DAYS_BEFORE_VISIT days before the visit. Null before submission.
   */
  decideBy: string | null;
  expiryReason: string | null;
  /** Queued for a full day since then (null if never queued). */
  waitlistedAt: string | null;
  /** An offered booking's places are held for the school until then (OFFER_HOURS). */
  offerUntil: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------- participation and ratings

export class ParticipationMark {
  @IsUUID() studentId!: string;
  @IsBoolean() tookPart!: boolean;
}

/** `study-tours.participation.record`: marks for listed students; a changed mark is a new revision. */
export class RecordParticipationCommand extends TourBookingCommand {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ValidateNested({ each: true })
  @Type(() => ParticipationMark)
  marks!: ParticipationMark[];
}

export interface ParticipationView {
  bookingId: string;
  marks: {
    participationId: string;
    studentId: string;
    tookPart: boolean;
    revision: number;
    recordedAt: string;
  }[];
  tookPart: number;
  listed: number;
}

export class RateBookingCommand extends TourBookingCommand {
  @IsInt() @Min(1) @Max(5) score!: number;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

// ---------------------------------------------------------------- reports

export class StudyTourReportQuery extends ActorMessage {
  @IsCalendarDate() from!: string;
  @IsCalendarDate() to!: string;
  /** A bureau in the actor's scope; defaults to the actor's own bureau. */
  @IsOptional() @IsUUID() bureauId?: string;
}

export interface StudyTourReportRow {
  organisationId: string;
  name: string;
  bookings: number;
  confirmed: number;
  completed: number;
  cancelled: number;
  declined: number;
  /** Submitted, left undecided by the base past the decision deadline. */
  expired: number;
  studentsBooked: number;
  participants: number;
  ratingCount: number;
  averageRating: number | null;
}

export interface StudyTourReportView {
  from: string;
  to: string;
  bureauId: string | null;
  generatedAt: string;
  bases: StudyTourReportRow[];
  schools: StudyTourReportRow[];
}
