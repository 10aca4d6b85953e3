import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import {
  CONTRACT_TYPES,
  DEGREES,
  DIFFICULTY_CATEGORIES,
  GOAL_STATUSES,
  IsCalendarDate,
  MENTOR_KINDS,
  OUTCOME_KINDS,
  POSTING_DECISIONS,
  POSTING_KINDS,
  POSTING_STATUSES,
  REFERRAL_RESULTS,
  SESSION_CHANNELS,
  type ContractType,
  type Degree,
  type DifficultyCategory,
  type GoalStatus,
  type MentorKind,
  type OutcomeKind,
  type PostingDecision,
  type PostingKind,
  type PostingStatus,
  type ReferralResult,
  type SessionChannel,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';
import { REPORT_FORMATS, type ReportFormat } from '../http/report-format.js';

const ACCOUNT_ID = '7b1f3c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';
const MENTOR_ID = '2e4c6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a';
const GRADUATE_ID = '6f8a0c2e-4b6d-4e8f-a0b2-c4d6e8f0a2b4';
const UNIVERSITY_ID = '1a3c5e7f-9b1d-4f3a-8c5e-7a9c1e3f5b7d';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

// ---------------------------------------------------------------- graduates

export class JobIntentionsDto {
  @ApiProperty({ example: ['软件', '互联网'], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  industries!: string[];

  @ApiProperty({ example: ['济南', '青岛'], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  cities!: string[];

  @ApiPropertyOptional({ example: 6000, description: 'Monthly, in yuan' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedMonthlySalary?: number;
}

export class RegisterGraduateDto {
  @ApiProperty({ example: '李明', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '计算机科学与技术', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  major!: string;

  @ApiProperty({ enum: DEGREES, example: 'bachelor' })
  @IsIn(DEGREES)
  degree!: Degree;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  graduationYear!: number;

  @ApiProperty({ example: '138-0000-0001', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  contact!: string;

  @ApiProperty({ type: JobIntentionsDto })
  @ValidateNested()
  @Type(() => JobIntentionsDto)
  intentions!: JobIntentionsDto;

  @ApiProperty({ example: true })
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

  @ApiPropertyOptional({
    example: ACCOUNT_ID,
    description:
      "The graduate's own directory account (role graduate, your university); it then sees GET /employment-aid/me. Can be linked later too.",
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class LinkGraduateAccountDto {
  @ApiProperty({
    example: ACCOUNT_ID,
    description: 'A directory account of role graduate at your university, not linked yet',
  })
  @IsUUID()
  accountId!: string;
}

export class ListGraduatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: true, description: 'Only graduates with a follow-up alert' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  flaggedOnly?: boolean;
}

// ---------------------------------------------------------------- mentors

export class CreateMentorDto {
  @ApiProperty({
    example: ACCOUNT_ID,
    description: 'A directory account (mentor or career-centre staff) of your university',
  })
  @IsUUID()
  accountId!: string;

  @ApiProperty({ example: '张老师', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: MENTOR_KINDS, example: 'teacher' })
  @IsIn(MENTOR_KINDS)
  kind!: MentorKind;

  @ApiProperty({ example: ['软件'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  industries!: string[];

  @ApiProperty({ example: ['计算机科学与技术'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  majors!: string[];

  @ApiProperty({ example: ['济南'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  cities!: string[];

  @ApiProperty({ example: 5, minimum: 1, maximum: 50, description: 'Most active mentees at once' })
  @IsInt()
  @Min(1)
  @Max(50)
  capacity!: number;

  @ApiPropertyOptional({ example: '周二、周四下午', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  availability?: string;

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

export class UpdateMentorDto {
  @ApiPropertyOptional({ example: 6, minimum: 1, maximum: 50 })
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

  @ApiPropertyOptional({ example: ['软件', '金融'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  industries?: string[];

  @ApiPropertyOptional({ example: ['会计学'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  majors?: string[];

  @ApiPropertyOptional({ example: ['青岛'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  cities?: string[];

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

// ---------------------------------------------------------------- assignments

export class AssignMentorDto {
  @ApiProperty({ example: MENTOR_ID })
  @IsUUID()
  mentorId!: string;

  @ApiPropertyOptional({
    example: '原导师调岗',
    maxLength: 500,
    description: 'Required when the graduate already has a mentor (reassignment)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}

// ---------------------------------------------------------------- plans and sessions

export class AddGoalDto {
  @ApiProperty({ example: '完成简历修改', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ example: '2026-12-15' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

export class UpdateGoalDto {
  @ApiProperty({ enum: GOAL_STATUSES, example: 'done' })
  @IsIn(GOAL_STATUSES)
  status!: GoalStatus;
}

export class AddReferralDto {
  @ApiProperty({ example: '浪潮集团', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  employer!: string;

  @ApiProperty({ example: '软件测试工程师', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  position!: string;

  @ApiPropertyOptional({ example: '已推荐简历', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class UpdateReferralDto {
  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'interview' })
  @IsIn(REFERRAL_RESULTS)
  result!: ReferralResult;
}

export class LogSessionDto {
  @ApiPropertyOptional({
    example: '2026-11-28T06:30:00.000Z',
    description: 'When it happened; now when left out',
  })
  @IsOptional()
  @IsDateString()
  occurredAt?: string;

  @ApiProperty({ enum: SESSION_CHANNELS, example: 'phone' })
  @IsIn(SESSION_CHANNELS)
  channel!: SessionChannel;

  @ApiProperty({ example: 30, minimum: 1, maximum: 1440 })
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  durationMinutes!: number;

  @ApiProperty({ example: true, description: 'Whether the graduate was reached' })
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

  @ApiPropertyOptional({ example: '2026-12-05' })
  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string;

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

export class EditSessionDto {
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

// ---------------------------------------------------------------- outcomes

export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOME_KINDS, example: 'employed' })
  @IsIn(OUTCOME_KINDS)
  kind!: OutcomeKind;

  @ApiPropertyOptional({ example: '浪潮集团', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employer?: string;

  @ApiPropertyOptional({ example: '2027-01-04' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, example: 'permanent' })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contractType?: ContractType;
}

// ---------------------------------------------------------------- trainings

export class CreateTrainingDto {
  @ApiProperty({ example: '求职训练营：面试技巧', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '2026-12-10T01:00:00.000Z' })
  @IsDateString()
  startsAt!: string;

  @ApiPropertyOptional({ example: '就业指导中心 201', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiProperty({ example: 30, minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;
}

export class EnrolInTrainingDto {
  @ApiProperty({ example: GRADUATE_ID })
  @IsUUID()
  graduateId!: string;
}

export class RecordAttendanceDto extends EnrolInTrainingDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  attended!: boolean;
}

// ---------------------------------------------------------------- reports

export class CentreReportQueryDto {
  @ApiPropertyOptional({
    example: UNIVERSITY_ID,
    description: 'Admins name the university; career-centre staff read their own',
  })
  @IsOptional()
  @IsUUID()
  universityId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, example: 'xlsx', default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class BureauReportQueryDto {
  @ApiPropertyOptional({
    example: UNIVERSITY_ID,
    description: "A bureau in your subtree; a bureau admin's own when left out",
  })
  @IsOptional()
  @IsUUID()
  bureauId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, example: 'xlsx', default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

// ---------------------------------------------------------------- postings

export class CreatePostingDto {
  @ApiProperty({ enum: POSTING_KINDS, example: 'internship' })
  @IsIn(POSTING_KINDS)
  kind!: PostingKind;

  @ApiProperty({ example: '浪潮集团', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  employer!: string;

  @ApiProperty({ example: '软件测试见习岗', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '济南市高新区', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  location!: string;

  @ApiProperty({ example: 3000, description: 'Monthly, in yuan' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  wageMin!: number;

  @ApiProperty({ example: 4500, description: 'Monthly, in yuan; not below wageMin' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  wageMax!: number;

  @ApiProperty({ example: '计算机相关专业，2026届毕业生', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  requirements!: string;

  @ApiProperty({ example: '2027-03-31', description: 'The last day to apply' })
  @IsCalendarDate()
  expiresOn!: string;
}

export class ReviewPostingDto {
  @ApiProperty({ enum: POSTING_DECISIONS, example: 'publish' })
  @IsIn(POSTING_DECISIONS)
  decision!: PostingDecision;

  @ApiPropertyOptional({ example: '信息核实无误', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListPostingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POSTING_STATUSES, example: 'pending_review' })
  @IsOptional()
  @IsIn(POSTING_STATUSES)
  status?: PostingStatus;
}

export class ReferToPostingDto {
  @ApiProperty({ example: GRADUATE_ID, description: 'Your mentee' })
  @IsUUID()
  graduateId!: string;

  @ApiPropertyOptional({ example: '适合其专业方向', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
