import { ApiProperty } from '@nestjs/swagger';
import {
  CONTRACT_TYPES,
  DEGREES,
  DIFFICULTY_CATEGORIES,
  GOAL_STATUSES,
  MENTOR_KINDS,
  OUTCOME_KINDS,
  POSTING_KINDS,
  POSTING_STATUSES,
  REFERRAL_RESULTS,
  SESSION_CHANNELS,
  type AlertDigestView,
  type AlertView,
  type AssignmentView,
  type BureauReportView,
  type CentreReportView,
  type ContractType,
  type Degree,
  type DifficultyCategory,
  type FollowUpAlerts,
  type GoalStatus,
  type GoalView,
  type GraduateSensitiveView,
  type GraduateView,
  type MentorKind,
  type MentorSuggestionView,
  type MentorView,
  type MyAidView,
  type MyGoalView,
  type MyMentorView,
  type MyOutcomeView,
  type MyPostingView,
  type MyReferralView,
  type MyRegistrationView,
  type MySessionView,
  type OutcomeKind,
  type OutcomeView,
  type PlanView,
  type PostingKind,
  type PostingStatus,
  type PostingView,
  type ReferralResult,
  type ReferralView,
  type SessionChannel,
  type SessionRevisionView,
  type SessionView,
  type TrainingEnrolmentView,
  type TrainingView,
} from '@app/contracts';

// Response shapes of the employment-aid routes, for the OpenAPI document only. Each class
// implements the contract's view, so a field added there and forgotten here fails typecheck.

const ACCOUNT_ID = '7b1f3c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';
const STAFF_ACCOUNT_ID = '0c2e4a6b-8d0f-4b2d-9f4a-6c8e0a2c4e6f';
const MENTOR_ID = '2e4c6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a';
const GRADUATE_ID = '6f8a0c2e-4b6d-4e8f-a0b2-c4d6e8f0a2b4';
const UNIVERSITY_ID = '1a3c5e7f-9b1d-4f3a-8c5e-7a9c1e3f5b7d';
const BUREAU_ID = '5d7f9b1c-3e5a-4c7e-9b1d-3f5a7c9e1b3d';
const POSTING_ID = '8a0c2e4f-6b8d-4f0a-b2c4-e6f8a0b2c4d6';
const SESSION_ID = '3b5d7f9a-1c3e-4a5c-8e7a-9c1e3a5c7e9b';
const AT = '2026-11-28T06:30:00.000Z';

class PageFields {
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 1 }) total!: number;
}

// ---------------------------------------------------------------- graduates

export class JobIntentionsResponseDto {
  @ApiProperty({ example: ['软件', '互联网'] }) industries!: string[];
  @ApiProperty({ example: ['济南', '青岛'] }) cities!: string[];
  @ApiProperty({ nullable: true, type: Number, example: 6000, description: 'Monthly, in yuan' })
  expectedMonthlySalary!: number | null;
}

export class FollowUpAlertsDto implements FollowUpAlerts {
  @ApiProperty({ example: 3, description: 'Since the last contact (or registration)' })
  daysSinceContact!: number;
  @ApiProperty({ example: false, description: 'No contact for FOLLOW_UP_ALERT_DAYS or more' })
  noContact!: boolean;
  @ApiProperty({ example: false }) overdueFollowUp!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05' }) followUpOn!: string | null;
}

export class GraduateResponseDto implements GraduateView {
  @ApiProperty({ example: GRADUATE_ID }) id!: string;
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ example: '李明' }) name!: string;
  @ApiProperty({ example: '计算机科学与技术' }) major!: string;
  @ApiProperty({ enum: DEGREES, example: 'bachelor' }) degree!: Degree;
  @ApiProperty({ example: 2026 }) graduationYear!: number;
  @ApiProperty({ example: '138-0000-0001' }) contact!: string;
  @ApiProperty({ type: JobIntentionsResponseDto }) intentions!: JobIntentionsResponseDto;
  @ApiProperty({ example: true }) willingToWork!: boolean;
  @ApiProperty({ example: AT }) registeredAt!: string;
  @ApiProperty({ nullable: true, type: String, example: AT }) lastContactAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: MENTOR_ID, description: 'Active mentor' })
  mentorId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: ACCOUNT_ID,
    description: "The graduate's own directory account, when linked",
  })
  accountId!: string | null;
  @ApiProperty({ type: FollowUpAlertsDto }) alerts!: FollowUpAlertsDto;
}

export class GraduatePageDto extends PageFields {
  @ApiProperty({ type: [GraduateResponseDto] }) items!: GraduateResponseDto[];
}

export class GraduateSensitiveResponseDto implements GraduateSensitiveView {
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ enum: DIFFICULTY_CATEGORIES, isArray: true, example: ['low_income'] })
  difficultyCategories!: DifficultyCategory[];
  @ApiProperty({ example: '9c1e3a5c-7e9b-4d1f-a3c5-e7a9c1e3f5b7', description: 'The audit row' })
  auditId!: string;
}

export class AlertResponseDto implements AlertView {
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ example: '李明' }) graduateName!: string;
  @ApiProperty({ nullable: true, type: String, example: MENTOR_ID }) mentorId!: string | null;
  @ApiProperty({
    enum: ['no_contact', 'overdue_follow_up'],
    isArray: true,
    example: ['no_contact'],
  })
  reasons!: ('no_contact' | 'overdue_follow_up')[];
  @ApiProperty({ example: 15 }) daysSinceContact!: number;
  @ApiProperty({ nullable: true, type: String, example: null }) followUpOn!: string | null;
}

export class MentorAlertsDto {
  @ApiProperty({ example: MENTOR_ID }) mentorId!: string;
  @ApiProperty({ example: '张老师' }) displayName!: string;
  @ApiProperty({ type: [AlertResponseDto] }) alerts!: AlertResponseDto[];
}

export class AlertDigestResponseDto implements AlertDigestView {
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ example: AT }) generatedAt!: string;
  @ApiProperty({ example: 14 }) alertWindowDays!: number;
  @ApiProperty({ example: 1 }) total!: number;
  @ApiProperty({ type: [MentorAlertsDto] }) byMentor!: MentorAlertsDto[];
  @ApiProperty({ type: [AlertResponseDto] }) withoutMentor!: AlertResponseDto[];
}

// ---------------------------------------------------------------- mentors and assignments

export class MentorResponseDto implements MentorView {
  @ApiProperty({ example: MENTOR_ID }) id!: string;
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) accountId!: string;
  @ApiProperty({ example: '张老师' }) displayName!: string;
  @ApiProperty({ enum: MENTOR_KINDS, example: 'teacher' }) kind!: MentorKind;
  @ApiProperty({ example: ['软件'] }) industries!: string[];
  @ApiProperty({ example: ['计算机科学与技术'] }) majors!: string[];
  @ApiProperty({ example: ['济南'] }) cities!: string[];
  @ApiProperty({ example: 5 }) capacity!: number;
  @ApiProperty({ example: 2 }) activeMentees!: number;
  @ApiProperty({ nullable: true, type: String, example: '周二、周四下午' }) availability!:
    string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '微信 zhang-laoshi',
    description: 'What the mentees see',
  })
  sharedContact!: string | null;
  @ApiProperty({ example: AT }) createdAt!: string;
}

export class MentorPageDto extends PageFields {
  @ApiProperty({ type: [MentorResponseDto] }) items!: MentorResponseDto[];
}

export class AssignmentResponseDto implements AssignmentView {
  @ApiProperty({ example: '4c6e8a0b-2d4f-4a6c-8e0a-2c4e6a8c0e2a' }) id!: string;
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ example: MENTOR_ID }) mentorId!: string;
  @ApiProperty({ example: true }) active!: boolean;
  @ApiProperty({ example: AT }) assignedAt!: string;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) assignedBy!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) endedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) endReason!: string | null;
}

export class MentorSuggestionResponseDto implements MentorSuggestionView {
  @ApiProperty({ type: MentorResponseDto }) mentor!: MentorResponseDto;
  @ApiProperty({ example: 7 }) score!: number;
  @ApiProperty({ example: ['行业匹配：软件', '同城：济南'] }) reasons!: string[];
}

// ---------------------------------------------------------------- plans and sessions

export class GoalResponseDto implements GoalView {
  @ApiProperty({ example: '5e7a9c1e-3a5c-4e9b-8d1f-3a5c7e9b1d3f' }) id!: string;
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ example: '完成简历修改' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-15' }) dueOn!: string | null;
  @ApiProperty({ enum: GOAL_STATUSES, example: 'open' }) status!: GoalStatus;
  @ApiProperty({ example: false, description: 'Open and past its due date' }) overdue!: boolean;
  @ApiProperty({ example: AT }) createdAt!: string;
}

export class ReferralResponseDto implements ReferralView {
  @ApiProperty({ example: '7a9c1e3a-5c7e-4b1d-9f3a-5c7e9b1d3f5a' }) id!: string;
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ nullable: true, type: String, example: POSTING_ID }) postingId!: string | null;
  @ApiProperty({ example: '浪潮集团' }) employer!: string;
  @ApiProperty({ example: '软件测试见习岗' }) position!: string;
  @ApiProperty({ nullable: true, type: String, example: '适合其专业方向' }) note!: string | null;
  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'pending' }) result!: ReferralResult;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) referredBy!: string;
  @ApiProperty({ example: AT }) referredAt!: string;
  @ApiProperty({ example: AT }) updatedAt!: string;
}

export class PlanResponseDto implements PlanView {
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ type: [GoalResponseDto] }) goals!: GoalResponseDto[];
  @ApiProperty({ type: [ReferralResponseDto] }) referrals!: ReferralResponseDto[];
}

export class SessionRevisionResponseDto implements SessionRevisionView {
  @ApiProperty({ example: '初稿' }) notes!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) nextStep!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) sharedSummary!: string | null;
  @ApiProperty({ example: AT }) editedAt!: string;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) editedBy!: string;
}

export class SessionResponseDto implements SessionView {
  @ApiProperty({ example: SESSION_ID }) id!: string;
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) mentorAccountId!: string;
  @ApiProperty({ example: AT }) occurredAt!: string;
  @ApiProperty({ enum: SESSION_CHANNELS, example: 'phone' }) channel!: SessionChannel;
  @ApiProperty({ example: 30 }) durationMinutes!: number;
  @ApiProperty({ example: true }) contactMade!: boolean;
  @ApiProperty({ example: '讨论了求职意向，修改简历', description: 'Private to staff and mentor' })
  notes!: string;
  @ApiProperty({ nullable: true, type: String, example: '投递三份简历' }) nextStep!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05' }) followUpOn!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '请本周内把修改后的简历发给我。',
    description: 'What the graduate sees of this session',
  })
  sharedSummary!: string | null;
  @ApiProperty({ example: '2026-11-29T06:30:00.000Z' }) editableUntil!: string;
  @ApiProperty({ type: [SessionRevisionResponseDto] }) revisions!: SessionRevisionResponseDto[];
}

export class SessionPageDto extends PageFields {
  @ApiProperty({ type: [SessionResponseDto] }) items!: SessionResponseDto[];
}

// ---------------------------------------------------------------- outcomes

export class OutcomeResponseDto implements OutcomeView {
  @ApiProperty({ example: '9b1d3f5a-7c9e-4d3f-a5c7-e9b1d3f5a7c9' }) id!: string;
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ enum: OUTCOME_KINDS, example: 'employed' }) kind!: OutcomeKind;
  @ApiProperty({ nullable: true, type: String, example: '浪潮集团' }) employer!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-04' }) startDate!: string | null;
  @ApiProperty({ nullable: true, enum: CONTRACT_TYPES, example: 'permanent' })
  contractType!: ContractType | null;
  @ApiProperty({ nullable: true, type: Number, example: 37 }) daysToEmployment!: number | null;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) recordedBy!: string;
  @ApiProperty({ example: AT }) recordedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) verifiedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) verifiedAt!: string | null;
}

// ---------------------------------------------------------------- trainings and reports

export class TrainingResponseDto implements TrainingView {
  @ApiProperty({ example: 'ab1d3f5a-7c9e-4b3f-85c7-e9b1d3f5a7c9' }) id!: string;
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ example: '求职训练营：面试技巧' }) title!: string;
  @ApiProperty({ example: '2026-12-10T01:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '就业指导中心 201' }) location!:
    string | null;
  @ApiProperty({ example: 30 }) capacity!: number;
  @ApiProperty({ example: 12 }) enrolled!: number;
  @ApiProperty({ example: 18 }) placesLeft!: number;
}

export class TrainingEnrolmentResponseDto implements TrainingEnrolmentView {
  @ApiProperty({ example: 'ab1d3f5a-7c9e-4b3f-85c7-e9b1d3f5a7c9' }) trainingId!: string;
  @ApiProperty({ example: GRADUATE_ID }) graduateId!: string;
  @ApiProperty({ example: AT }) enrolledAt!: string;
  @ApiProperty({ nullable: true, type: Boolean, example: null }) attended!: boolean | null;
}

export class CentreReportResponseDto implements CentreReportView {
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ example: AT }) generatedAt!: string;
  @ApiProperty({ example: 14 }) alertWindowDays!: number;
  @ApiProperty({ example: 40 }) graduatesInNeed!: number;
  @ApiProperty({ example: 36 }) assigned!: number;
  @ApiProperty({ example: 0.9 }) assignedShare!: number;
  @ApiProperty({ example: 30 }) contactedWithinWindow!: number;
  @ApiProperty({ example: 0.75 }) contactedShare!: number;
  @ApiProperty({ example: 22, description: 'Verified outcomes in work' }) employed!: number;
  @ApiProperty({ example: 0.55 }) employedShare!: number;
  @ApiProperty({ nullable: true, type: Number, example: 41 }) medianDaysToEmployment!:
    number | null;
}

export class BureauReportResponseDto implements BureauReportView {
  @ApiProperty({ example: BUREAU_ID }) bureauId!: string;
  @ApiProperty({ example: AT }) generatedAt!: string;
  @ApiProperty({ type: CentreReportResponseDto, description: 'Every university counted together' })
  totals!: CentreReportResponseDto;
  @ApiProperty({ type: [CentreReportResponseDto] }) universities!: CentreReportResponseDto[];
}

// ---------------------------------------------------------------- postings

export class PostingResponseDto implements PostingView {
  @ApiProperty({ example: POSTING_ID }) id!: string;
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ enum: POSTING_KINDS, example: 'internship' }) kind!: PostingKind;
  @ApiProperty({ example: '浪潮集团' }) employer!: string;
  @ApiProperty({ example: '软件测试见习岗' }) title!: string;
  @ApiProperty({ example: '济南市高新区' }) location!: string;
  @ApiProperty({ example: 3000 }) wageMin!: number;
  @ApiProperty({ example: 4500 }) wageMax!: number;
  @ApiProperty({ example: '计算机相关专业，2026届毕业生' }) requirements!: string;
  @ApiProperty({ example: '2027-03-31' }) expiresOn!: string;
  @ApiProperty({ example: false }) expired!: boolean;
  @ApiProperty({ enum: POSTING_STATUSES, example: 'published' }) status!: PostingStatus;
  @ApiProperty({ example: STAFF_ACCOUNT_ID }) createdBy!: string;
  @ApiProperty({ example: AT }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: ACCOUNT_ID }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: AT }) reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '信息核实无误' }) reviewNote!:
    string | null;
}

export class PostingPageDto extends PageFields {
  @ApiProperty({ type: [PostingResponseDto] }) items!: PostingResponseDto[];
}

// ---------------------------------------------------------------- the graduate's own view

export class MyRegistrationDto implements MyRegistrationView {
  @ApiProperty({ example: GRADUATE_ID }) id!: string;
  @ApiProperty({ example: UNIVERSITY_ID }) universityId!: string;
  @ApiProperty({ example: '李明' }) name!: string;
  @ApiProperty({ example: '计算机科学与技术' }) major!: string;
  @ApiProperty({ enum: DEGREES, example: 'bachelor' }) degree!: Degree;
  @ApiProperty({ example: 2026 }) graduationYear!: number;
  @ApiProperty({ example: '138-0000-0001' }) contact!: string;
  @ApiProperty({ type: JobIntentionsResponseDto }) intentions!: JobIntentionsResponseDto;
  @ApiProperty({ example: true }) willingToWork!: boolean;
  @ApiProperty({ example: AT }) registeredAt!: string;
}

export class MyMentorDto implements MyMentorView {
  @ApiProperty({ example: '就业指导中心老师' }) displayName!: string;
  @ApiProperty({ enum: MENTOR_KINDS, example: 'teacher' }) kind!: MentorKind;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '0531-8836-0000（就业指导中心）',
    description: 'Only a contact the mentor chose to share',
  })
  sharedContact!: string | null;
  @ApiProperty({ example: AT, description: 'Your mentor since' }) since!: string;
}

export class MyGoalDto implements MyGoalView {
  @ApiProperty({ example: '5e7a9c1e-3a5c-4e9b-8d1f-3a5c7e9b1d3f' }) id!: string;
  @ApiProperty({ example: '完成简历修改' }) title!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-15' }) dueOn!: string | null;
  @ApiProperty({ enum: GOAL_STATUSES, example: 'open' }) status!: GoalStatus;
  @ApiProperty({ example: false }) overdue!: boolean;
}

export class MyReferralDto implements MyReferralView {
  @ApiProperty({ example: '7a9c1e3a-5c7e-4b1d-9f3a-5c7e9b1d3f5a' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: POSTING_ID }) postingId!: string | null;
  @ApiProperty({ example: '浪潮集团' }) employer!: string;
  @ApiProperty({ example: '软件测试见习岗' }) position!: string;
  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'interview' }) result!: ReferralResult;
  @ApiProperty({ example: AT }) referredAt!: string;
  @ApiProperty({ example: AT }) updatedAt!: string;
}

export class MyPlanDto {
  @ApiProperty({ type: [MyGoalDto] }) goals!: MyGoalDto[];
  @ApiProperty({ type: [MyReferralDto], description: "Without the staff's notes" })
  referrals!: MyReferralDto[];
}

export class MySessionDto implements MySessionView {
  @ApiProperty({ example: SESSION_ID }) id!: string;
  @ApiProperty({ example: AT }) occurredAt!: string;
  @ApiProperty({ enum: SESSION_CHANNELS, example: 'phone' }) channel!: SessionChannel;
  @ApiProperty({ example: 30 }) durationMinutes!: number;
  @ApiProperty({ example: true, description: 'Whether you were reached' }) contactMade!: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05' }) followUpOn!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '已沟通求职意向，请本周内把修改后的简历发给我。',
    description: "What the mentor wrote for you; the mentor's own notes are never shown",
  })
  sharedSummary!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '就业指导中心老师' }) mentorName!:
    string | null;
}

export class MySessionPageDto extends PageFields {
  @ApiProperty({ type: [MySessionDto] }) items!: MySessionDto[];
}

export class MyOutcomeDto implements MyOutcomeView {
  @ApiProperty({ enum: OUTCOME_KINDS, example: 'employed' }) kind!: OutcomeKind;
  @ApiProperty({ nullable: true, type: String, example: '浪潮集团' }) employer!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-04' }) startDate!: string | null;
  @ApiProperty({ nullable: true, enum: CONTRACT_TYPES, example: 'permanent' })
  contractType!: ContractType | null;
  @ApiProperty({ example: AT }) verifiedAt!: string;
}

export class MyPostingDto implements MyPostingView {
  @ApiProperty({ example: POSTING_ID }) id!: string;
  @ApiProperty({ enum: POSTING_KINDS, example: 'internship' }) kind!: PostingKind;
  @ApiProperty({ example: '浪潮集团' }) employer!: string;
  @ApiProperty({ example: '软件测试见习岗' }) title!: string;
  @ApiProperty({ example: '济南市高新区' }) location!: string;
  @ApiProperty({ example: 3000 }) wageMin!: number;
  @ApiProperty({ example: 4500 }) wageMax!: number;
  @ApiProperty({ example: '计算机相关专业，2026届毕业生' }) requirements!: string;
  @ApiProperty({ example: '2027-03-31' }) expiresOn!: string;
  @ApiProperty({ example: true, description: 'Published and not expired' }) open!: boolean;
  @ApiProperty({ enum: REFERRAL_RESULTS, example: 'pending' }) referralResult!: ReferralResult;
}

export class MyAidResponseDto implements MyAidView {
  @ApiProperty({ type: MyRegistrationDto, description: 'Never the difficulty categories' })
  registration!: MyRegistrationDto;
  @ApiProperty({ type: MyMentorDto, nullable: true, description: 'Your current mentor' })
  mentor!: MyMentorDto | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05' }) nextFollowUpOn!:
    string | null;
  @ApiProperty({ type: MyPlanDto }) plan!: MyPlanDto;
  @ApiProperty({ type: [MySessionDto], description: 'The latest 10; all at /me/sessions' })
  recentSessions!: MySessionDto[];
  @ApiProperty({ example: 1 }) sessionCount!: number;
  @ApiProperty({
    type: MyOutcomeDto,
    nullable: true,
    description: 'The latest outcome verified by the career centre',
  })
  outcome!: MyOutcomeDto | null;
  @ApiProperty({ type: [MyPostingDto] }) referredPostings!: MyPostingDto[];
}
