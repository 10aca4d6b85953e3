import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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

// Every request shape of the employment-aid service, validated by the service and (without the
// actor and the path parameters, as `…Body` / `…HttpQuery`) by the gateway; and every reply, as
// the classes the OpenAPI document describes.

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

export const ALERT_REASONS = ['no_contact', 'overdue_follow_up'] as const;
export type AlertReason = (typeof ALERT_REASONS)[number];

const text = (max: number) => [IsString(), MinLength(1), MaxLength(max)];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };
const Text = (max: number): PropertyDecorator => apply(...text(max));
const Tags = (): PropertyDecorator =>
  apply(IsArray(), ArrayMaxSize(20), IsString({ each: true }), MaxLength(50, { each: true }));

/** A query string's `true`/`false`; anything else is left for `@IsBoolean()` to refuse. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

// Examples for the OpenAPI document.
const ACCOUNT_ID = '7b1f3c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';
const STAFF_ACCOUNT_ID = '0c2e4a6b-8d0f-4b2d-9f4a-6c8e0a2c4e6f';
const MENTOR_ID = '2e4c6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a';
const GRADUATE_ID = '6f8a0c2e-4b6d-4e8f-a0b2-c4d6e8f0a2b4';
const UNIVERSITY_ID = '1a3c5e7f-9b1d-4f3a-8c5e-7a9c1e3f5b7d';
const BUREAU_ID = '5d7f9b1c-3e5a-4c7e-9b1d-3f5a7c9e1b3d';
const POSTING_ID = '8a0c2e4f-6b8d-4f0a-b2c4-e6f8a0b2c4d6';
const SESSION_ID = '3b5d7f9a-1c3e-4a5c-8e7a-9c1e3a5c7e9b';
const GOAL_ID = '5e7a9c1e-3a5c-4e9b-8d1f-3a5c7e9b1d3f';
const REFERRAL_ID = '7a9c1e3a-5c7e-4b1d-9f3a-5c7e9b1d3f5a';
const OUTCOME_ID = '9b1d3f5a-7c9e-4d3f-a5c7-e9b1d3f5a7c9';
const TRAINING_ID = 'ab1d3f5a-7c9e-4b3f-85c7-e9b1d3f5a7c9';
const AT = '2026-11-28T06:30:00.000Z';

/** An id in a reply: always a UUID. */
const id = (example: string, description?: string) =>
  ApiProperty({ format: 'uuid', example, ...(description ? { description } : {}) });
const nullableId = (example: string | null, description?: string) =>
  ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example,
    ...(description ? { description } : {}),
  });
/** An instant in a reply (ISO 8601, UTC). */
const instant = (example = AT, description?: string) =>
  ApiProperty({ format: 'date-time', example, ...(description ? { description } : {}) });
const nullableInstant = (example: string | null = AT, description?: string) =>
  ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example,
    ...(description ? { description } : {}),
  });
/** A calendar day in a reply (`YYYY-MM-DD`, Asia/Shanghai). */
const day = (example: string, description?: string) =>
  ApiProperty({ format: 'date', example, ...(description ? { description } : {}) });
const nullableDay = (example: string | null, description?: string) =>
  ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example,
    ...(description ? { description } : {}),
  });
const nullableText = (example: string | null, description?: string) =>
  ApiProperty({ type: String, nullable: true, example, ...(description ? { description } : {}) });

// ---------------------------------------------------------------- graduates

export class JobIntentions {
  @ApiProperty({ type: [String], example: ['软件', '互联网'], maxItems: 20 })
  @Tags()
  industries!: string[];

  @ApiProperty({ type: [String], example: ['济南', '青岛'], maxItems: 20 })
  @Tags()
  cities!: string[];

  /** Monthly, in yuan. */
  @ApiPropertyOptional({
    type: Number,
    example: 6000,
    minimum: 0,
    maximum: 1_000_000,
    description: 'Monthly, in yuan',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedMonthlySalary?: number;
}

/** `employment-aid.graduates.register`: career-centre staff of the actor's university. */
export class RegisterGraduateCommand extends ActorMessage {
  @ApiProperty({ example: '李明', minLength: 1, maxLength: 100 })
  @Text(100)
  name!: string;

  @ApiProperty({ example: '计算机科学与技术', minLength: 1, maxLength: 100 })
  @Text(100)
  major!: string;

  @ApiProperty({ enum: DEGREES, example: 'bachelor' })
  @IsIn(DEGREES)
  degree!: Degree;

  @ApiProperty({ type: Number, example: 2026, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  graduationYear!: number;

  @ApiProperty({ example: '138-0000-0001', minLength: 1, maxLength: 200 })
  @Text(200)
  contact!: string;

  @ApiProperty({ type: () => JobIntentions })
  @ValidateNested()
  @Type(() => JobIntentions)
  intentions!: JobIntentions;

  @ApiProperty({ type: Boolean, example: true })
  @IsBoolean()
  willingToWork!: boolean;

  @ApiProperty({
    enum: DIFFICULTY_CATEGORIES,
    isArray: true,
    example: ['low_income'],
    description:
      'Sensitive: encrypted at rest, never in any response but the audited /sensitive read',
  })
  @IsArray()
  @ArrayMaxSize(DIFFICULTY_CATEGORIES.length)
  @IsIn(DIFFICULTY_CATEGORIES, { each: true })
  difficultyCategories!: DifficultyCategory[];

  /** The graduate's own directory account (role graduate, same university), if known now. */
  @ApiPropertyOptional({
    format: 'uuid',
    example: ACCOUNT_ID,
    description:
      "The graduate's own directory account (role graduate, your university); it then sees GET /employment-aid/me. Can be linked later too.",
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class RegisterGraduateBody extends OmitType(RegisterGraduateCommand, ['actor'] as const) {}

export class GraduateRef extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: GRADUATE_ID })
  @IsUUID()
  graduateId!: string;
}

export class ListGraduatesQuery extends PageQuery {
  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description: 'Only graduates with a follow-up alert',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  flaggedOnly?: boolean;
}

export class ListGraduatesHttpQuery extends OmitType(ListGraduatesQuery, ['actor'] as const) {}

export class FollowUpAlerts {
  /** Days since the last session in which contact was made (or since registration). */
  @ApiProperty({
    type: Number,
    minimum: 0,
    example: 3,
    description: 'Days since the last contact (or registration)',
  })
  daysSinceContact!: number;

  @ApiProperty({
    type: Boolean,
    example: false,
    description: 'No contact for FOLLOW_UP_ALERT_DAYS or more',
  })
  noContact!: boolean;

  @ApiProperty({ type: Boolean, example: false, description: 'The follow-up date has passed' })
  overdueFollowUp!: boolean;

  @nullableDay('2026-12-05')
  followUpOn!: string | null;
}

/** The job intentions as stored: the salary is null when not given. */
export class JobIntentionsView {
  @ApiProperty({ type: [String], example: ['软件', '互联网'] })
  industries!: string[];

  @ApiProperty({ type: [String], example: ['济南', '青岛'] })
  cities!: string[];

  @ApiProperty({ type: Number, nullable: true, example: 6000, description: 'Monthly, in yuan' })
  expectedMonthlySalary!: number | null;
}

/** A graduate in need as anyone allowed may see it: never the difficulty categories. */
export class GraduateView {
  @id(GRADUATE_ID)
  id!: string;

  @id(UNIVERSITY_ID)
  universityId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: '计算机科学与技术' })
  major!: string;

  @ApiProperty({ enum: DEGREES, example: 'bachelor' })
  degree!: Degree;

  @ApiProperty({ type: Number, example: 2026 })
  graduationYear!: number;

  @ApiProperty({ example: '138-0000-0001' })
  contact!: string;

  @ApiProperty({ type: () => JobIntentionsView })
  intentions!: JobIntentionsView;

  @ApiProperty({ type: Boolean, example: true })
  willingToWork!: boolean;

  @instant()
  registeredAt!: string;

  @nullableInstant(AT, 'The last session in which contact was made')
  lastContactAt!: string | null;

  @nullableId(MENTOR_ID, 'The active mentor')
  mentorId!: string | null;

  /** The directory account the graduate signs in with, when linked. */
  @nullableId(ACCOUNT_ID, "The graduate's own directory account, when linked")
  accountId!: string | null;

  @ApiProperty({ type: () => FollowUpAlerts })
  alerts!: FollowUpAlerts;
}

/** `employment-aid.graduates.account.link`: career-centre staff of the graduate's university. */
export class LinkGraduateAccountCommand extends GraduateRef {
  @ApiProperty({
    format: 'uuid',
    example: ACCOUNT_ID,
    description: 'A directory account of role graduate at your university, not linked yet',
  })
  @IsUUID()
  accountId!: string;
}

export class LinkGraduateAccountBody extends OmitType(LinkGraduateAccountCommand, [
  'actor',
  'graduateId',
] as const) {}

/** Career-centre staff only, audited on every read. */
export class GraduateSensitiveView {
  @id(GRADUATE_ID)
  graduateId!: string;

  @ApiProperty({ enum: DIFFICULTY_CATEGORIES, isArray: true, example: ['low_income'] })
  difficultyCategories!: DifficultyCategory[];

  @id('9c1e3a5c-7e9b-4d1f-a3c5-e7a9c1e3f5b7', 'The audit row of this read')
  auditId!: string;
}

// ---------------------------------------------------------------- mentors

export class CreateMentorCommand extends ActorMessage {
  /** A directory account (mentor or career-centre staff) of the same university. */
  @ApiProperty({
    format: 'uuid',
    example: ACCOUNT_ID,
    description: 'A directory account (mentor or career-centre staff) of your university',
  })
  @IsUUID()
  accountId!: string;

  @ApiProperty({ example: '张老师', minLength: 1, maxLength: 100 })
  @Text(100)
  displayName!: string;

  @ApiProperty({ enum: MENTOR_KINDS, example: 'teacher' })
  @IsIn(MENTOR_KINDS)
  kind!: MentorKind;

  @ApiProperty({ type: [String], example: ['软件'], maxItems: 20 })
  @Tags()
  industries!: string[];

  @ApiProperty({ type: [String], example: ['计算机科学与技术'], maxItems: 20 })
  @Tags()
  majors!: string[];

  @ApiProperty({ type: [String], example: ['济南'], maxItems: 20 })
  @Tags()
  cities!: string[];

  @ApiProperty({
    type: Number,
    example: 5,
    minimum: 1,
    maximum: 50,
    description: 'Most active mentees at once',
  })
  @IsInt()
  @Min(1)
  @Max(50)
  capacity!: number;

  @ApiPropertyOptional({ example: '周二、周四下午', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  availability?: string;

  /** A contact the mentor chose to share with their mentees (shown on the graduate's view). */
  @ApiPropertyOptional({
    example: '微信 zhang-laoshi',
    maxLength: 200,
    description: 'A contact the mentor chose to share; their mentees see it on their own view',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sharedContact?: string;
}

export class CreateMentorBody extends OmitType(CreateMentorCommand, ['actor'] as const) {}

export class UpdateMentorCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: MENTOR_ID })
  @IsUUID()
  mentorId!: string;

  @ApiPropertyOptional({ type: Number, example: 6, minimum: 1, maximum: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  capacity?: number;

  @ApiPropertyOptional({ example: '周一至周五', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  availability?: string;

  @ApiPropertyOptional({ type: [String], example: ['软件', '金融'], maxItems: 20 })
  @IsOptional()
  @Tags()
  industries?: string[];

  @ApiPropertyOptional({ type: [String], example: ['会计学'], maxItems: 20 })
  @IsOptional()
  @Tags()
  majors?: string[];

  @ApiPropertyOptional({ type: [String], example: ['青岛'], maxItems: 20 })
  @IsOptional()
  @Tags()
  cities?: string[];

  /** An empty string stops sharing. The mentor may change this (and availability) themself. */
  @ApiPropertyOptional({
    example: '微信 zhang-laoshi',
    maxLength: 200,
    description:
      'Shown to the mentees; an empty string stops sharing. The mentor may change this and availability themself',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sharedContact?: string;
}

export class UpdateMentorBody extends OmitType(UpdateMentorCommand, [
  'actor',
  'mentorId',
] as const) {}

export class MentorRef extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: MENTOR_ID })
  @IsUUID()
  mentorId!: string;
}

export class ListMentorsQuery extends PageQuery {}

export class ListMentorsHttpQuery extends OmitType(ListMentorsQuery, ['actor'] as const) {}

export class MentorView {
  @id(MENTOR_ID)
  id!: string;

  @id(UNIVERSITY_ID)
  universityId!: string;

  @id(STAFF_ACCOUNT_ID, "The mentor's directory account")
  accountId!: string;

  @ApiProperty({ example: '张老师' })
  displayName!: string;

  @ApiProperty({ enum: MENTOR_KINDS, example: 'teacher' })
  kind!: MentorKind;

  @ApiProperty({ type: [String], example: ['软件'] })
  industries!: string[];

  @ApiProperty({ type: [String], example: ['计算机科学与技术'] })
  majors!: string[];

  @ApiProperty({ type: [String], example: ['济南'] })
  cities!: string[];

  @ApiProperty({ type: Number, example: 5 })
  capacity!: number;

  @ApiProperty({ type: Number, example: 2 })
  activeMentees!: number;

  @nullableText('周二、周四下午')
  availability!: string | null;

  @nullableText('微信 zhang-laoshi', 'What the mentees see')
  sharedContact!: string | null;

  @instant()
  createdAt!: string;
}

// ---------------------------------------------------------------- assignments

/** `employment-aid.assignments.assign`: a reason is required when the graduate has a mentor. */
export class AssignMentorCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: GRADUATE_ID })
  @IsUUID()
  graduateId!: string;

  @ApiProperty({ format: 'uuid', example: MENTOR_ID })
  @IsUUID()
  mentorId!: string;

  @ApiPropertyOptional({
    example: '原导师调岗',
    minLength: 1,
    maxLength: 500,
    description: 'Required when the graduate already has a mentor (reassignment)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

export class AssignMentorBody extends OmitType(AssignMentorCommand, [
  'actor',
  'graduateId',
] as const) {}

export class AssignmentView {
  @id('4c6e8a0b-2d4f-4a6c-8e0a-2c4e6a8c0e2a')
  id!: string;

  @id(GRADUATE_ID)
  graduateId!: string;

  @id(MENTOR_ID)
  mentorId!: string;

  @ApiProperty({ type: Boolean, example: true })
  active!: boolean;

  @instant()
  assignedAt!: string;

  @id(STAFF_ACCOUNT_ID, 'The staff account that assigned')
  assignedBy!: string;

  @nullableInstant(null)
  endedAt!: string | null;

  @nullableText(null, 'Why the next mentor took over')
  endReason!: string | null;
}

export class MentorSuggestionView {
  @ApiProperty({ type: () => MentorView })
  mentor!: MentorView;

  @ApiProperty({ type: Number, example: 7 })
  score!: number;

  @ApiProperty({ type: [String], example: ['行业匹配：软件', '同城：济南'] })
  reasons!: string[];
}

// ---------------------------------------------------------------- plans and sessions

export class AddGoalCommand extends GraduateRef {
  @ApiProperty({ example: '完成简历修改', minLength: 1, maxLength: 300 })
  @Text(300)
  title!: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-15' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class AddGoalBody extends OmitType(AddGoalCommand, ['actor', 'graduateId'] as const) {}

export class UpdateGoalCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: GOAL_ID })
  @IsUUID()
  goalId!: string;

  @ApiProperty({ enum: GOAL_STATUSES, example: 'done' })
  @IsIn(GOAL_STATUSES)
  status!: GoalStatus;
}

export class UpdateGoalBody extends OmitType(UpdateGoalCommand, ['actor', 'goalId'] as const) {}

export class AddReferralCommand extends GraduateRef {
  @ApiProperty({ example: '浪潮集团', minLength: 1, maxLength: 200 })
  @Text(200)
  employer!: string;

  @ApiProperty({ example: '软件测试工程师', minLength: 1, maxLength: 200 })
  @Text(200)
  position!: string;

  @ApiPropertyOptional({ example: '已推荐简历', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class AddReferralBody extends OmitType(AddReferralCommand, [
  'actor',
  'graduateId',
] as const) {}

export class UpdateReferralCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: REFERRAL_ID })
  @IsUUID()
  referralId!: string;

  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'interview' })
  @IsIn(REFERRAL_RESULTS)
  result!: ReferralResult;
}

export class UpdateReferralBody extends OmitType(UpdateReferralCommand, [
  'actor',
  'referralId',
] as const) {}

export class GoalView {
  @id(GOAL_ID)
  id!: string;

  @id(GRADUATE_ID)
  graduateId!: string;

  @ApiProperty({ example: '完成简历修改' })
  title!: string;

  @nullableDay('2026-12-15')
  dueOn!: string | null;

  @ApiProperty({ enum: GOAL_STATUSES, example: 'open' })
  status!: GoalStatus;

  @ApiProperty({ type: Boolean, example: false, description: 'Open and past its due date' })
  overdue!: boolean;

  @instant()
  createdAt!: string;
}

export class ReferralView {
  @id(REFERRAL_ID)
  id!: string;

  @id(GRADUATE_ID)
  graduateId!: string;

  /** Set when the referral is to one of the centre's postings. */
  @nullableId(POSTING_ID, "Set when the referral is to one of the centre's postings")
  postingId!: string | null;

  @ApiProperty({ example: '浪潮集团' })
  employer!: string;

  @ApiProperty({ example: '软件测试见习岗' })
  position!: string;

  @nullableText('适合其专业方向')
  note!: string | null;

  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'pending' })
  result!: ReferralResult;

  @id(STAFF_ACCOUNT_ID, 'The account that referred')
  referredBy!: string;

  @instant()
  referredAt!: string;

  @instant()
  updatedAt!: string;
}

export class PlanView {
  @id(GRADUATE_ID)
  graduateId!: string;

  @ApiProperty({ type: () => [GoalView] })
  goals!: GoalView[];

  @ApiProperty({ type: () => [ReferralView] })
  referrals!: ReferralView[];
}

export class LogSessionCommand extends GraduateRef {
  /** When it happened; the service's clock when left out. */
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-28T06:30:00.000Z',
    description: 'When it happened; now when left out',
  })
  @IsOptional()
  @IsDateString()
  occurredAt?: string;

  @ApiProperty({ enum: SESSION_CHANNELS, example: 'phone' })
  @IsIn(SESSION_CHANNELS)
  channel!: SessionChannel;

  @ApiProperty({ type: Number, example: 30, minimum: 1, maximum: 1440 })
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes!: number;

  @ApiProperty({ type: Boolean, example: true, description: 'Whether the graduate was reached' })
  @IsBoolean()
  contactMade!: boolean;

  @ApiProperty({ example: '讨论了求职意向，修改简历', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  notes!: string;

  @ApiPropertyOptional({ example: '投递三份简历', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  nextStep?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-05' })
  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string;

  /** Written for the graduate, who sees it; the notes and next step stay with the staff. */
  @ApiPropertyOptional({
    example: '请本周内把修改后的简历发给我。',
    maxLength: 1000,
    description:
      'Written for the graduate, who sees it on GET /employment-aid/me; notes and nextStep stay private',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  sharedSummary?: string;
}

export class LogSessionBody extends OmitType(LogSessionCommand, ['actor', 'graduateId'] as const) {}

export class EditSessionCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: SESSION_ID })
  @IsUUID()
  sessionId!: string;

  @ApiProperty({ example: '讨论了求职意向，修改简历（补充）', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  notes!: string;

  @ApiPropertyOptional({ example: '投递五份简历', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  nextStep?: string;

  @ApiPropertyOptional({
    example: '简历已收到，下周一电话讨论面试准备。',
    maxLength: 1000,
    description: 'Replaces the summary the graduate sees; an empty string removes it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  sharedSummary?: string;
}

export class EditSessionBody extends OmitType(EditSessionCommand, [
  'actor',
  'sessionId',
] as const) {}

export class ListSessionsQuery extends PageQuery {
  @ApiProperty({ format: 'uuid', example: GRADUATE_ID })
  @IsUUID()
  graduateId!: string;
}

export class ListSessionsHttpQuery extends OmitType(ListSessionsQuery, [
  'actor',
  'graduateId',
] as const) {}

export class SessionRevisionView {
  @ApiProperty({ example: '初稿', description: 'The notes before this edit' })
  notes!: string;

  @nullableText(null)
  nextStep!: string | null;

  @nullableText(null)
  sharedSummary!: string | null;

  @instant()
  editedAt!: string;

  @id(STAFF_ACCOUNT_ID)
  editedBy!: string;
}

export class SessionView {
  @id(SESSION_ID)
  id!: string;

  @id(GRADUATE_ID)
  graduateId!: string;

  @id(STAFF_ACCOUNT_ID)
  mentorAccountId!: string;

  @instant()
  occurredAt!: string;

  @ApiProperty({ enum: SESSION_CHANNELS, example: 'phone' })
  channel!: SessionChannel;

  @ApiProperty({ type: Number, example: 30 })
  durationMinutes!: number;

  @ApiProperty({ type: Boolean, example: true })
  contactMade!: boolean;

  @ApiProperty({ example: '讨论了求职意向，修改简历', description: 'Private to staff and mentor' })
  notes!: string;

  @nullableText('投递三份简历')
  nextStep!: string | null;

  @nullableDay('2026-12-05')
  followUpOn!: string | null;

  @nullableText('请本周内把修改后的简历发给我。', 'What the graduate sees of this session')
  sharedSummary!: string | null;

  @instant('2026-11-29T06:30:00.000Z', 'The notes can be edited until then')
  editableUntil!: string;

  @ApiProperty({ type: () => [SessionRevisionView], description: 'Earlier texts, oldest first' })
  revisions!: SessionRevisionView[];
}

export class ListAlertsQuery extends ActorMessage {}

export class AlertView {
  @id(GRADUATE_ID)
  graduateId!: string;

  @ApiProperty({ example: '李明' })
  graduateName!: string;

  @nullableId(MENTOR_ID)
  mentorId!: string | null;

  @ApiProperty({ enum: ALERT_REASONS, isArray: true, example: ['no_contact'] })
  reasons!: AlertReason[];

  @ApiProperty({ type: Number, minimum: 0, example: 15 })
  daysSinceContact!: number;

  @nullableDay(null)
  followUpOn!: string | null;
}

// ---------------------------------------------------------------- outcomes

export class RecordOutcomeCommand extends GraduateRef {
  @ApiProperty({ enum: OUTCOME_KINDS, example: 'employed' })
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @ApiPropertyOptional({ example: '浪潮集团', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employer?: string;

  /** The first day of work (or of study, service, business). */
  @ApiPropertyOptional({
    format: 'date',
    example: '2027-01-04',
    description: 'The first day of work (or of study, service, business); not after today',
  })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, example: 'permanent' })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;
}

export class RecordOutcomeBody extends OmitType(RecordOutcomeCommand, [
  'actor',
  'graduateId',
] as const) {}

export class VerifyOutcomeCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: OUTCOME_ID })
  @IsUUID()
  outcomeId!: string;
}

export class OutcomeView {
  @id(OUTCOME_ID)
  id!: string;

  @id(GRADUATE_ID)
  graduateId!: string;

  @ApiProperty({ enum: OUTCOME_KINDS, example: 'employed' })
  kind!: OutcomeKind;

  @nullableText('浪潮集团')
  employer!: string | null;

  @nullableDay('2027-01-04')
  startDate!: string | null;

  @ApiProperty({ type: String, enum: CONTRACT_TYPES, nullable: true, example: 'permanent' })
  contractType!: ContractType | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 37,
    description: 'From registration to the start date; null for outcomes that are not work',
  })
  daysToEmployment!: number | null;

  @id(STAFF_ACCOUNT_ID)
  recordedBy!: string;

  @instant()
  recordedAt!: string;

  @nullableId(null)
  verifiedBy!: string | null;

  @nullableInstant(null)
  verifiedAt!: string | null;
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
  @ApiProperty({ example: '求职训练营：面试技巧', minLength: 1, maxLength: 200 })
  @Text(200)
  title!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-10T01:00:00.000Z' })
  @IsDateString()
  startsAt!: string;

  @ApiPropertyOptional({ example: '就业指导中心 201', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiProperty({ type: Number, example: 30, minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;
}

export class CreateTrainingBody extends OmitType(CreateTrainingCommand, ['actor'] as const) {}

export class TrainingRef extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: TRAINING_ID })
  @IsUUID()
  trainingId!: string;
}

export class EnrolInTrainingCommand extends TrainingRef {
  @ApiProperty({ format: 'uuid', example: GRADUATE_ID })
  @IsUUID()
  graduateId!: string;
}

export class EnrolInTrainingBody extends OmitType(EnrolInTrainingCommand, [
  'actor',
  'trainingId',
] as const) {}

export class RecordAttendanceCommand extends EnrolInTrainingCommand {
  @ApiProperty({ type: Boolean, example: true })
  @IsBoolean()
  attended!: boolean;
}

export class RecordAttendanceBody extends OmitType(RecordAttendanceCommand, [
  'actor',
  'trainingId',
] as const) {}

export class TrainingView {
  @id(TRAINING_ID)
  id!: string;

  @id(UNIVERSITY_ID)
  universityId!: string;

  @ApiProperty({ example: '求职训练营：面试技巧' })
  title!: string;

  @instant('2026-12-10T01:00:00.000Z')
  startsAt!: string;

  @nullableText('就业指导中心 201')
  location!: string | null;

  @ApiProperty({ type: Number, example: 30 })
  capacity!: number;

  @ApiProperty({ type: Number, example: 12 })
  enrolled!: number;

  @ApiProperty({ type: Number, example: 18 })
  placesLeft!: number;
}

export class TrainingEnrolmentView {
  @id(TRAINING_ID)
  trainingId!: string;

  @id(GRADUATE_ID)
  graduateId!: string;

  @instant()
  enrolledAt!: string;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: null,
    description: 'Null until attendance is recorded',
  })
  attended!: boolean | null;
}

// ---------------------------------------------------------------- reports

export class CentreReportQuery extends ActorMessage {
  /** Platform and bureau admins name the university; career-centre staff read their own. */
  @ApiPropertyOptional({
    format: 'uuid',
    example: UNIVERSITY_ID,
    description: 'Admins name the university; career-centre staff read their own',
  })
  @IsOptional()
  @IsUUID()
  universityId?: string;
}

export class CentreReportHttpQuery extends OmitType(CentreReportQuery, ['actor'] as const) {}

export class CentreReportView {
  @id(UNIVERSITY_ID, 'The university (in a bureau report’s totals: the bureau)')
  universityId!: string;

  @instant()
  generatedAt!: string;

  @ApiProperty({ type: Number, example: 14 })
  alertWindowDays!: number;

  @ApiProperty({ type: Number, example: 40 })
  graduatesInNeed!: number;

  @ApiProperty({ type: Number, example: 36 })
  assigned!: number;

  @ApiProperty({ type: Number, example: 0.9 })
  assignedShare!: number;

  @ApiProperty({ type: Number, example: 30 })
  contactedWithinWindow!: number;

  @ApiProperty({ type: Number, example: 0.75 })
  contactedShare!: number;

  @ApiProperty({ type: Number, example: 22, description: 'Verified outcomes in work' })
  employed!: number;

  @ApiProperty({ type: Number, example: 0.55 })
  employedShare!: number;

  @ApiProperty({ type: Number, nullable: true, example: 41 })
  medianDaysToEmployment!: number | null;
}

export class BureauReportQuery extends ActorMessage {
  /** A bureau admin's own bureau when left out; platform admins name one. */
  @ApiPropertyOptional({
    format: 'uuid',
    example: BUREAU_ID,
    description: "A bureau in your subtree; a bureau admin's own when left out",
  })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
}

export class BureauReportHttpQuery extends OmitType(BureauReportQuery, ['actor'] as const) {}

export class BureauReportView {
  @id(BUREAU_ID)
  bureauId!: string;

  @instant()
  generatedAt!: string;

  /** All graduates in need of the universities under the bureau, counted together. */
  @ApiProperty({ type: () => CentreReportView, description: 'Every university counted together' })
  totals!: CentreReportView;

  @ApiProperty({ type: () => [CentreReportView] })
  universities!: CentreReportView[];
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
  @ApiProperty({ enum: POSTING_KINDS, example: 'internship' })
  @IsIn(POSTING_KINDS)
  kind!: PostingKind;

  @ApiProperty({ example: '浪潮集团', minLength: 1, maxLength: 200 })
  @Text(200)
  employer!: string;

  @ApiProperty({ example: '软件测试见习岗', minLength: 1, maxLength: 200 })
  @Text(200)
  title!: string;

  @ApiProperty({ example: '济南市高新区', minLength: 1, maxLength: 200 })
  @Text(200)
  location!: string;

  /** Monthly wages in yuan. */
  @ApiProperty({
    type: Number,
    example: 3000,
    minimum: 0,
    maximum: 1_000_000,
    description: 'Monthly, in yuan',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  wageMin!: number;

  @ApiProperty({
    type: Number,
    example: 4500,
    minimum: 0,
    maximum: 1_000_000,
    description: 'Monthly, in yuan; not below wageMin',
  })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  wageMax!: number;

  @ApiProperty({ example: '计算机相关专业，2026届毕业生', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  requirements!: string;

  /** The last day it can be applied for. */
  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'The last day to apply' })
  @IsCalendarDate()
  expiresOn!: string;
}

export class CreatePostingBody extends OmitType(CreatePostingCommand, ['actor'] as const) {}

/** Another member of staff than its author publishes or rejects it. */
export class ReviewPostingCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: POSTING_ID })
  @IsUUID()
  postingId!: string;

  @ApiProperty({ enum: POSTING_DECISIONS, example: 'publish' })
  @IsIn(POSTING_DECISIONS)
  decision!: PostingDecision;

  @ApiPropertyOptional({ example: '信息核实无误', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReviewPostingBody extends OmitType(ReviewPostingCommand, [
  'actor',
  'postingId',
] as const) {}

export class PostingRef extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: POSTING_ID })
  @IsUUID()
  postingId!: string;
}

/** Staff see every posting of their university; mentors the published, unexpired ones. */
export class ListPostingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: POSTING_STATUSES, example: 'pending_review' })
  @IsOptional()
  @IsIn(POSTING_STATUSES)
  status?: PostingStatus;
}

export class ListPostingsHttpQuery extends OmitType(ListPostingsQuery, ['actor'] as const) {}

/** `employment-aid.postings.refer`: the graduate's mentor refers them; a referral in the plan. */
export class ReferToPostingCommand extends PostingRef {
  @ApiProperty({ format: 'uuid', example: GRADUATE_ID, description: 'Your mentee' })
  @IsUUID()
  graduateId!: string;

  @ApiPropertyOptional({ example: '适合其专业方向', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReferToPostingBody extends OmitType(ReferToPostingCommand, [
  'actor',
  'postingId',
] as const) {}

export class PostingView {
  @id(POSTING_ID)
  id!: string;

  @id(UNIVERSITY_ID)
  universityId!: string;

  @ApiProperty({ enum: POSTING_KINDS, example: 'internship' })
  kind!: PostingKind;

  @ApiProperty({ example: '浪潮集团' })
  employer!: string;

  @ApiProperty({ example: '软件测试见习岗' })
  title!: string;

  @ApiProperty({ example: '济南市高新区' })
  location!: string;

  @ApiProperty({ type: Number, example: 3000, description: 'Monthly, in yuan' })
  wageMin!: number;

  @ApiProperty({ type: Number, example: 4500, description: 'Monthly, in yuan' })
  wageMax!: number;

  @ApiProperty({ example: '计算机相关专业，2026届毕业生' })
  requirements!: string;

  @day('2027-03-31', 'The last day to apply')
  expiresOn!: string;

  @ApiProperty({ type: Boolean, example: false })
  expired!: boolean;

  @ApiProperty({ enum: POSTING_STATUSES, example: 'published' })
  status!: PostingStatus;

  @id(STAFF_ACCOUNT_ID)
  createdBy!: string;

  @instant()
  createdAt!: string;

  @nullableId(ACCOUNT_ID)
  reviewedBy!: string | null;

  @nullableInstant()
  reviewedAt!: string | null;

  @nullableText('信息核实无误')
  reviewNote!: string | null;
}

/** One mentor's share of the digest. */
export class MentorAlertsView {
  @id(MENTOR_ID)
  mentorId!: string;

  @ApiProperty({ example: '张老师' })
  displayName!: string;

  @ApiProperty({ type: () => [AlertView] })
  alerts!: AlertView[];
}

/** The centre's weekly digest: every alert, grouped by mentor. */
export class AlertDigestView {
  @id(UNIVERSITY_ID)
  universityId!: string;

  @instant()
  generatedAt!: string;

  @ApiProperty({ type: Number, example: 14 })
  alertWindowDays!: number;

  @ApiProperty({ type: Number, example: 1 })
  total!: number;

  @ApiProperty({ type: () => [MentorAlertsView] })
  byMentor!: MentorAlertsView[];

  @ApiProperty({ type: () => [AlertView] })
  withoutMentor!: AlertView[];
}

// ---------------------------------------------------------------- the graduate's own view

/** `employment-aid.me.get`: the signed-in graduate's own record (role graduate). */
export class MyAidQuery extends ActorMessage {}

/** `employment-aid.me.sessions`: the signed-in graduate's sessions, latest first. */
export class ListMySessionsQuery extends PageQuery {}

export class ListMySessionsHttpQuery extends OmitType(ListMySessionsQuery, ['actor'] as const) {}

/** The graduate's registration as they see it: never the difficulty categories, no alerts. */
export class MyRegistrationView {
  @id(GRADUATE_ID)
  id!: string;

  @id(UNIVERSITY_ID)
  universityId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: '计算机科学与技术' })
  major!: string;

  @ApiProperty({ enum: DEGREES, example: 'bachelor' })
  degree!: Degree;

  @ApiProperty({ type: Number, example: 2026 })
  graduationYear!: number;

  @ApiProperty({ example: '138-0000-0001' })
  contact!: string;

  @ApiProperty({ type: () => JobIntentionsView })
  intentions!: JobIntentionsView;

  @ApiProperty({ type: Boolean, example: true })
  willingToWork!: boolean;

  @instant()
  registeredAt!: string;
}

export class MyMentorView {
  @ApiProperty({ example: '就业指导中心老师' })
  displayName!: string;

  @ApiProperty({ enum: MENTOR_KINDS, example: 'teacher' })
  kind!: MentorKind;

  /** Only what the mentor chose to share; null when they share nothing. */
  @nullableText('0531-8836-0000（就业指导中心）', 'Only a contact the mentor chose to share')
  sharedContact!: string | null;

  @instant(AT, 'Your mentor since')
  since!: string;
}

/** A support session as the graduate sees it: never the mentor's notes or next step. */
export class MySessionView {
  @id(SESSION_ID)
  id!: string;

  @instant()
  occurredAt!: string;

  @ApiProperty({ enum: SESSION_CHANNELS, example: 'phone' })
  channel!: SessionChannel;

  @ApiProperty({ type: Number, example: 30 })
  durationMinutes!: number;

  @ApiProperty({ type: Boolean, example: true, description: 'Whether you were reached' })
  contactMade!: boolean;

  @nullableDay('2026-12-05')
  followUpOn!: string | null;

  /** What the mentor wrote for the graduate to read, if anything. */
  @nullableText(
    '已沟通求职意向，请本周内把修改后的简历发给我。',
    "What the mentor wrote for you; the mentor's own notes are never shown",
  )
  sharedSummary!: string | null;

  @nullableText('就业指导中心老师')
  mentorName!: string | null;
}

export class MyGoalView {
  @id(GOAL_ID)
  id!: string;

  @ApiProperty({ example: '完成简历修改' })
  title!: string;

  @nullableDay('2026-12-15')
  dueOn!: string | null;

  @ApiProperty({ enum: GOAL_STATUSES, example: 'open' })
  status!: GoalStatus;

  @ApiProperty({ type: Boolean, example: false })
  overdue!: boolean;
}

/** A referral without the staff's note on it. */
export class MyReferralView {
  @id(REFERRAL_ID)
  id!: string;

  @nullableId(POSTING_ID)
  postingId!: string | null;

  @ApiProperty({ example: '浪潮集团' })
  employer!: string;

  @ApiProperty({ example: '软件测试见习岗' })
  position!: string;

  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'interview' })
  result!: ReferralResult;

  @instant()
  referredAt!: string;

  @instant()
  updatedAt!: string;
}

/** A posting the graduate was referred to, without its review trail. */
export class MyPostingView {
  @id(POSTING_ID)
  id!: string;

  @ApiProperty({ enum: POSTING_KINDS, example: 'internship' })
  kind!: PostingKind;

  @ApiProperty({ example: '浪潮集团' })
  employer!: string;

  @ApiProperty({ example: '软件测试见习岗' })
  title!: string;

  @ApiProperty({ example: '济南市高新区' })
  location!: string;

  @ApiProperty({ type: Number, example: 3000 })
  wageMin!: number;

  @ApiProperty({ type: Number, example: 4500 })
  wageMax!: number;

  @ApiProperty({ example: '计算机相关专业，2026届毕业生' })
  requirements!: string;

  @day('2027-03-31')
  expiresOn!: string;

  /** Published and not expired: still open to apply. */
  @ApiProperty({ type: Boolean, example: true, description: 'Published and not expired' })
  open!: boolean;

  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'pending' })
  referralResult!: ReferralResult;
}

export class MyOutcomeView {
  @ApiProperty({ enum: OUTCOME_KINDS, example: 'employed' })
  kind!: OutcomeKind;

  @nullableText('浪潮集团')
  employer!: string | null;

  @nullableDay('2027-01-04')
  startDate!: string | null;

  @ApiProperty({ type: String, enum: CONTRACT_TYPES, nullable: true, example: 'permanent' })
  contractType!: ContractType | null;

  @instant()
  verifiedAt!: string;
}

/** The graduate's plan as they see it. */
export class MyPlanView {
  @ApiProperty({ type: () => [MyGoalView] })
  goals!: MyGoalView[];

  @ApiProperty({ type: () => [MyReferralView], description: "Without the staff's notes" })
  referrals!: MyReferralView[];
}

export class MyAidView {
  @ApiProperty({ type: () => MyRegistrationView, description: 'Never the difficulty categories' })
  registration!: MyRegistrationView;

  @ApiProperty({ type: () => MyMentorView, nullable: true, description: 'Your current mentor' })
  mentor!: MyMentorView | null;

  @nullableDay('2026-12-05')
  nextFollowUpOn!: string | null;

  @ApiProperty({ type: () => MyPlanView })
  plan!: MyPlanView;

  /** The latest sessions (up to 10); the rest through `employment-aid.me.sessions`. */
  @ApiProperty({ type: () => [MySessionView], description: 'The latest 10; all at /me/sessions' })
  recentSessions!: MySessionView[];

  @ApiProperty({ type: Number, example: 1 })
  sessionCount!: number;

  /** The latest outcome the career centre verified; null until then. */
  @ApiProperty({
    type: () => MyOutcomeView,
    nullable: true,
    description: 'The latest outcome verified by the career centre',
  })
  outcome!: MyOutcomeView | null;

  @ApiProperty({ type: () => [MyPostingView] })
  referredPostings!: MyPostingView[];
}
