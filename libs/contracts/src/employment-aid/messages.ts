import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ActorMessage, PageQuery } from '../messages/common.js';
import { IsCalendarDate } from '../roster/validation.js';

export const DIFFICULTY_CATEGORIES = [
  'low_income',
  'zero_employment_household',
  'disability',
  'long_term_unemployment',
  'ethnic_minority',
  'other',
] as const;
export type DifficultyCategory = (typeof DIFFICULTY_CATEGORIES)[number];

export const DEGREES = ['junior_college', 'bachelor', 'master', 'doctorate'] as const;
export type Degree = (typeof DEGREES)[number];

export const MENTOR_KINDS = ['teacher', 'counsellor', 'alumnus', 'hr_expert'] as const;
export type MentorKind = (typeof MENTOR_KINDS)[number];

export const SESSION_CHANNELS = ['in_person', 'phone', 'wechat', 'video', 'home_visit'] as const;
export type SessionChannel = (typeof SESSION_CHANNELS)[number];

export const GOAL_STATUSES = ['open', 'done', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const REFERRAL_RESULTS = ['pending', 'interview', 'offer', 'hired', 'rejected'] as const;
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];

export const OUTCOME_KINDS = [
  'employed',
  'further_study',
  'entrepreneurship',
  'flexible_employment',
  'enlisted',
  'not_yet_employed',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Outcomes that count as having work in the reports (further study is a destination, not a job). */
export const EMPLOYED_OUTCOME_KINDS: readonly OutcomeKind[] = [
  'employed',
  'entrepreneurship',
  'flexible_employment',
  'enlisted',
];

export const CONTRACT_TYPES = [
  'permanent',
  'fixed_term',
  'part_time',
  'internship',
  'other',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

const text = (max: number) => [IsString(), MinLength(1), MaxLength(max)];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };
const Text = (max: number): PropertyDecorator => apply(...text(max));
const Tags = (): PropertyDecorator =>
  apply(IsArray(), ArrayMaxSize(20), IsString({ each: true }), MaxLength(50, { each: true }));

// ---------------------------------------------------------------- graduates

export class JobIntentions {
  @Tags()
  industries!: string[];

  @Tags()
  cities!: string[];

  /** Monthly, in yuan. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedMonthlySalary?: number;
}

/** `employment-aid.graduates.register`: career-centre staff of the actor's university. */
export class RegisterGraduateCommand extends ActorMessage {
  @Text(100)
  name!: string;

  @Text(100)
  major!: string;

  @IsIn(DEGREES)
  degree!: Degree;

  @IsInt()
  @Min(2000)
  @Max(2100)
  graduationYear!: number;

  @Text(200)
  contact!: string;

  @ValidateNested()
  @Type(() => JobIntentions)
  intentions!: JobIntentions;

  @IsBoolean()
  willingToWork!: boolean;

  @IsArray()
  @ArrayMaxSize(DIFFICULTY_CATEGORIES.length)
  @IsIn(DIFFICULTY_CATEGORIES, { each: true })
  difficultyCategories!: DifficultyCategory[];

  /** The graduate's own directory account (role graduate, same university), if known now. */
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class GraduateRef extends ActorMessage {
  @IsUUID()
  graduateId!: string;
}

export class ListGraduatesQuery extends PageQuery {
  @IsOptional()
  @IsBoolean()
  flaggedOnly?: boolean;
}

export interface FollowUpAlerts {
  /** Days since the last session in which contact was made (or since registration). */
  daysSinceContact: number;
  noContact: boolean;
  overdueFollowUp: boolean;
  followUpOn: string | null;
}

/** A graduate in need as anyone allowed may see it: never the difficulty categories. */
export interface GraduateView {
  id: string;
  universityId: string;
  name: string;
  major: string;
  degree: Degree;
  graduationYear: number;
  contact: string;
  intentions: { industries: string[]; cities: string[]; expectedMonthlySalary: number | null };
  willingToWork: boolean;
  registeredAt: string;
  lastContactAt: string | null;
  mentorId: string | null;
  /** The directory account the graduate signs in with, when linked. */
  accountId: string | null;
  alerts: FollowUpAlerts;
}

/** `employment-aid.graduates.account.link`: career-centre staff of the graduate's university. */
export class LinkGraduateAccountCommand extends GraduateRef {
  @IsUUID()
  accountId!: string;
}

/** Career-centre staff only, audited on every read. */
export interface GraduateSensitiveView {
  graduateId: string;
  difficultyCategories: DifficultyCategory[];
  auditId: string;
}

// ---------------------------------------------------------------- mentors

export class CreateMentorCommand extends ActorMessage {
  /** A directory account (mentor or career-centre staff) of the same university. */
  @IsUUID()
  accountId!: string;

  @Text(100)
  displayName!: string;

  @IsIn(MENTOR_KINDS)
  kind!: MentorKind;

  @Tags()
  industries!: string[];

  @Tags()
  majors!: string[];

  @Tags()
  cities!: string[];

  @IsInt()
  @Min(1)
  @Max(50)
  capacity!: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  availability?: string;

  /** A contact the mentor chose to share with their mentees (shown on the graduate's view). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sharedContact?: string;
}

export class UpdateMentorCommand extends ActorMessage {
  @IsUUID()
  mentorId!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  capacity?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  availability?: string;

  @IsOptional()
  @Tags()
  industries?: string[];

  @IsOptional()
  @Tags()
  majors?: string[];

  @IsOptional()
  @Tags()
  cities?: string[];

  /** An empty string stops sharing. The mentor may change this (and availability) themself. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sharedContact?: string;
}

export class MentorRef extends ActorMessage {
  @IsUUID()
  mentorId!: string;
}

export class ListMentorsQuery extends PageQuery {}

export interface MentorView {
  id: string;
  universityId: string;
  accountId: string;
  displayName: string;
  kind: MentorKind;
  industries: string[];
  majors: string[];
  cities: string[];
  capacity: number;
  activeMentees: number;
  availability: string | null;
  sharedContact: string | null;
  createdAt: string;
}

// ---------------------------------------------------------------- assignments

/** `employment-aid.assignments.assign`: a reason is required when the graduate has a mentor. */
export class AssignMentorCommand extends ActorMessage {
  @IsUUID()
  graduateId!: string;

  @IsUUID()
  mentorId!: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export interface AssignmentView {
  id: string;
  graduateId: string;
  mentorId: string;
  active: boolean;
  assignedAt: string;
  assignedBy: string;
  endedAt: string | null;
  endReason: string | null;
}

export interface MentorSuggestionView {
  mentor: MentorView;
  score: number;
  reasons: string[];
}

// ---------------------------------------------------------------- plans and sessions

export class AddGoalCommand extends GraduateRef {
  @Text(300)
  title!: string;

  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class UpdateGoalCommand extends ActorMessage {
  @IsUUID()
  goalId!: string;

  @IsIn(GOAL_STATUSES)
  status!: GoalStatus;
}

export class AddReferralCommand extends GraduateRef {
  @Text(200)
  employer!: string;

  @Text(200)
  position!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class UpdateReferralCommand extends ActorMessage {
  @IsUUID()
  referralId!: string;

  @IsIn(REFERRAL_RESULTS)
  result!: ReferralResult;
}

export interface GoalView {
  id: string;
  graduateId: string;
  title: string;
  dueOn: string | null;
  status: GoalStatus;
  overdue: boolean;
  createdAt: string;
}

export interface ReferralView {
  id: string;
  graduateId: string;
  /** Set when the referral is to one of the centre's postings. */
  postingId: string | null;
  employer: string;
  position: string;
  note: string | null;
  result: ReferralResult;
  referredBy: string;
  referredAt: string;
  updatedAt: string;
}

export interface PlanView {
  graduateId: string;
  goals: GoalView[];
  referrals: ReferralView[];
}

export class LogSessionCommand extends GraduateRef {
  /** When it happened; the service's clock when left out. */
  @IsOptional()
  @IsDateString()
  occurredAt?: string;

  @IsIn(SESSION_CHANNELS)
  channel!: SessionChannel;

  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes!: number;

  @IsBoolean()
  contactMade!: boolean;

  @IsString()
  @MaxLength(5000)
  notes!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  nextStep?: string;

  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string;

  /** Written for the graduate, who sees it; the notes and next step stay with the staff. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  sharedSummary?: string;
}

export class EditSessionCommand extends ActorMessage {
  @IsUUID()
  sessionId!: string;

  @IsString()
  @MaxLength(5000)
  notes!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  nextStep?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  sharedSummary?: string;
}

export class ListSessionsQuery extends PageQuery {
  @IsUUID()
  graduateId!: string;
}

export interface SessionRevisionView {
  notes: string;
  nextStep: string | null;
  sharedSummary: string | null;
  editedAt: string;
  editedBy: string;
}

export interface SessionView {
  id: string;
  graduateId: string;
  mentorAccountId: string;
  occurredAt: string;
  channel: SessionChannel;
  durationMinutes: number;
  contactMade: boolean;
  notes: string;
  nextStep: string | null;
  followUpOn: string | null;
  sharedSummary: string | null;
  editableUntil: string;
  revisions: SessionRevisionView[];
}

export class ListAlertsQuery extends ActorMessage {}

export interface AlertView {
  graduateId: string;
  graduateName: string;
  mentorId: string | null;
  reasons: ('no_contact' | 'overdue_follow_up')[];
  daysSinceContact: number;
  followUpOn: string | null;
}

// ---------------------------------------------------------------- outcomes

export class RecordOutcomeCommand extends GraduateRef {
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  employer?: string;

  /** The first day of work (or of study, service, business). */
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;
}

export class VerifyOutcomeCommand extends ActorMessage {
  @IsUUID()
  outcomeId!: string;
}

export interface OutcomeView {
  id: string;
  graduateId: string;
  kind: OutcomeKind;
  employer: string | null;
  startDate: string | null;
  contractType: ContractType | null;
  daysToEmployment: number | null;
  recordedBy: string;
  recordedAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
}

/** `employment-aid.outcome.recorded.v1` and `.verified.v1`, keyed by graduate id. */
export interface OutcomeEventPayload {
  outcomeId: string;
  graduateId: string;
  universityId: string;
  kind: OutcomeKind;
  employer: string | null;
  startDate: string | null;
  contractType: ContractType | null;
  daysToEmployment: number | null;
  recordedAt: string;
  verifiedAt: string | null;
}

// ---------------------------------------------------------------- training sessions

export class CreateTrainingCommand extends ActorMessage {
  @Text(200)
  title!: string;

  @IsDateString()
  startsAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;
}

export class TrainingRef extends ActorMessage {
  @IsUUID()
  trainingId!: string;
}

export class EnrolInTrainingCommand extends TrainingRef {
  @IsUUID()
  graduateId!: string;
}

export class RecordAttendanceCommand extends EnrolInTrainingCommand {
  @IsBoolean()
  attended!: boolean;
}

export interface TrainingView {
  id: string;
  universityId: string;
  title: string;
  startsAt: string;
  location: string | null;
  capacity: number;
  enrolled: number;
  placesLeft: number;
}

export interface TrainingEnrolmentView {
  trainingId: string;
  graduateId: string;
  enrolledAt: string;
  attended: boolean | null;
}

// ---------------------------------------------------------------- reports

export class CentreReportQuery extends ActorMessage {
  /** Platform and bureau admins name the university; career-centre staff read their own. */
  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export interface CentreReportView {
  universityId: string;
  generatedAt: string;
  alertWindowDays: number;
  graduatesInNeed: number;
  assigned: number;
  assignedShare: number;
  contactedWithinWindow: number;
  contactedShare: number;
  employed: number;
  employedShare: number;
  medianDaysToEmployment: number | null;
}

export class BureauReportQuery extends ActorMessage {
  /** A bureau admin's own bureau when left out; platform admins name one. */
  @IsOptional()
  @IsUUID()
  bureauId?: string;
}

export interface BureauReportView {
  bureauId: string;
  generatedAt: string;
  /** All graduates in need of the universities under the bureau, counted together. */
  totals: CentreReportView;
  universities: CentreReportView[];
}

// ---------------------------------------------------------------- job and internship postings

export const POSTING_KINDS = ['job', 'internship'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const POSTING_STATUSES = ['pending_review', 'published', 'rejected'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

export const POSTING_DECISIONS = ['publish', 'reject'] as const;
export type PostingDecision = (typeof POSTING_DECISIONS)[number];

/** `employment-aid.postings.create`: by career-centre staff for an employer; reviewed later. */
export class CreatePostingCommand extends ActorMessage {
  @IsIn(POSTING_KINDS)
  kind!: PostingKind;

  @Text(200)
  employer!: string;

  @Text(200)
  title!: string;

  @Text(200)
  location!: string;

  /** Monthly wages in yuan. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  wageMin!: number;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  wageMax!: number;

  @IsString()
  @MaxLength(5000)
  requirements!: string;

  /** The last day it can be applied for. */
  @IsCalendarDate()
  expiresOn!: string;
}

/** Another member of staff than its author publishes or rejects it. */
export class ReviewPostingCommand extends ActorMessage {
  @IsUUID()
  postingId!: string;

  @IsIn(POSTING_DECISIONS)
  decision!: PostingDecision;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class PostingRef extends ActorMessage {
  @IsUUID()
  postingId!: string;
}

/** Staff see every posting of their university; mentors the published, unexpired ones. */
export class ListPostingsQuery extends PageQuery {
  @IsOptional()
  @IsIn(POSTING_STATUSES)
  status?: PostingStatus;
}

/** `employment-aid.postings.refer`: the graduate's mentor refers them; a referral in the plan. */
export class ReferToPostingCommand extends PostingRef {
  @IsUUID()
  graduateId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export interface PostingView {
  id: string;
  universityId: string;
  kind: PostingKind;
  employer: string;
  title: string;
  location: string;
  wageMin: number;
  wageMax: number;
  requirements: string;
  expiresOn: string;
  expired: boolean;
  status: PostingStatus;
  createdBy: string;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** The centre's weekly digest: every alert, grouped by mentor. */
export interface AlertDigestView {
  universityId: string;
  generatedAt: string;
  alertWindowDays: number;
  total: number;
  byMentor: { mentorId: string; displayName: string; alerts: AlertView[] }[];
  withoutMentor: AlertView[];
}

// ---------------------------------------------------------------- the graduate's own view

/** `employment-aid.me.get`: the signed-in graduate's own record (role graduate). */
export class MyAidQuery extends ActorMessage {}

/** `employment-aid.me.sessions`: the signed-in graduate's sessions, latest first. */
export class ListMySessionsQuery extends PageQuery {}

/** The graduate's registration as they see it: never the difficulty categories, no alerts. */
export interface MyRegistrationView {
  id: string;
  universityId: string;
  name: string;
  major: string;
  degree: Degree;
  graduationYear: number;
  contact: string;
  intentions: { industries: string[]; cities: string[]; expectedMonthlySalary: number | null };
  willingToWork: boolean;
  registeredAt: string;
}

export interface MyMentorView {
  displayName: string;
  kind: MentorKind;
  /** Only what the mentor chose to share; null when they share nothing. */
  sharedContact: string | null;
  since: string;
}

/** A support session as the graduate sees it: never the mentor's notes or next step. */
export interface MySessionView {
  id: string;
  occurredAt: string;
  channel: SessionChannel;
  durationMinutes: number;
  contactMade: boolean;
  followUpOn: string | null;
  /** What the mentor wrote for the graduate to read, if anything. */
  sharedSummary: string | null;
  mentorName: string | null;
}

export interface MyGoalView {
  id: string;
  title: string;
  dueOn: string | null;
  status: GoalStatus;
  overdue: boolean;
}

/** A referral without the staff's note on it. */
export interface MyReferralView {
  id: string;
  postingId: string | null;
  employer: string;
  position: string;
  result: ReferralResult;
  referredAt: string;
  updatedAt: string;
}

/** A posting the graduate was referred to, without its review trail. */
export interface MyPostingView {
  id: string;
  kind: PostingKind;
  employer: string;
  title: string;
  location: string;
  wageMin: number;
  wageMax: number;
  requirements: string;
  expiresOn: string;
  /** Published and not expired: still open to apply. */
  open: boolean;
  referralResult: ReferralResult;
}

export interface MyOutcomeView {
  kind: OutcomeKind;
  employer: string | null;
  startDate: string | null;
  contractType: ContractType | null;
  verifiedAt: string;
}

export interface MyAidView {
  registration: MyRegistrationView;
  mentor: MyMentorView | null;
  nextFollowUpOn: string | null;
  plan: { goals: MyGoalView[]; referrals: MyReferralView[] };
  /** The latest sessions (up to 10); the rest through `employment-aid.me.sessions`. */
  recentSessions: MySessionView[];
  sessionCount: number;
  /** The latest outcome the career centre verified; null until then. */
  outcome: MyOutcomeView | null;
  referredPostings: MyPostingView[];
}
