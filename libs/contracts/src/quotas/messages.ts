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

export interface QuotaRuleView {
  id: string;
  name: string;
  kind: QuotaKind;
  period: QuotaPeriod;
  minimum: number | null;
  maximum: number | null;
  /** Empty: every stage. */
  stages: SchoolStage[];
  minGrade: number;
  maxGrade: number;
  /** Schools inside this area (`000000`: everywhere). */
  areaCode: string;
  isDefault: boolean;
  createdAt: string;
}

/** `quotas.rules.create`: platform admins anywhere, bureau admins inside their area. */
export class CreateRuleCommand extends ActorMessage {
  @IsString() @MinLength(2) @MaxLength(100) name!: string;
  @IsIn(QUOTA_KINDS) kind!: QuotaKind;
  @IsIn(QUOTA_PERIODS) period!: QuotaPeriod;
  @IsOptional() @IsInt() @Min(0) @Max(1000) minimum?: number | null;
  @IsOptional() @IsInt() @Min(0) @Max(1000) maximum?: number | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(SCHOOL_STAGES, { each: true })
  stages?: SchoolStage[];
  @IsOptional() @IsInt() @Min(1) @Max(12) minGrade?: number;
  @IsOptional() @IsInt() @Min(1) @Max(12) maxGrade?: number;
  /** Defaults to the bureau's own area (a platform admin: the whole country). */
  @IsOptional() @Matches(/^\d{6}$/) areaCode?: string;
}

export class ListRulesQuery extends PageQuery {}

/** Scope of a report or a notice run: exactly one of classId, schoolId, areaCode. */
export class ScopeFields extends PageQuery {
  @IsOptional() @IsUUID() ruleId?: string;
  @Matches(PERIOD_KEY, { message: 'period must be like 2026-2027-T1 (a term) or 2026-2027' })
  period!: string;
  @IsOptional() @IsUUID() classId?: string;
  @IsOptional() @IsUUID() schoolId?: string;
  /** A county (370102) or a city (370100) or a province (370000). */
  @IsOptional() @Matches(/^\d{6}$/) areaCode?: string;
}

/** `quotas.reports.compliance`: counts and the students short (a page of them). */
export class ComplianceReportQuery extends ScopeFields {
  /** `short` (default): the students below the minimum; `forecast`: the same, with what they miss. */
  @IsOptional() @IsIn(['short', 'all']) list?: 'short' | 'all';
}

export interface StudentStandingView {
  studentId: string;
  /** The roster's name, student number and class name (null until the roster says); never a national ID. */
  name: string | null;
  studentNumber: string | null;
  className: string | null;
  schoolId: string;
  classId: string | null;
  grade: number;
  /** What counted in the period (distinct films, venues or programmes). */
  counted: number;
  /** Distinct films booked in upcoming screenings (programmes of confirmed study tours) of the period, not yet counted. */
  booked: number;
  standing: Standing;
  /** How many more are needed beyond what is counted and booked (0 when none). */
  missing: number;
}

export interface ComplianceReportView {
  rule: QuotaRuleView;
  period: string;
  scope: { level: ReportLevel; id: string };
  counts: { students: number; met: number; onTrack: number; short: number; over: number };
  /** The students listed (short ones by default), a page of them. */
  students: StudentStandingView[];
  page: number;
  pageSize: number;
  total: number;
  generatedAt: string;
}

/** `quotas.standings.student`: one student's standing against every rule that applies. */
export class StudentStandingQuery extends ActorMessage {
  @IsUUID() studentId!: string;
  @Matches(PERIOD_KEY) period!: string;
}

export interface StudentStandingsView {
  studentId: string;
  period: string;
  standings: (StudentStandingView & { ruleId: string; ruleName: string })[];
}

/**
 * `quotas.short-notices.publish`: a `quotas.student.short.v1` per student still short in scope
 * and not told yet for the rule and period (at most once per student, rule and period).
 */
export class PublishShortNoticesCommand extends ActorMessage {
  @IsOptional() @IsUUID() ruleId?: string;
  @Matches(PERIOD_KEY) period!: string;
  @IsOptional() @IsUUID() classId?: string;
  @IsOptional() @IsUUID() schoolId?: string;
  @IsOptional() @Matches(/^\d{6}$/) areaCode?: string;
}

export interface ShortNoticesView {
  ruleId: string;
  period: string;
  /** Students short and told now: one `quotas.student.short.v1` each. */
  published: number;
  /** Students short but told before for this rule and period (on demand or scheduled): no event. */
  alreadySent: number;
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
  @IsUUID() schoolId!: string;
  @IsCalendarDate() from!: string;
  @IsCalendarDate() to!: string;
  @IsArray()
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => DigestStudentMessage)
  students!: DigestStudentMessage[];
}

export interface LedgerDifference {
  studentId: string;
  ledger: { distinctFilms: number; presentMarks: number };
  screenings: { distinctFilms: number; presentMarks: number };
}

export interface ConsistencyReportView {
  schoolId: string;
  from: string;
  to: string;
  studentsCompared: number;
  consistent: boolean;
  differences: LedgerDifference[];
}

/** `quotas.ledger.rebuild`: recompute every count from the stored facts (platform admins). */
export class RebuildLedgerCommand extends ActorMessage {}

export interface RebuildView {
  facts: number;
  students: number;
  ms: number;
}
