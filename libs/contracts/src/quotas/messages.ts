import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { SCHOOL_STAGES, type SchoolStage } from '../messages/organisations.js';
import { IsCalendarDate } from '../roster/validation.js';

/** What a rule counts: distinct films attended, distinct venues visited, distinct study-tour programmes. */
export const QUOTA_KINDS = ['film', 'venue_visit', 'study_tour'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];

export const QUOTA_PERIODS = ['term', 'school_year'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

export const STANDINGS = ['met', 'on_track', 'short', 'over'] as const;
export type Standing = (typeof STANDINGS)[number];

/** `2026-2027-T1` (a term) or `2026-2027` (a school year). */
export const PERIOD_KEY = /^\d{4}-\d{4}(-T[12])?$/;

export const REPORT_LEVELS = ['class', 'school', 'area'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** What the compliance report answers in: its JSON, or a CSV or Excel download. */
export const COMPLIANCE_REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ComplianceReportFormat = (typeof COMPLIANCE_REPORT_FORMATS)[number];

const AREA_CODE = /^\d{6}$/;
const AREA_CODE_MESSAGE = 'areaCode must be a 6-digit administrative region code';
const PERIOD_MESSAGE = 'period must be like 2026-2027-T1 (a term) or 2026-2027 (a school year)';
const SCHOOL_ID = '3c5e7a9b-1d3f-4a5c-8e7a-9c1e3f5a7b9d';
const CLASS_ID = '5e7a9c1e-3f5a-4b7d-9f1b-3d5f7a9c1e3f';

export class QuotaRuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '每学期至少观看2部优秀影片' }) name!: string;
  @ApiProperty({ enum: QUOTA_KINDS }) kind!: QuotaKind;
  @ApiProperty({ enum: QUOTA_PERIODS }) period!: QuotaPeriod;
  @ApiProperty({ type: Number, nullable: true, example: 2 }) minimum!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) maximum!: number | null;

  /** Empty: every stage. */
  @ApiProperty({ enum: SCHOOL_STAGES, isArray: true, description: 'Empty: every stage' })
  stages!: SchoolStage[];

  @ApiProperty({ type: Number, example: 1 }) minGrade!: number;
  @ApiProperty({ type: Number, example: 12 }) maxGrade!: number;

  /** Schools inside this area (`000000`: everywhere). */
  @ApiProperty({ example: '000000', description: 'Schools inside this area (000000: everywhere)' })
  areaCode!: string;

  @ApiProperty({ type: Boolean, description: 'The built-in rule (2 distinct films a term)' })
  isDefault!: boolean;

  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

/** `quotas.rules.create`: platform admins anywhere, bureau admins inside their area. */
export class CreateRuleCommand extends ActorMessage {
  @ApiProperty({ example: '每学年至少参加1次研学实践', minLength: 2, maxLength: 100 })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: QUOTA_KINDS, example: 'study_tour' })
  @IsIn(QUOTA_KINDS)
  kind!: QuotaKind;

  @ApiProperty({ enum: QUOTA_PERIODS, example: 'school_year' })
  @IsIn(QUOTA_PERIODS)
  period!: QuotaPeriod;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 1, minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minimum?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 4, minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  maximum?: number | null;

  @ApiPropertyOptional({
    enum: SCHOOL_STAGES,
    isArray: true,
    maxItems: 6,
    example: ['junior_secondary'],
    description: 'Absent or empty: every stage',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(SCHOOL_STAGES, { each: true })
  stages?: SchoolStage[];

  @ApiPropertyOptional({ example: 7, minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  minGrade?: number;

  @ApiPropertyOptional({ example: 9, minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  maxGrade?: number;

  /** Defaults to the bureau's own area (a platform admin: the whole country). */
  @ApiPropertyOptional({
    example: '370102',
    pattern: AREA_CODE.source,
    description:
      "Schools inside this area; default: the bureau's own area (platform admins: everywhere)",
  })
  @IsOptional()
  @Matches(AREA_CODE, { message: AREA_CODE_MESSAGE })
  areaCode?: string;
}

/** `POST /quotas/rules`. */
export class CreateRuleBody extends OmitType(CreateRuleCommand, ['actor'] as const) {}

export class ListRulesQuery extends PageQuery {}

/** `GET /quotas/rules`. */
export class ListRulesHttpQuery extends OmitType(ListRulesQuery, ['actor'] as const) {}

/** Scope of a report or a notice run: exactly one of classId, schoolId, areaCode. */
export class ScopeFields extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: 每学期至少观看2部优秀影片' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @ApiProperty({
    example: '2026-2027-T1',
    pattern: PERIOD_KEY.source,
    description: 'A term (`-T1`, `-T2`) or a school year',
  })
  @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ format: 'uuid', example: CLASS_ID })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  /** A county (370102) or a city (370100) or a province (370000). */
  @ApiPropertyOptional({
    example: '370100',
    pattern: AREA_CODE.source,
    description: 'A county (370102), a city (370100) or a province (370000)',
  })
  @IsOptional()
  @Matches(AREA_CODE, { message: AREA_CODE_MESSAGE })
  areaCode?: string;
}

/** `quotas.reports.compliance`: counts and the students short (a page of them). */
export class ComplianceReportQuery extends ScopeFields {
  /** `short` (default): the students below the minimum; `all`: every student. */
  @ApiPropertyOptional({
    enum: ['short', 'all'],
    default: 'short',
    description: 'short: the students below the minimum; all: every student',
  })
  @IsOptional()
  @IsIn(['short', 'all'])
  list?: 'short' | 'all';
}

/** `GET /quotas/reports/compliance` (and `/forecast`, which ignores `list` and `format`). */
export class ComplianceReportHttpQuery extends OmitType(ComplianceReportQuery, ['actor'] as const) {
  @ApiPropertyOptional({ enum: COMPLIANCE_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(COMPLIANCE_REPORT_FORMATS)
  format?: ComplianceReportFormat;
}

export class StudentStandingView {
  @ApiProperty({ format: 'uuid' }) studentId!: string;

  /** The roster's name, student number and class name (null until the roster says); never a national ID. */
  @ApiProperty({ type: String, nullable: true, description: 'Null until the roster says' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true }) studentNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) className!: string | null;
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) classId!: string | null;
  @ApiProperty({ type: Number }) grade!: number;

  /** What counted in the period (distinct films, venues or programmes). */
  @ApiProperty({
    type: Number,
    description: 'What counted in the period (distinct films, venues or programmes)',
  })
  counted!: number;

  /** Distinct films booked in upcoming screenings (programmes of confirmed study tours) of the period, not yet counted. */
  @ApiProperty({ type: Number, description: 'Booked in the period, not yet counted' })
  booked!: number;

  @ApiProperty({ enum: STANDINGS }) standing!: Standing;

  /** How many more are needed beyond what is counted and booked (0 when none). */
  @ApiProperty({ type: Number, description: 'How many more are needed beyond counted and booked' })
  missing!: number;
}

export class ReportScopeView {
  @ApiProperty({ enum: REPORT_LEVELS }) level!: ReportLevel;
  @ApiProperty({ description: 'The class or school id, or the area code' }) id!: string;
}

export class ComplianceCountsView {
  @ApiProperty({ type: Number }) students!: number;
  @ApiProperty({ type: Number }) met!: number;
  @ApiProperty({ type: Number }) onTrack!: number;
  @ApiProperty({ type: Number }) short!: number;
  @ApiProperty({ type: Number }) over!: number;
}

export class ComplianceReportView {
  @ApiProperty({ type: () => QuotaRuleView }) rule!: QuotaRuleView;
  @ApiProperty({ example: '2026-2027-T1' }) period!: string;
  @ApiProperty({ type: () => ReportScopeView }) scope!: ReportScopeView;
  @ApiProperty({ type: () => ComplianceCountsView }) counts!: ComplianceCountsView;

  /** The students listed (short ones by default), a page of them. */
  @ApiProperty({
    type: () => [StudentStandingView],
    description: 'The students listed (short ones by default), a page of them',
  })
  students!: StudentStandingView[];

  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
  @ApiProperty({ type: Number, description: 'Students listed over all pages' }) total!: number;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
}

/** `quotas.standings.student`: one student's standing against every rule that applies. */
export class StudentStandingQuery extends ActorMessage {
  @IsUUID() studentId!: string;

  @ApiProperty({ example: '2026-2027-T1', pattern: PERIOD_KEY.source })
  @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  period!: string;
}

/** `GET /quotas/me/standing` and `/quotas/students/{id}/standing`. */
export class StudentStandingHttpQuery extends PickType(StudentStandingQuery, ['period'] as const) {}

/** A student's standing against one rule. */
export class RuleStandingView extends StudentStandingView {
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty() ruleName!: string;
}

export class StudentStandingsView {
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ example: '2026-2027-T1' }) period!: string;
  @ApiProperty({ type: () => [RuleStandingView] }) standings!: RuleStandingView[];
}

/**
 * `quotas.short-notices.publish`: a `quotas.student.short.v1` per student still short in scope
 * and not told yet for the rule and period (at most once per student, rule and period).
 */
export class PublishShortNoticesCommand extends ActorMessage {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: 每学期至少观看2部优秀影片' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @ApiProperty({
    example: '2026-2027-T1',
    pattern: PERIOD_KEY.source,
    description: 'A term (`-T1`, `-T2`) or a school year',
  })
  @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ format: 'uuid', example: CLASS_ID })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({
    example: '370102',
    pattern: AREA_CODE.source,
    description: 'A county (370102) or city (370100)',
  })
  @IsOptional()
  @Matches(AREA_CODE, { message: AREA_CODE_MESSAGE })
  areaCode?: string;
}

/** `POST /quotas/short-notices`: one of classId, schoolId, areaCode (none: your own school or area). */
export class PublishShortNoticesBody extends OmitType(PublishShortNoticesCommand, [
  'actor',
] as const) {}

export class ShortNoticesView {
  @ApiProperty({ format: 'uuid' }) ruleId!: string;
  @ApiProperty({ example: '2026-2027-T1' }) period!: string;

  /** Students short and told now: one `quotas.student.short.v1` each. */
  @ApiProperty({ type: Number, description: 'Students short and told now: one event each' })
  published!: number;

  /** Students short but told before for this rule and period (on demand or scheduled): no event. */
  @ApiProperty({ type: Number, description: 'Students short but told before: no event' })
  alreadySent!: number;
}

/** `quotas.student.short.v1`, key studentId. */
export interface StudentShortPayload {
  studentId: string;
  schoolId: string;
  classId: string | null;
  grade: number;
  ruleId: string;
  ruleName: string;
  kind: QuotaKind;
  period: string;
  minimum: number;
  counted: number;
  booked: number;
  /** The period's last day (Asia/Shanghai), when known. */
  periodEndsOn: string | null;
  /** `scheduled` (N days before the term ends) or `on_demand`. */
  trigger: 'scheduled' | 'on_demand';
}

export class DigestStudentMessage {
  @IsUUID() studentId!: string;
  @IsInt() @Min(0) distinctFilms!: number;
  @IsInt() @Min(0) presentMarks!: number;
}

/** `quotas.ledger.compare`: the screenings digest, compared with the ledger. */
export class CompareDigestCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: SCHOOL_ID })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-09-01',
    description: 'First local date (Asia/Shanghai)',
  })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ format: 'date', example: '2027-01-20', description: 'Last local date, included' })
  @IsCalendarDate()
  to!: string;

  @IsArray()
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => DigestStudentMessage)
  students!: DigestStudentMessage[];
}

/** `POST /quotas/consistency-checks`: the gateway fetches the digest, then compares. */
export class ConsistencyCheckBody extends OmitType(CompareDigestCommand, [
  'actor',
  'students',
] as const) {}

export class FilmMarkCounts {
  @ApiProperty({ type: Number }) distinctFilms!: number;
  @ApiProperty({ type: Number }) presentMarks!: number;
}

export class LedgerDifference {
  @ApiProperty({ format: 'uuid' }) studentId!: string;
  @ApiProperty({ type: () => FilmMarkCounts, description: 'What the quotas ledger counts' })
  ledger!: FilmMarkCounts;
  @ApiProperty({ type: () => FilmMarkCounts, description: 'What the screenings service counts' })
  screenings!: FilmMarkCounts;
}

export class ConsistencyReportView {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: Number }) studentsCompared!: number;
  @ApiProperty({ type: Boolean }) consistent!: boolean;
  @ApiProperty({ type: () => [LedgerDifference] }) differences!: LedgerDifference[];
}

/** `quotas.ledger.rebuild`: recompute every count from the stored facts (platform admins). */
export class RebuildLedgerCommand extends ActorMessage {}

export class RebuildView {
  @ApiProperty({ type: Number, description: 'Facts stored' }) facts!: number;
  @ApiProperty({ type: Number, description: 'Students recomputed' }) students!: number;
  @ApiProperty({ type: Number, description: 'Milliseconds taken' }) ms!: number;
}
