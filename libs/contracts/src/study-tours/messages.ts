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

/** The checks a booking must pass before submission, each named by its error code. */
export const BOOKING_CHECK_CODES = [
  'DATE_IN_PAST',
  'TEACHER_RATIO_NOT_MET',
  'GRADE_NOT_SUITED',
  'GROUP_SIZE_OUT_OF_RANGE',
  'DATE_OUTSIDE_DESIGNATION',
  'INSURANCE_INCOMPLETE',
  'INSURANCE_PERIOD_INVALID',
  'SAFETY_PLAN_MISSING',
  'PARENTAL_CONSENT_MISSING',
  'PARENTAL_CONSENT_DATE_INVALID',
] as const;
export type BookingCheckCode = (typeof BOOKING_CHECK_CODES)[number];

/** The most students one booking may list (the programme's own maximum is usually lower). */
export const MAX_TOUR_STUDENTS = 500;

const EXAMPLE_STUDENT = '01936f3e-8f7a-7c41-9a53-2b1f1c6e4d10';
const EXAMPLE_ORGANISATION = '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d';
const EXAMPLE_ACCOUNT = '5b1c7a8e-2f0d-4d8a-9c3e-7a6b5c4d3e2f';
const EXAMPLE_PROGRAMME = '5d000000-0000-4000-8000-000000000002';
const EXAMPLE_BOOKING = '7a3e0c1d-2b4f-4e6a-8c9d-0e1f2a3b4c5d';

/** Shorthands for response fields, so each view reads as a list of its fields. */
const uuid = (example = EXAMPLE_ORGANISATION) =>
  ApiProperty({ type: String, format: 'uuid', example });
const nullableUuid = (description?: string) =>
  ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: EXAMPLE_ORGANISATION,
    description,
  });
const calendarDate = (example: string, description?: string) =>
  ApiProperty({ type: String, format: 'date', example, description });
const timestamp = (description?: string) =>
  ApiProperty({
    type: String,
    format: 'date-time',
    example: '2026-11-20T08:30:00.000Z',
    description,
  });
const nullableTimestamp = (description?: string) =>
  ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-22T08:30:00.000Z',
    description,
  });
const nullableText = (example: string, description?: string) =>
  ApiProperty({ type: String, nullable: true, example, description });
const count = (example: number, description?: string) =>
  ApiProperty({ type: Number, minimum: 0, example, description });

// ---------------------------------------------------------------- shared parts

/** Metadata of a document kept elsewhere (the service stores no files). */
export class DocumentMeta {
  @ApiProperty({ example: '研学安全预案.pdf', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'application/pdf', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  contentType!: string;

  @ApiProperty({ example: 120337, minimum: 1, maximum: 1_073_741_824 })
  @IsInt()
  @Min(1)
  @Max(1_073_741_824)
  sizeBytes!: number;

  @ApiPropertyOptional({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    pattern: '^[0-9a-f]{64}$',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sha256?: string;

  @ApiPropertyOptional({ example: 'https://files.example.org/plans/123.pdf', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  url?: string;
}

export class ChecklistEntry {
  @ApiProperty({ example: true })
  @IsBoolean()
  passed!: boolean;

  @ApiPropertyOptional({ example: '2026年10月消防验收合格', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

const checklistEntry = () => ApiProperty({ type: () => ChecklistEntry });

export class DesignationChecklist {
  @checklistEntry()
  @ValidateNested()
  @Type(() => ChecklistEntry)
  safetyAssessment!: ChecklistEntry;

  @checklistEntry() @ValidateNested() @Type(() => ChecklistEntry) facilities!: ChecklistEntry;

  @checklistEntry() @ValidateNested() @Type(() => ChecklistEntry) emergencyPlan!: ChecklistEntry;

  @checklistEntry() @ValidateNested() @Type(() => ChecklistEntry) insuranceCover!: ChecklistEntry;

  @checklistEntry()
  @ValidateNested()
  @Type(() => ChecklistEntry)
  staffQualifications!: ChecklistEntry;
}

export class DesignationDocument extends DocumentMeta {
  @ApiProperty({ enum: [...CHECKLIST_ITEMS, 'other'], example: 'safetyAssessment' })
  @IsIn([...CHECKLIST_ITEMS, 'other'])
  kind!: ChecklistItem | 'other';
}

export class PersonContact {
  @ApiProperty({ example: '王老师', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '0531-86000001', pattern: '^[0-9+\\- ]{5,20}$' })
  @Matches(/^[0-9+\- ]{5,20}$/)
  phone!: string;
}

/**
 * An accompanying teacher: a school_staff account of the booking school (`accountId`, checked
 * against the accounts this service knows), or a named person. Each person counts once.
 */
export class TourTeacher extends PersonContact {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: EXAMPLE_ACCOUNT,
    description:
      "The teacher's own school_staff account of the school (checked); without it the teacher is a named person. Each person counts once",
  })
  @IsOptional()
  @IsUUID()
  accountId?: string | null;
}

export class TourInsurance {
  @ApiProperty({ example: '中国人民财产保险', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  insurer!: string;

  @ApiProperty({ example: 'PICC-2026-0001', minLength: 2, maxLength: 100 })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  policyNumber!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-12-01',
    description: 'First day of cover; the cover must include every day of the visit',
  })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2026-12-31',
    description: 'Last day of cover',
  })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: [EXAMPLE_STUDENT],
    maxItems: MAX_TOUR_STUDENTS,
    description: 'Every listed student must be covered',
  })
  @IsArray()
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @IsUUID('all', { each: true })
  coveredStudentIds!: string[];
}

export class ParentalConsent {
  @ApiProperty({ type: String, format: 'uuid', example: EXAMPLE_STUDENT })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: '张建国', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  guardianName!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-11-20',
    description: 'When the guardian consented: not after the request, before the visit',
  })
  @IsCalendarDate()
  recordedOn!: string;
}

// ---------------------------------------------------------------- designations

/** `study-tours.designations.create` */
export class DesignateBaseCommand extends ActorMessage {
  /** The venue organisation of the directory that becomes a base. */
  @ApiProperty({
    type: String,
    format: 'uuid',
    example: EXAMPLE_ORGANISATION,
    description: 'A venue organisation inside your area',
  })
  @IsUUID()
  organisationId!: string;

  /** Derived from the bureau's level; a platform admin names it (e.g. `national`). */
  @ApiPropertyOptional({
    enum: BASE_LEVELS,
    example: 'provincial',
    description:
      'Bureaus: their own level (province → provincial, city → municipal, county → county), may be omitted. Platform admins: required (national allowed).',
  })
  @IsOptional()
  @IsIn(BASE_LEVELS)
  level?: BaseLevel;

  @ApiProperty({ type: String, format: 'date', example: '2026-09-01' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiProperty({ type: String, format: 'date', example: '2029-08-31' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({ type: () => DesignationChecklist, description: 'Every item must have passed' })
  @ValidateNested()
  @Type(() => DesignationChecklist)
  checklist!: DesignationChecklist;

  @ApiProperty({ type: () => [DesignationDocument], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DesignationDocument)
  documents!: DesignationDocument[];
}

/** `POST /study-tours/designations` */
export class DesignateBaseBody extends OmitType(DesignateBaseCommand, ['actor'] as const) {}

export class DesignationQuery extends ActorMessage {
  @IsUUID() designationId!: string;
}

export class ListDesignationsQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid', example: EXAMPLE_ORGANISATION })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: DESIGNATION_STATUSES })
  @IsOptional()
  @IsIn(DESIGNATION_STATUSES)
  status?: DesignationStatus;
}

/** `GET /study-tours/designations?…` */
export class ListDesignationsParams extends OmitType(ListDesignationsQuery, ['actor'] as const) {}

/** `study-tours.designations.change`: suspend, reinstate or revoke, with a reason. */
export class ChangeDesignationCommand extends ActorMessage {
  @IsUUID() designationId!: string;
  @IsIn(['suspend', 'reinstate', 'revoke']) action!: 'suspend' | 'reinstate' | 'revoke';

  @ApiProperty({ example: '暴雨红色预警，停止接待', minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

/** `POST /study-tours/designations/:id/{suspend,reinstate,revoke}` (the action is the path). */
export class ChangeDesignationBody extends PickType(ChangeDesignationCommand, [
  'reason',
] as const) {}

export class DesignationView {
  @uuid('1f6c2b7e-3d4a-4c5b-8e9f-0a1b2c3d4e5f') id!: string;
  @uuid() organisationId!: string;
  @ApiProperty({ example: '山东博物馆' }) baseName!: string;
  @ApiProperty({ example: '370102' }) regionCode!: string;
  @ApiProperty({ enum: BASE_LEVELS, example: 'provincial' }) level!: BaseLevel;
  @nullableUuid('The designating bureau; null when a platform admin designated')
  designatedByOrganisationId!: string | null;
  @calendarDate('2026-09-01') validFrom!: string;
  @calendarDate('2029-08-31') validUntil!: string;
  @ApiProperty({ enum: DESIGNATION_STATUSES, example: 'active' }) status!: DesignationStatus;
  @ApiProperty({
    example: true,
    description: 'Active and today within the validity period: takes new bookings',
  })
  inForce!: boolean;
  @nullableText(
    '暴雨红色预警，停止接待',
    'The reason of the last suspension, reinstatement or revocation',
  )
  statusReason!: string | null;
  @ApiProperty({ type: () => DesignationChecklist }) checklist!: DesignationChecklist;
  @ApiProperty({ type: () => [DesignationDocument] }) documents!: DesignationDocument[];
  @timestamp() createdAt!: string;
  @timestamp() updatedAt!: string;
}

// ---------------------------------------------------------------- public list of bases

/** `study-tours.bases.list` and `GET /study-tours/bases?…`: public, no actor. */
export class ListBasesQuery extends OmitType(PageQuery, ['actor'] as const) {
  @ApiPropertyOptional({ enum: BASE_LEVELS })
  @IsOptional()
  @IsIn(BASE_LEVELS)
  level?: BaseLevel;

  /** A region code: 370000 (the province), 370100 (a city) or 370102 (a county). */
  @ApiPropertyOptional({
    example: '370100',
    pattern: '^\\d{6}$',
    description: 'Region code: a province, city or county',
  })
  @IsOptional()
  @Matches(/^\d{6}$/)
  area?: string;

  @ApiPropertyOptional({
    example: '历史文化',
    maxLength: 100,
    description: 'Part of a programme theme',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  theme?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 12,
    example: 5,
    description: 'A grade some programme suits',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

export class BaseQuery {
  @IsUUID() organisationId!: string;
}

export class BaseRatingsQuery extends PageQuery {
  @IsUUID() organisationId!: string;
}

/** `GET /study-tours/bases/:organisationId/ratings?page=&pageSize=` */
export class BaseRatingsParams extends OmitType(BaseRatingsQuery, [
  'actor',
  'organisationId',
] as const) {}

export class BaseSummaryView {
  @uuid() organisationId!: string;
  @ApiProperty({ example: '山东博物馆' }) name!: string;
  @ApiProperty({ example: '370102' }) regionCode!: string;
  @ApiProperty({
    enum: BASE_LEVELS,
    isArray: true,
    example: ['provincial'],
    description: 'Levels of its designations in force',
  })
  levels!: BaseLevel[];
  @ApiProperty({ type: [String], example: ['历史文化'] }) themes!: string[];
  @ApiProperty({ type: [Number], example: [7, 8, 9] }) grades!: number[];
  @count(1) programmeCount!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.5,
    description: 'Null before any rating',
  })
  averageRating!: number | null;
  @count(2) ratingCount!: number;
}

/** One designation in force of a base, as the public sees it. */
export class BaseDesignationPeriodView {
  @ApiProperty({ enum: BASE_LEVELS, example: 'provincial' }) level!: BaseLevel;
  @calendarDate('2026-09-01') validFrom!: string;
  @calendarDate('2029-08-31') validUntil!: string;
}

export class BaseView extends BaseSummaryView {
  @ApiProperty({ type: () => [BaseDesignationPeriodView] })
  designations!: BaseDesignationPeriodView[];
  @ApiProperty({ type: () => [ProgrammeView] }) programmes!: ProgrammeView[];
}

export class RatingView {
  @uuid(EXAMPLE_BOOKING) bookingId!: string;
  @uuid(EXAMPLE_PROGRAMME) programmeId!: string;
  @ApiProperty({ type: Number, minimum: 1, maximum: 5, example: 5 }) score!: number;
  @nullableText('讲解生动，学生收获很大') comment!: string | null;
  @calendarDate('2026-12-15', 'The day of the visit') localDate!: string;
  @timestamp() createdAt!: string;
}

// ---------------------------------------------------------------- programmes

/** `study-tours.programmes.create` */
export class CreateProgrammeCommand extends ActorMessage {
  /** Defaults to the actor's own organisation (base staff); platform admins name it. */
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'Platform admins only; base staff publish for their own base',
  })
  @IsOptional()
  @IsUUID()
  baseOrganisationId?: string;

  @ApiProperty({ example: '齐鲁文明探源', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '历史文化', minLength: 2, maxLength: 100 })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  theme!: string;

  @ApiProperty({ example: '从龙山黑陶到孔子文化，含讲解与拓印体验', maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({
    type: [Number],
    example: [7, 8, 9],
    minItems: 1,
    maxItems: 12,
    uniqueItems: true,
    minimum: 1,
    maximum: 12,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades!: number[];

  @ApiProperty({ enum: PROGRAMME_DURATIONS, example: 'full_day' })
  @IsIn(PROGRAMME_DURATIONS)
  duration!: ProgrammeDuration;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 30,
    example: 3,
    description: 'Days of a multi_day programme (2–30); 1 otherwise',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  days?: number;

  @ApiProperty({ type: Number, minimum: 1, maximum: MAX_TOUR_STUDENTS, example: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_TOUR_STUDENTS)
  groupMin!: number;

  @ApiProperty({ type: Number, minimum: 1, maximum: MAX_TOUR_STUDENTS, example: 60 })
  @IsInt()
  @Min(1)
  @Max(MAX_TOUR_STUDENTS)
  groupMax!: number;

  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: 100_000,
    example: 120,
    description: 'Students per day across all bookings',
  })
  @IsInt()
  @Min(1)
  @Max(100_000)
  dailyCapacity!: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 10_000_000,
    example: 0,
    description: 'Per student, in fen (0.01 yuan); 0 allowed',
  })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceFen!: number;

  /** Students per teacher, at most the bureau's default (more teachers, never fewer). */
  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 100,
    example: 10,
    description:
      "One teacher per N students; at most the bureau's default (400 TEACHER_RATIO_BELOW_DEFAULT)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  studentsPerTeacher?: number;

  @ApiProperty({
    enum: MEAL_OPTIONS,
    isArray: true,
    minItems: 1,
    uniqueItems: true,
    example: ['none', 'packed_lunch'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEAL_OPTIONS, { each: true })
  mealOptions!: MealOption[];

  @ApiProperty({
    enum: TRANSPORT_OPTIONS,
    isArray: true,
    minItems: 1,
    uniqueItems: true,
    example: ['self_arranged', 'base_coach'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSPORT_OPTIONS, { each: true })
  transportOptions!: TransportOption[];
}

/** `POST /study-tours/programmes` */
export class CreateProgrammeBody extends OmitType(CreateProgrammeCommand, ['actor'] as const) {}

export class ProgrammeQuery extends ActorMessage {
  @IsUUID() programmeId!: string;
}

const dateList = (example: string[], description: string) =>
  ApiPropertyOptional({
    type: [String],
    format: 'date',
    maxItems: 366,
    uniqueItems: true,
    example,
    description,
  });

/**
 * `study-tours.programmes.update`: the base's staff change a published programme. Every field
 * is optional; existing bookings keep what they agreed to. Capacity never goes below the
 * places taken on a future day, group bounds and grades never exclude an active booking
 * (409 with the days or bookings in the way). `closeDates` stop new bookings on future days
 * (bookings already there keep their places); `reopenDates` undo it. Duration, days and the
 * ratio stay as published.
 */
export class UpdateProgrammeCommand extends ActorMessage {
  @IsUUID() programmeId!: string;

  @ApiPropertyOptional({ example: '齐鲁文明探源', minLength: 2, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '历史文化', minLength: 2, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  theme?: string;

  @ApiPropertyOptional({ example: '从龙山黑陶到孔子文化，含讲解与拓印体验', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [7, 8, 9],
    minItems: 1,
    maxItems: 12,
    uniqueItems: true,
    minimum: 1,
    maximum: 12,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades?: number[];

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_TOUR_STUDENTS, example: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TOUR_STUDENTS)
  groupMin?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_TOUR_STUDENTS, example: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TOUR_STUDENTS)
  groupMax?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: 100_000,
    example: 120,
    description:
      'Students per day across all bookings; never below the places taken on a future day',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  dailyCapacity?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: 10_000_000,
    example: 0,
    description: 'Per student, in fen (0.01 yuan); bookings keep the price they agreed to',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceFen?: number;

  @ApiPropertyOptional({
    enum: MEAL_OPTIONS,
    isArray: true,
    minItems: 1,
    uniqueItems: true,
    example: ['none', 'packed_lunch'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEAL_OPTIONS, { each: true })
  mealOptions?: MealOption[];

  @ApiPropertyOptional({
    enum: TRANSPORT_OPTIONS,
    isArray: true,
    minItems: 1,
    uniqueItems: true,
    example: ['self_arranged', 'base_coach'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSPORT_OPTIONS, { each: true })
  transportOptions?: TransportOption[];

  /** Future days (after today, Asia/Shanghai) on which the programme takes no new bookings. */
  @dateList(
    ['2026-10-01'],
    'Future days on which the programme takes no new bookings (bookings there keep their places)',
  )
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @IsCalendarDate({ each: true })
  closeDates?: string[];

  @dateList([], 'Closed future days to open again')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @IsCalendarDate({ each: true })
  reopenDates?: string[];
}

/** `PATCH /study-tours/programmes/:id` */
export class UpdateProgrammeBody extends OmitType(UpdateProgrammeCommand, [
  'actor',
  'programmeId',
] as const) {}

/** One recorded change of a programme: who, when, and each field's value before and after. */
export class ProgrammeChangeView {
  @uuid(EXAMPLE_ACCOUNT) changedBy!: string;
  @timestamp() changedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        from: {
          description: 'The value before (any JSON value; null for closed or reopened days)',
        },
        to: { description: 'The value after (any JSON value)' },
      },
      required: ['from', 'to'],
    },
    example: {
      dailyCapacity: { from: 120, to: 100 },
      closedDates: { from: null, to: ['2026-10-01'] },
    },
    description: 'Per changed field (and closedDates, reopenedDates): its value before and after',
  })
  changes!: Record<string, { from: unknown; to: unknown }>;
}

export class ProgrammeView {
  @uuid(EXAMPLE_PROGRAMME) id!: string;
  @uuid() baseOrganisationId!: string;
  @ApiProperty({ example: '齐鲁文明探源' }) title!: string;
  @ApiProperty({ example: '历史文化' }) theme!: string;
  @ApiProperty({ example: '从龙山黑陶到孔子文化，含讲解与拓印体验' }) description!: string;
  @ApiProperty({ type: [Number], example: [7, 8, 9] }) grades!: number[];
  @ApiProperty({ enum: PROGRAMME_DURATIONS, example: 'full_day' }) duration!: ProgrammeDuration;
  @ApiProperty({ type: Number, minimum: 1, example: 1 }) days!: number;
  @ApiProperty({ type: Number, example: 20 }) groupMin!: number;
  @ApiProperty({ type: Number, example: 60 }) groupMax!: number;
  @ApiProperty({ type: Number, example: 120 }) dailyCapacity!: number;
  @ApiProperty({ type: Number, example: 0, description: 'Per student, in fen (0.01 yuan)' })
  priceFen!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 10,
    description: "The programme's own ratio, or null to follow the bureau's default",
  })
  studentsPerTeacher!: number | null;
  @ApiProperty({
    type: Number,
    example: 10,
    description:
      "What bookings are checked against: the stricter of the programme's and the default",
  })
  effectiveStudentsPerTeacher!: number;
  @ApiProperty({ enum: MEAL_OPTIONS, isArray: true, example: ['none', 'packed_lunch'] })
  mealOptions!: MealOption[];
  @ApiProperty({ enum: TRANSPORT_OPTIONS, isArray: true, example: ['self_arranged'] })
  transportOptions!: TransportOption[];
  @ApiPropertyOptional({
    type: [String],
    format: 'date',
    example: ['2026-10-01'],
    description: "Future days closed to new bookings (on the programme's own view, not in lists)",
  })
  closedDates?: string[];
  @timestamp() createdAt!: string;
  /** The last change (the creation until edited), and who made it (null: never edited). */
  @timestamp('The last change (the creation until edited)') updatedAt!: string;
  @nullableUuid('Who made the last change; null: never edited') updatedBy!: string | null;
}

// ---------------------------------------------------------------- settings

export class BureauSettingsQuery extends ActorMessage {
  @IsUUID() bureauId!: string;
}

export class SetBureauSettingsCommand extends BureauSettingsQuery {
  /** The default ratio for the bases this bureau designates: one teacher per N students. */
  @ApiProperty({
    type: Number,
    minimum: 1,
    maximum: 100,
    example: 15,
    description: 'Default: one accompanying teacher per N students',
  })
  @IsInt()
  @Min(1)
  @Max(100)
  studentsPerTeacher!: number;
}

/** `PUT /study-tours/bureaus/:id/settings` */
export class SetBureauSettingsBody extends OmitType(SetBureauSettingsCommand, [
  'actor',
  'bureauId',
] as const) {}

export class BureauSettingsView {
  @uuid() bureauId!: string;
  @ApiProperty({
    type: Number,
    example: 15,
    description: 'One accompanying teacher per N students',
  })
  studentsPerTeacher!: number;
  @ApiProperty({
    example: true,
    description: "False when nothing is set and the service's default applies",
  })
  isSet!: boolean;
}

export class SchoolSettingsQuery extends ActorMessage {
  @IsUUID() schoolId!: string;
}

export class SetSchoolSettingsCommand extends SchoolSettingsQuery {
  @ApiProperty({
    example: true,
    description: "Bookings wait for the principal's approval before reaching the base",
  })
  @IsBoolean()
  approvalRequired!: boolean;

  /**
   * A school_staff account of the school (known to this service from the directory's
   * events), who approves before a booking reaches the base; never her own bookings.
   */
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: EXAMPLE_ACCOUNT,
    description:
      'An existing school_staff account of this school; required when approval is on. The principal never approves her own bookings',
  })
  @IsOptional()
  @IsUUID()
  principalAccountId?: string | null;
}

/** `PUT /study-tours/schools/:id/settings` */
export class SetSchoolSettingsBody extends OmitType(SetSchoolSettingsCommand, [
  'actor',
  'schoolId',
] as const) {}

export class SchoolSettingsView {
  @uuid() schoolId!: string;
  @ApiProperty({ example: true }) approvalRequired!: boolean;
  @nullableUuid("The principal's account") principalAccountId!: string | null;
}

// ---------------------------------------------------------------- bookings

export class BookingDraftFields extends ActorMessage {
  @ApiProperty({ type: String, format: 'uuid', example: EXAMPLE_PROGRAMME })
  @IsUUID()
  programmeId!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-12-15',
    description: 'First day of the visit (Asia/Shanghai)',
  })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: [EXAMPLE_STUDENT],
    minItems: 1,
    maxItems: MAX_TOUR_STUDENTS,
    uniqueItems: true,
    description: "Students of your school's roster",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds!: string[];

  @ApiProperty({
    type: () => [TourTeacher],
    maxItems: 100,
    description: 'Accompanying teachers, each person once (by account, name or phone)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TourTeacher)
  teachers!: TourTeacher[];

  @ApiProperty({ type: () => PersonContact, description: 'The named person in charge' })
  @ValidateNested()
  @Type(() => PersonContact)
  personInCharge!: PersonContact;

  @ApiPropertyOptional({ type: () => TourInsurance, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TourInsurance)
  insurance?: TourInsurance | null;

  @ApiPropertyOptional({ type: () => DocumentMeta, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentMeta)
  safetyPlan?: DocumentMeta | null;

  @ApiPropertyOptional({ type: () => [ParentalConsent], maxItems: MAX_TOUR_STUDENTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ValidateNested({ each: true })
  @Type(() => ParentalConsent)
  consents?: ParentalConsent[];

  @ApiPropertyOptional({ enum: MEAL_OPTIONS, description: 'One the programme offers' })
  @IsOptional()
  @IsIn(MEAL_OPTIONS)
  mealOption?: MealOption;

  @ApiPropertyOptional({ enum: TRANSPORT_OPTIONS, description: 'One the programme offers' })
  @IsOptional()
  @IsIn(TRANSPORT_OPTIONS)
  transportOption?: TransportOption;

  @ApiPropertyOptional({ example: '请安排讲解员', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** `study-tours.bookings.create`: a draft, checked on submission. */
export class CreateTourBookingCommand extends BookingDraftFields {}

/** `study-tours.bookings.update`: replaces a draft's fields. */
export class UpdateTourBookingCommand extends BookingDraftFields {
  @IsUUID() bookingId!: string;
}

/**
 * `POST /study-tours/bookings` and `PUT /study-tours/bookings/:id`: the draft's fields (the
 * update command is the same fields with the booking's id from the path).
 */
export class TourBookingBody extends OmitType(CreateTourBookingCommand, ['actor'] as const) {}

export class TourBookingCommand extends ActorMessage {
  @IsUUID() bookingId!: string;
}

export class TourBookingReasonCommand extends TourBookingCommand {
  @ApiProperty({ example: '暴雨红色预警，停止接待', minLength: 2, maxLength: 500 })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

/** `POST /study-tours/bookings/:id/{decline,cancel}` */
export class TourBookingReasonBody extends PickType(TourBookingReasonCommand, [
  'reason',
] as const) {}

export class ListTourBookingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STUDY_TOUR_BOOKING_STATUSES })
  @IsOptional()
  @IsIn(STUDY_TOUR_BOOKING_STATUSES)
  status?: StudyTourBookingStatus;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** `GET /study-tours/bookings?…` */
export class ListTourBookingsParams extends OmitType(ListTourBookingsQuery, ['actor'] as const) {}

export class BookingCheckResult {
  @ApiProperty({
    enum: BOOKING_CHECK_CODES,
    example: 'TEACHER_RATIO_NOT_MET',
    description: 'The check, named by the error code submission answers when it fails',
  })
  code!: string;
  @ApiProperty({ example: false }) passed!: boolean;
  @ApiProperty({ example: '45 students need 3 accompanying teachers; 2 are listed' })
  message!: string;
  @nullableText('List 1 more teacher', 'What would make it pass; null when it passed')
  fix!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { missingTeachers: 1 },
    description: 'Figures of the check (e.g. missingTeachers), by check',
  })
  details!: Record<string, unknown>;
}

export class TourBookingView {
  @uuid(EXAMPLE_BOOKING) id!: string;
  @ApiProperty({ enum: STUDY_TOUR_BOOKING_STATUSES, example: 'submitted' })
  status!: StudyTourBookingStatus;
  @uuid(EXAMPLE_PROGRAMME) programmeId!: string;
  @ApiProperty({ example: '齐鲁文明探源' }) programmeTitle!: string;
  @uuid() baseOrganisationId!: string;
  @uuid() schoolId!: string;
  @calendarDate('2026-12-15', 'First day of the visit') date!: string;
  @calendarDate('2026-12-15', 'Last day of the visit') endDate!: string;
  @ApiProperty({ type: [String], format: 'uuid', example: [EXAMPLE_STUDENT] })
  studentIds!: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a'],
    description: 'The classes of the listed students',
  })
  classIds!: string[];
  @count(45) studentCount!: number;
  @ApiProperty({ type: () => [TourTeacher] }) teachers!: TourTeacher[];
  @ApiProperty({ type: () => PersonContact }) personInCharge!: PersonContact;
  @ApiProperty({ type: () => TourInsurance, nullable: true }) insurance!: TourInsurance | null;
  @ApiProperty({ type: () => DocumentMeta, nullable: true }) safetyPlan!: DocumentMeta | null;
  @ApiProperty({ type: () => [ParentalConsent] }) consents!: ParentalConsent[];
  @ApiProperty({ enum: [...MEAL_OPTIONS, null], nullable: true, example: 'packed_lunch' })
  mealOption!: MealOption | null;
  @ApiProperty({ enum: [...TRANSPORT_OPTIONS, null], nullable: true, example: 'base_coach' })
  transportOption!: TransportOption | null;
  @nullableText('请安排讲解员') note!: string | null;
  @ApiProperty({
    example: true,
    description:
      'Whether the booking holds places of the days it covers (submitted and confirmed do)',
  })
  holdsPlaces!: boolean;
  @nullableUuid("The principal's account that approved it") approvedBy!: string | null;
  @nullableText('当日已满') declineReason!: string | null;
  @ApiProperty({ enum: ['school', 'base', null], nullable: true, example: null })
  cancelledBy!: 'school' | 'base' | null;
  @nullableText('暴雨红色预警，停止接待') cancelReason!: string | null;
  /**
   * A submitted booking the base has not confirmed or declined by then expires (its places
   * and students' days released): the earlier of submission + DECISION_HOURS and
   * DECISION_DAYS_BEFORE_VISIT days before the visit. Null before submission.
   */
  @nullableTimestamp(
    'A submitted booking the base has not confirmed or declined by then expires (places and students released). Null before submission',
  )
  decideBy!: string | null;
  @nullableText('The base did not decide by decideBy') expiryReason!: string | null;
  @nullableTimestamp('Queued for a full day since then (null if never queued)')
  waitlistedAt!: string | null;
  @nullableTimestamp("An offered booking's places are held for the school until then")
  offerUntil!: string | null;
  @uuid(EXAMPLE_ACCOUNT) createdBy!: string;
  @timestamp() createdAt!: string;
  @timestamp() updatedAt!: string;
}

// ---------------------------------------------------------------- participation and ratings

export class ParticipationMark {
  @ApiProperty({ type: String, format: 'uuid', example: EXAMPLE_STUDENT })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  tookPart!: boolean;
}

/** `study-tours.participation.record`: marks for listed students; a changed mark is a new revision. */
export class RecordParticipationCommand extends TourBookingCommand {
  @ApiProperty({ type: () => [ParticipationMark], minItems: 1, maxItems: MAX_TOUR_STUDENTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ValidateNested({ each: true })
  @Type(() => ParticipationMark)
  marks!: ParticipationMark[];
}

/** `POST /study-tours/bookings/:id/participation` */
export class RecordParticipationBody extends OmitType(RecordParticipationCommand, [
  'actor',
  'bookingId',
] as const) {}

export class ParticipationMarkView {
  @uuid('6e5d4c3b-2a19-4f8e-8d7c-6b5a49382716') participationId!: string;
  @uuid(EXAMPLE_STUDENT) studentId!: string;
  @ApiProperty({ example: true }) tookPart!: boolean;
  @ApiProperty({ type: Number, minimum: 1, example: 1, description: '1, then +1 per change' })
  revision!: number;
  @timestamp() recordedAt!: string;
}

export class ParticipationView {
  @uuid(EXAMPLE_BOOKING) bookingId!: string;
  @ApiProperty({ type: () => [ParticipationMarkView] }) marks!: ParticipationMarkView[];
  @count(43, 'Students marked as having taken part') tookPart!: number;
  @count(45, 'Students the booking lists') listed!: number;
}

export class RateBookingCommand extends TourBookingCommand {
  @ApiProperty({ type: Number, example: 5, minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ example: '讲解生动，学生收获很大', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** `POST /study-tours/bookings/:id/rating` */
export class RateBookingBody extends OmitType(RateBookingCommand, [
  'actor',
  'bookingId',
] as const) {}

// ---------------------------------------------------------------- reports

export class StudyTourReportQuery extends ActorMessage {
  @ApiProperty({ type: String, format: 'date', example: '2026-09-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ type: String, format: 'date', example: '2027-01-31' })
  @IsCalendarDate()
  to!: string;

  /** A bureau in the actor's scope; defaults to the actor's own bureau. */
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'A bureau inside your area; default your own',
  })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
}

export class StudyTourReportRow {
  @uuid() organisationId!: string;
  @ApiProperty({ example: '山东博物馆' }) name!: string;
  @count(12) bookings!: number;
  @count(8) confirmed!: number;
  @count(3) completed!: number;
  @count(1) cancelled!: number;
  @count(0) declined!: number;
  @count(0, 'Submitted, left undecided by the base past the decision deadline') expired!: number;
  @count(480) studentsBooked!: number;
  @count(130) participants!: number;
  @count(3) ratingCount!: number;
  @ApiProperty({ type: Number, nullable: true, example: 4.67, description: 'Null without ratings' })
  averageRating!: number | null;
}

export class StudyTourReportView {
  @calendarDate('2026-09-01') from!: string;
  @calendarDate('2027-01-31') to!: string;
  @nullableUuid('The bureau reported on; null for a platform-wide report') bureauId!: string | null;
  @timestamp() generatedAt!: string;
  @ApiProperty({ type: () => [StudyTourReportRow], description: 'One row per base' })
  bases!: StudyTourReportRow[];
  @ApiProperty({ type: () => [StudyTourReportRow], description: 'One row per school' })
  schools!: StudyTourReportRow[];
}
