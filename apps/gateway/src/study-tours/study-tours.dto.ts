import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
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
import {
  BASE_LEVELS,
  CHECKLIST_ITEMS,
  DESIGNATION_STATUSES,
  IsCalendarDate,
  MAX_TOUR_STUDENTS,
  MEAL_OPTIONS,
  PROGRAMME_DURATIONS,
  STUDY_TOUR_BOOKING_STATUSES,
  TRANSPORT_OPTIONS,
  type BaseLevel,
  type ChecklistItem,
  type DesignationStatus,
  type MealOption,
  type ProgrammeDuration,
  type StudyTourBookingStatus,
  type TransportOption,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';
import { REPORT_FORMATS, type ReportFormat } from '../http/report-format.js';

const EXAMPLE_STUDENT = '01936f3e-8f7a-7c41-9a53-2b1f1c6e4d10';

export class DocumentMetaDto {
  @ApiProperty({ example: '研学安全预案.pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty({ example: 'application/pdf' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  contentType!: string;
  @ApiProperty({ example: 120337 })
  @IsInt()
  @Min(1)
  @Max(1_073_741_824)
  sizeBytes!: number;
  @ApiPropertyOptional({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  sha256?: string;
  @ApiPropertyOptional({ example: 'https://files.example.org/plans/123.pdf' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  url?: string;
}

export class DesignationDocumentDto extends DocumentMetaDto {
  @ApiProperty({ enum: [...CHECKLIST_ITEMS, 'other'], example: 'safetyAssessment' })
  @IsIn([...CHECKLIST_ITEMS, 'other'])
  kind!: ChecklistItem | 'other';
}

export class ChecklistEntryDto {
  @ApiProperty({ example: true }) @IsBoolean() passed!: boolean;
  @ApiPropertyOptional({ example: '2026年10月消防验收合格' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

const entry = () => ApiProperty({ type: ChecklistEntryDto });
export class ChecklistDto {
  @entry() @ValidateNested() @Type(() => ChecklistEntryDto) safetyAssessment!: ChecklistEntryDto;
  @entry() @ValidateNested() @Type(() => ChecklistEntryDto) facilities!: ChecklistEntryDto;
  @entry() @ValidateNested() @Type(() => ChecklistEntryDto) emergencyPlan!: ChecklistEntryDto;
  @entry() @ValidateNested() @Type(() => ChecklistEntryDto) insuranceCover!: ChecklistEntryDto;
  @entry() @ValidateNested() @Type(() => ChecklistEntryDto) staffQualifications!: ChecklistEntryDto;
}

export class DesignateDto {
  @ApiProperty({
    example: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d',
    description: 'A venue organisation inside your area',
  })
  @IsUUID()
  organisationId!: string;
  @ApiPropertyOptional({
    enum: BASE_LEVELS,
    example: 'provincial',
    description:
      'Bureaus: their own level (province → provincial, city → municipal, county → county), may be omitted. Platform admins: required (national allowed).',
  })
  @IsOptional()
  @IsIn(BASE_LEVELS)
  level?: BaseLevel;
  @ApiProperty({ example: '2026-09-01' }) @IsCalendarDate() validFrom!: string;
  @ApiProperty({ example: '2029-08-31' }) @IsCalendarDate() validUntil!: string;
  @ApiProperty({ type: ChecklistDto, description: 'Every item must have passed' })
  @ValidateNested()
  @Type(() => ChecklistDto)
  checklist!: ChecklistDto;
  @ApiProperty({ type: [DesignationDocumentDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DesignationDocumentDto)
  documents!: DesignationDocumentDto[];
}

export class ReasonDto {
  @ApiProperty({ example: '暴雨红色预警，停止接待' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class DesignationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ enum: DESIGNATION_STATUSES })
  @IsOptional()
  @IsIn(DESIGNATION_STATUSES)
  status?: DesignationStatus;
}

export class BasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BASE_LEVELS }) @IsOptional() @IsIn(BASE_LEVELS) level?: BaseLevel;
  @ApiPropertyOptional({
    example: '370100',
    description: 'Region code: a province, city or county',
  })
  @IsOptional()
  @Matches(/^\d{6}$/)
  area?: string;
  @ApiPropertyOptional({ example: '历史文化', description: 'Part of a programme theme' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  theme?: string;
  @ApiPropertyOptional({ example: 5, description: 'A grade some programme suits' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

export class CreateProgrammeDto {
  @ApiPropertyOptional({
    description: 'Platform admins only; base staff publish for their own base',
  })
  @IsOptional()
  @IsUUID()
  baseOrganisationId?: string;
  @ApiProperty({ example: '齐鲁文明探源' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;
  @ApiProperty({ example: '历史文化' }) @IsString() @MinLength(2) @MaxLength(100) theme!: string;
  @ApiProperty({ example: '从龙山黑陶到孔子文化，含讲解与拓印体验' })
  @IsString()
  @MaxLength(4000)
  description!: string;
  @ApiProperty({ example: [7, 8, 9], type: [Number] })
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
  @ApiPropertyOptional({ example: 3, description: 'Days of a multi_day programme (2–30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30)
  days?: number;
  @ApiProperty({ example: 20 }) @IsInt() @Min(1) @Max(MAX_TOUR_STUDENTS) groupMin!: number;
  @ApiProperty({ example: 60 }) @IsInt() @Min(1) @Max(MAX_TOUR_STUDENTS) groupMax!: number;
  @ApiProperty({ example: 120, description: 'Students per day across all bookings' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  dailyCapacity!: number;
  @ApiProperty({ example: 0, description: 'Per student, in fen (0.01 yuan); 0 allowed' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceFen!: number;
  @ApiPropertyOptional({
    example: 10,
    description:
      "One teacher per N students; at most the bureau's default (400 TEACHER_RATIO_BELOW_DEFAULT)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  studentsPerTeacher?: number;
  @ApiProperty({ enum: MEAL_OPTIONS, isArray: true, example: ['none', 'packed_lunch'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEAL_OPTIONS, { each: true })
  mealOptions!: MealOption[];
  @ApiProperty({ enum: TRANSPORT_OPTIONS, isArray: true, example: ['self_arranged', 'base_coach'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(TRANSPORT_OPTIONS, { each: true })
  transportOptions!: TransportOption[];
}

/**
 * A change to a published programme: any of these fields (duration, days and the ratio stay
 * as published), and future days to close to new bookings or reopen.
 */
export class UpdateProgrammeDto extends PartialType(
  OmitType(CreateProgrammeDto, ['baseOrganisationId', 'duration', 'days', 'studentsPerTeacher']),
) {
  @ApiPropertyOptional({
    example: ['2026-10-01'],
    description:
      'Future days on which the programme takes no new bookings (bookings there keep their places)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @IsCalendarDate({ each: true })
  closeDates?: string[];
  @ApiPropertyOptional({ example: [], description: 'Closed future days to open again' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @ArrayUnique()
  @IsCalendarDate({ each: true })
  reopenDates?: string[];
}

export class BureauSettingsDto {
  @ApiProperty({ example: 15, description: 'Default: one accompanying teacher per N students' })
  @IsInt()
  @Min(1)
  @Max(100)
  studentsPerTeacher!: number;
}

export class SchoolSettingsDto {
  @ApiProperty({
    example: true,
    description: "Bookings wait for the principal's approval before reaching the base",
  })
  @IsBoolean()
  approvalRequired!: boolean;
  @ApiPropertyOptional({ example: '5b1c7a8e-2f0d-4d8a-9c3e-7a6b5c4d3e2f', nullable: true })
  @IsOptional()
  @IsUUID()
  principalAccountId?: string | null;
}

export class PersonContactDto {
  @ApiProperty({ example: '王老师' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
  @ApiProperty({ example: '0531-86000001' }) @Matches(/^[0-9+\- ]{5,20}$/) phone!: string;
}

export class TeacherDto extends PersonContactDto {
  @ApiPropertyOptional({
    example: '5b1c7a8e-2f0d-4d8a-9c3e-7a6b5c4d3e2f',
    nullable: true,
    description:
      "The teacher's own school_staff account of the school (checked); without it the teacher is a named person. Each person counts once",
  })
  @IsOptional()
  @IsUUID()
  accountId?: string | null;
}

export class InsuranceDto {
  @ApiProperty({ example: '中国人民财产保险' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  insurer!: string;
  @ApiProperty({ example: 'PICC-2026-0001' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  policyNumber!: string;
  @ApiProperty({
    example: [EXAMPLE_STUDENT],
    type: [String],
    description: 'Every listed student must be covered',
  })
  @IsArray()
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @IsUUID('all', { each: true })
  coveredStudentIds!: string[];
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'First day of cover; the cover must include every day of the visit',
  })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day of cover' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;
}

export class ConsentDto {
  @ApiProperty({ example: EXAMPLE_STUDENT }) @IsUUID() studentId!: string;
  @ApiProperty({ example: '张建国' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  guardianName!: string;
  @ApiProperty({
    example: '2026-11-20',
    description: 'When the guardian consented: not after the request, before the visit',
  })
  @IsCalendarDate()
  recordedOn!: string;
}

export class TourBookingDto {
  @ApiProperty({ example: '5d000000-0000-4000-8000-000000000002' }) @IsUUID() programmeId!: string;
  @ApiProperty({ example: '2026-12-15', description: 'First day of the visit (Asia/Shanghai)' })
  @IsCalendarDate()
  date!: string;
  @ApiProperty({
    example: [EXAMPLE_STUDENT],
    type: [String],
    description: "Students of your school's roster",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds!: string[];
  @ApiProperty({
    type: [TeacherDto],
    description: 'Accompanying teachers, each person once (by account, name or phone)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TeacherDto)
  teachers!: TeacherDto[];
  @ApiProperty({ type: PersonContactDto, description: 'The named person in charge' })
  @ValidateNested()
  @Type(() => PersonContactDto)
  personInCharge!: PersonContactDto;
  @ApiPropertyOptional({ type: InsuranceDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InsuranceDto)
  insurance?: InsuranceDto | null;
  @ApiPropertyOptional({ type: DocumentMetaDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentMetaDto)
  safetyPlan?: DocumentMetaDto | null;
  @ApiPropertyOptional({ type: [ConsentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ValidateNested({ each: true })
  @Type(() => ConsentDto)
  consents?: ConsentDto[];
  @ApiPropertyOptional({ enum: MEAL_OPTIONS })
  @IsOptional()
  @IsIn(MEAL_OPTIONS)
  mealOption?: MealOption;
  @ApiPropertyOptional({ enum: TRANSPORT_OPTIONS })
  @IsOptional()
  @IsIn(TRANSPORT_OPTIONS)
  transportOption?: TransportOption;
  @ApiPropertyOptional({ example: '请安排讲解员' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class TourBookingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STUDY_TOUR_BOOKING_STATUSES })
  @IsOptional()
  @IsIn(STUDY_TOUR_BOOKING_STATUSES)
  status?: StudyTourBookingStatus;
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class ParticipationMarkDto {
  @ApiProperty({ example: EXAMPLE_STUDENT }) @IsUUID() studentId!: string;
  @ApiProperty({ example: true }) @IsBoolean() tookPart!: boolean;
}

export class ParticipationDto {
  @ApiProperty({ type: [ParticipationMarkDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TOUR_STUDENTS)
  @ValidateNested({ each: true })
  @Type(() => ParticipationMarkDto)
  marks!: ParticipationMarkDto[];
}

export class RatingDto {
  @ApiProperty({ example: 5, minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score!: number;
  @ApiPropertyOptional({ example: '讲解生动，学生收获很大' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ReportQueryDto {
  @ApiProperty({ example: '2026-09-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2027-01-31' }) @IsCalendarDate() to!: string;
  @ApiPropertyOptional({ description: 'A bureau inside your area; default your own' })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
