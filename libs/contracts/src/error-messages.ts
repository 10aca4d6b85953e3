import type { CommonErrorCodes } from '@app/errors';
import type { CalendarErrorCodes } from './calendar/errors.js';
import type { DirectoryErrorCodes } from './errors.js';
import type { EmploymentAidErrorCodes } from './employment-aid/errors.js';
import type { QuotasErrorCodes } from './quotas/errors.js';
import type { RosterErrorCodes } from './roster/errors.js';
import type { ScreeningsErrorCodes } from './screenings/errors.js';
import type { StudyToursErrorCodes } from './study-tours/errors.js';
import type { VenuesErrorCodes } from './venues/errors.js';

/** Every error code of the suite. */
export type ErrorCode =
  | keyof typeof CommonErrorCodes
  | keyof typeof DirectoryErrorCodes
  | keyof typeof CalendarErrorCodes
  | keyof typeof RosterErrorCodes
  | keyof typeof VenuesErrorCodes
  | keyof typeof EmploymentAidErrorCodes
  | keyof typeof ScreeningsErrorCodes
  | keyof typeof StudyToursErrorCodes
  | keyof typeof QuotasErrorCodes;

/** The languages errors are told in; zh-CN is the default. */
export const ERROR_LANGUAGES = ['zh-CN', 'en'] as const;
export type ErrorLanguage = (typeof ERROR_LANGUAGES)[number];

/**
 * What each error code says to a person, in Chinese and in English: the one catalogue for the
 * gateway's error bodies (chosen by Accept-Language) and for clients that show codes. The
 * specifics (which students, how many places) are in the error's `details`. A new code that
 * is not here does not compile.
 */
export const ErrorMessages = {
  // common
  VALIDATION_FAILED: [
    '请求中有字段不符合要求，请按提示修改',
    'Some fields are not valid; see details.fields',
  ],
  MALFORMED_REQUEST: [
    '请求格式不正确（不是有效的 JSON，或嵌套过深）',
    'The request is malformed (not valid JSON, or nested too deep)',
  ],
  PAYLOAD_TOO_LARGE: ['提交的内容太大', 'The request body is too large'],
  UNAUTHENTICATED: ['请先登录（登录已失效或令牌无效）', 'A valid bearer token is required'],
  FORBIDDEN: ['您的角色无权执行此操作', 'Your role may not do this'],
  ROUTE_NOT_FOUND: ['没有这个接口地址', 'No such route'],
  NOT_FOUND: ['找不到该记录', 'Not found'],
  CONFLICT: ['操作与当前状态冲突', 'The request conflicts with the current state'],
  RATE_LIMITED: ['操作太频繁，请稍后再试', 'Too many requests; try again later'],
  SERVICE_UNAVAILABLE: [
    '服务暂时不可用，请稍后再试',
    'The service is not available; try again shortly',
  ],
  BROKER_UNAVAILABLE: [
    '系统消息通道暂时不可用，请稍后再试',
    'The message broker is not reachable; try again shortly',
  ],
  UPSTREAM_TIMEOUT: [
    '服务响应超时，请稍后查看结果或重试',
    'The service did not answer in time; check the result or retry',
  ],
  DEADLINE_EXCEEDED: ['请求已超时', 'The request expired before it was handled'],
  NO_HANDLER: ['暂时没有服务能处理此请求', 'No service handles this request right now'],
  NOT_READY: ['系统正在启动，请稍后再试', 'The system is starting; try again shortly'],
  INTERNAL: [
    '系统内部错误，请联系管理员并提供错误编号',
    'Internal error; give the error id to support',
  ],
  // directory: accounts, organisations
  INVALID_CREDENTIALS: ['邮箱或密码不正确', 'Wrong email or password'],
  EMAIL_TAKEN: ['该邮箱已被使用', 'This email is taken'],
  ROLE_NOT_ALLOWED: ['该角色不适用于此机构', 'This role does not fit the organisation'],
  INVALID_REFRESH_TOKEN: ['登录已失效，请重新登录', 'The session has ended; sign in again'],
  REFRESH_TOKEN_REUSED: [
    '登录凭据被重复使用，已注销该次登录，请重新登录',
    'A refresh token was used twice; the session was ended; sign in again',
  ],
  ACCOUNT_NOT_FOUND: ['找不到该账号', 'Account not found'],
  ORGANISATION_NOT_FOUND: ['找不到该机构', 'Organisation not found'],
  PARENT_ORGANISATION_NOT_FOUND: ['找不到上级机构', 'Parent organisation not found'],
  INVALID_ORGANISATION_HIERARCHY: [
    '机构层级不正确',
    'This organisation cannot sit under that parent',
  ],
  STUDENT_ACCOUNT_EXISTS: ['该学生已有账号', 'This student already has an account'],
  REGION_OUTSIDE_PARENT: [
    '行政区划代码不在上级机构的辖区内',
    'The region code lies outside the parent organisation’s region',
  ],
  PASSWORD_CHANGE_REQUIRED: [
    '管理员已重置您的密码，请先修改密码',
    'Your password was reset: change it first (POST /me/password)',
  ],
  PASSWORD_UNCHANGED: ['新密码不能与当前密码相同', 'The new password is the current one'],
  OWN_ACCOUNT_CHANGE: ['不能对自己的账号执行此操作', 'You cannot do this to your own account'],
  LAST_PLATFORM_ADMIN: [
    '不能停用最后一个平台管理员',
    'The last platform admin cannot be deactivated',
  ],
  REGION_LEVEL_MISMATCH: [
    '行政区划代码与教育局级别不符',
    'The region code is not of the bureau’s level',
  ],
  // calendar
  TERM_NOT_FOUND: ['找不到该学期', 'Term not found'],
  VACATION_NOT_FOUND: ['找不到该假期', 'Vacation not found'],
  HOLIDAY_NOT_FOUND: ['找不到该节假日', 'Holiday not found'],
  TERM_OVERLAP: [
    '学期日期与同一学年的其他学期重叠',
    'The term overlaps another term of the school year',
  ],
  TERM_EXISTS: ['该地区本学年已有此学期', 'The area already has this term for the school year'],
  VACATION_OVERLAP: ['假期日期与其他假期重叠', 'The vacation overlaps another vacation'],
  VACATION_EXISTS: [
    '该地区本学年已有此假期',
    'The area already has this vacation for the school year',
  ],
  HOLIDAY_IMPORT_INVALID: [
    '导入文件中有错误行，未导入任何内容',
    'Some rows of the file are wrong; nothing was imported',
  ],
  // roster
  SCHOOL_NOT_FOUND: ['找不到该学校', 'School not found'],
  CLASS_NOT_FOUND: ['找不到该班级', 'Class not found'],
  STUDENT_NOT_FOUND: ['找不到该学生', 'Student not found'],
  ROSTER_IMPORT_NOT_FOUND: ['找不到该导入任务', 'Roster import not found'],
  CLASS_NAME_TAKEN: ['本学年已有同名班级', 'A class of that name exists for the school year'],
  CLASS_NOT_EMPTY: ['班级中还有学生，不能删除', 'The class still has students'],
  STUDENT_NUMBER_TAKEN: ['学号已被使用', 'This student number is taken'],
  NATIONAL_ID_ALREADY_RECORDED: ['该身份证号已登记', 'This national ID is already recorded'],
  STUDENT_NOT_ACTIVE: ['该学生不在读', 'The student is not enrolled'],
  ROSTER_IMPORT_NOT_UPLOADING: ['该导入任务已不在上传中', 'The import is no longer taking uploads'],
  INVALID_ROSTER_CHANGE: ['无法进行此学籍变动', 'This roster change is not possible'],
  ROSTER_IMPORT_INVALID_UPLOAD: ['上传的文件无法读取', 'The uploaded file cannot be read'],
  ROSTER_IMPORT_TOO_LARGE: ['上传的名单文件太大', 'The roster file is too large'],
  // venues
  VENUE_NOT_FOUND: ['找不到该场馆', 'Venue not found'],
  CLOSURE_NOT_FOUND: ['找不到该闭馆安排', 'Closure not found'],
  SLOT_NOT_FOUND: ['找不到该时段', 'Time slot not found'],
  BOOKING_NOT_FOUND: ['找不到该预约', 'Booking not found'],
  VENUE_ORGANISATION_UNKNOWN: [
    '该机构不是已登记的场馆机构',
    'The organisation is not a known venue organisation',
  ],
  VENUE_ACTION_FORBIDDEN: ['您的角色无权执行此场馆操作', 'Your role may not do this at the venue'],
  STUDENT_PRICE_NOT_ALLOWED: [
    '此类场馆对学生免费，不能设置学生票价',
    'Venues of this category are free for students',
  ],
  STUDENT_PRICE_REQUIRED: [
    '此类场馆须注明学生票价（可为 0）',
    'Venues of this category state a student price (0 allowed)',
  ],
  OPENING_HOURS_INVALID: ['开放时间不正确', 'The opening hours are not valid'],
  SLOT_FULL: ['该时段名额已满', 'No places left in this slot'],
  SLOT_UNAVAILABLE: [
    '该时段已不可预约（已调整、已开始或不在开放期内）',
    'The slot is no longer bookable',
  ],
  ALREADY_BOOKED_THAT_DAY: [
    '您当天已预约过该场馆',
    'You already have a booking at this venue that day',
  ],
  BOOKING_CAP_REACHED: ['已达到 30 天内的预约次数上限', 'The 30-day booking limit is reached'],
  BOOKING_BARRED: ['因多次预约未到，暂时不能预约', 'Bookings are barred after repeated no-shows'],
  IDEMPOTENCY_KEY_REUSED: [
    '该请求编号已用于另一项请求',
    'This Idempotency-Key was used for another request',
  ],
  BOOKING_NOT_PENDING: [
    '只有待确认的团体预约可以确认或拒绝',
    'Only a pending group request can be confirmed or declined',
  ],
  BOOKING_NOT_CANCELLABLE: ['该预约无法取消', 'This booking cannot be cancelled'],
  CANCELLATION_CLOSED: ['已过取消截止时间', 'The cancellation deadline has passed'],
  CHECKIN_TOKEN_INVALID: ['签到码无效', 'The check-in code is not valid'],
  ALREADY_CHECKED_IN: ['已签到，不能重复签到', 'Already checked in'],
  BOOKING_NOT_CONFIRMED: ['该预约未确认，不能签到', 'The booking is not confirmed'],
  CHECKIN_WINDOW_CLOSED: ['不在入场时间内', 'Outside the entry window'],
  WAITLIST_ENTRY_NOT_FOUND: ['找不到该候补记录', 'Waiting-list entry not found'],
  SLOT_NOT_FULL: ['该时段还有名额，请直接预约', 'The slot has places: book directly'],
  ALREADY_ON_WAITLIST: ['您已在候补名单中', 'You are already on the waiting list'],
  OFFER_NOT_OPEN: ['候补名额已失效', 'The waiting-list offer is not open'],
  ACTIVITY_NOT_FOUND: ['找不到该活动', 'Activity not found'],
  ACTIVITY_FULL: ['该活动名额已满', 'No places left in this activity'],
  ACTIVITY_CANCELLED: ['该活动已取消', 'The activity was cancelled'],
  ACTIVITY_STARTED: ['该活动已开始或已结束', 'The activity has started or ended'],
  ACTIVITY_HAS_BOOKINGS: [
    '已有人预约，不能修改日期和时间',
    'The activity has bookings: its date and times cannot change',
  ],
  ACTIVITY_CAPACITY_BELOW_TAKEN: [
    '名额不能少于已预约人数',
    'Capacity below the places already taken',
  ],
  ACTIVITY_SCHEDULE_INVALID: ['活动时间安排不正确', 'The activity’s schedule is not valid'],
  STUDENTS_NOT_IN_SCHOOL: [
    '名单中有不属于本校的学生',
    'Some students are not enrolled at the booking’s school',
  ],
  VENUE_ORGANISATION_NOT_FOUND: ['找不到该场馆机构', 'Venue organisation not found'],
  VENUE_REGION_OUTSIDE_ORGANISATION: [
    '场馆所在区划不在其机构辖区内',
    'The venue’s region lies outside its organisation’s region',
  ],
  REGION_CHANGE_NOT_ALLOWED: [
    '只有目标辖区的教育局管理员可以变更场馆所在区划',
    'Only a bureau admin of the target region may move a venue',
  ],
  ACTIVITY_OUTSIDE_OPENING_HOURS: [
    '活动时间不在场馆当天的开放时间内',
    'The activity lies outside the venue’s opening hours that day',
  ],
  // employment aid
  GRADUATE_NOT_FOUND: ['找不到该毕业生', 'Graduate not found'],
  MENTOR_NOT_FOUND: ['找不到该导师', 'Mentor not found'],
  GOAL_NOT_FOUND: ['找不到该目标', 'Goal not found'],
  REFERRAL_NOT_FOUND: ['找不到该推荐记录', 'Referral not found'],
  SESSION_NOT_FOUND: ['找不到该帮扶记录', 'Support session not found'],
  OUTCOME_NOT_FOUND: ['找不到该去向记录', 'Outcome not found'],
  TRAINING_NOT_FOUND: ['找不到该培训', 'Training session not found'],
  POSTING_NOT_FOUND: ['找不到该岗位', 'Job posting not found'],
  POSTING_ALREADY_REVIEWED: ['该岗位已审核', 'The posting has been reviewed'],
  POSTING_SELF_REVIEW: ['不能审核自己发布的岗位', 'You cannot review your own posting'],
  POSTING_NOT_OPEN: ['该岗位未开放', 'The posting is not open'],
  UNIVERSITY_NOT_FOUND: ['找不到该高校', 'University not found'],
  BUREAU_NOT_FOUND: ['找不到该教育局', 'Bureau not found'],
  MENTOR_AT_CAPACITY: ['该导师的帮扶名额已满', 'The mentor has no capacity left'],
  MENTOR_ALREADY_ASSIGNED: ['该导师已在帮扶此毕业生', 'This mentor is already assigned'],
  GRADUATE_ALREADY_HAS_MENTOR: ['该毕业生已有导师', 'The graduate already has a mentor'],
  MENTOR_ACCOUNT_TAKEN: ['该账号已登记为导师', 'This account is already a mentor'],
  REASSIGNMENT_REASON_REQUIRED: ['更换导师须填写原因', 'A reassignment needs a reason'],
  SESSION_EDIT_WINDOW_CLOSED: [
    '帮扶记录只能在 24 小时内修改',
    'Sessions can be edited for 24 hours only',
  ],
  OUTCOME_ALREADY_VERIFIED: ['该去向已核实', 'The outcome is already verified'],
  TRAINING_FULL: ['该培训名额已满', 'The training session is full'],
  ALREADY_ENROLLED: ['已报名', 'Already enrolled'],
  NOT_ENROLLED: ['未报名', 'Not enrolled'],
  INVALID_CAPACITY: ['名额数不正确', 'The capacity is not valid'],
  MENTOR_ACCOUNT_NOT_ELIGIBLE: ['该账号不能担任导师', 'This account cannot be a mentor'],
  GRADUATE_ACCOUNT_TAKEN: ['该账号已关联其他毕业生', 'The account is linked to another graduate'],
  GRADUATE_ALREADY_LINKED: [
    '该毕业生已关联账号，请先解除关联',
    'The graduate is already linked to an account',
  ],
  GRADUATE_ACCOUNT_NOT_ELIGIBLE: [
    '该账号不能关联毕业生',
    'This account cannot be linked to a graduate',
  ],
  GRADUATE_NOT_LINKED: ['您的账号未关联毕业生记录', 'No graduate record is linked to your account'],
  SESSION_DATE_IN_FUTURE: ['帮扶日期不能晚于今天', 'A session cannot be dated after today'],
  OUTCOME_DATE_IN_FUTURE: ['就业日期不能晚于今天', 'An outcome cannot start after today'],
  DATE_BEFORE_REGISTRATION: [
    '日期不能早于毕业生登记日期',
    'The date is before the graduate’s registration',
  ],
  // screenings
  FILM_NOT_FOUND: ['找不到该影片', 'Film not found'],
  SCREENING_NOT_FOUND: ['找不到该场次', 'Screening not found'],
  SCREENING_BOOKING_NOT_FOUND: ['找不到该观影预约', 'Screening booking not found'],
  SCREENING_ACTION_FORBIDDEN: ['您的角色无权执行此观影操作', 'Your role may not do this'],
  FILM_ALREADY_EXISTS: ['片库中已有该影片', 'The film is already in the catalogue'],
  FILM_NOT_APPROVED: [
    '该影片未列入本学年推荐片目',
    'The film is not approved for this school year',
  ],
  FILM_NOT_SUITABLE_FOR_GRADE: [
    '该影片不适合该年级',
    'The film is not suited to the class’s grade',
  ],
  SCREENING_IN_PAST: ['放映时间必须在将来', 'A screening must start in the future'],
  SCREENING_NOT_ON_SCHOOL_DAY: [
    '该日期不是上课日（法定节假日、周末或寒暑假），如确需安排请明确允许',
    'That date is not a school day (holiday, weekend or vacation); allow it explicitly if intended',
  ],
  SCREENING_FULL: ['座位不足', 'Not enough seats left'],
  SCREENING_TIME_CONFLICT: [
    '部分学生在同一时间已有其他观影安排',
    'Some students have another screening at that time',
  ],
  STUDENTS_ALREADY_BOOKED: ['部分学生已有预约', 'Some students are already booked'],
  SCREENING_NOT_OPEN: ['该场次已取消或已开始', 'The screening was cancelled or has started'],
  STUDENT_NOT_BOOKED: [
    '名单中有未预约该场次的学生',
    'Some students are not booked into this screening',
  ],
  ATTENDANCE_NOT_OPEN: ['尚未到考勤时间', 'Attendance is not open yet'],
  ATTENDANCE_CORRECTION_CLOSED: ['已过考勤更正期限', 'The correction window has closed'],
  // study tours
  STUDY_TOUR_BASE_NOT_FOUND: ['找不到该研学基地', 'Study-tour base not found'],
  DESIGNATION_NOT_FOUND: ['找不到该基地认定', 'Designation not found'],
  PROGRAMME_NOT_FOUND: ['找不到该研学课程', 'Programme not found'],
  STUDY_TOUR_BOOKING_NOT_FOUND: ['找不到该研学预约', 'Study-tour booking not found'],
  STUDY_TOUR_SCHOOL_NOT_FOUND: ['找不到该学校', 'School not found'],
  STUDY_TOUR_BUREAU_NOT_FOUND: ['找不到该教育局', 'Bureau not found'],
  STUDY_TOUR_ACTION_FORBIDDEN: ['您的角色无权执行此研学操作', 'Your role may not do this'],
  DESIGNATION_LEVEL_NOT_ALLOWED: ['只能认定本级基地', 'You designate bases at your own level only'],
  DESIGNATION_CHECKLIST_INCOMPLETE: ['认定检查表有未通过项', 'Every checklist item must pass'],
  DESIGNATION_PERIOD_INVALID: ['认定有效期不正确', 'The designation period is not valid'],
  DESIGNATION_EXISTS: [
    '该基地在此级别已有有效认定',
    'The base already holds a designation at that level',
  ],
  DESIGNATION_STATUS_CONFLICT: [
    '认定状态不允许此操作',
    'The designation’s status does not allow this',
  ],
  BASE_NOT_DESIGNATED: ['该基地当前没有有效认定', 'The base has no active designation'],
  PROGRAMME_INVALID: ['研学课程设置不正确', 'The programme is not valid'],
  TEACHER_RATIO_BELOW_DEFAULT: [
    '带队教师比例不能低于教育局要求',
    'The teacher ratio cannot be below the bureau’s default',
  ],
  PROGRAMME_OPTION_UNKNOWN: [
    '课程不提供所选的餐饮或交通',
    'The programme does not offer that option',
  ],
  STUDENTS_NOT_ON_ROSTER: [
    '名单中有不在本校学籍中的学生',
    'Some students are not on the school’s roster',
  ],
  STUDENT_NOT_LISTED: ['名单中有未参加该预约的学生', 'Some students are not listed in the booking'],
  PRINCIPAL_REQUIRED: ['需要校长审批时须先指定校长账号', 'Approval needs a principal account'],
  TEACHER_RATIO_NOT_MET: ['带队教师人数不足', 'Not enough teachers for the group'],
  GRADE_NOT_SUITED: ['年级不符合课程要求', 'The grades do not suit the programme'],
  GROUP_SIZE_OUT_OF_RANGE: [
    '团体人数不在课程允许范围内',
    'The group size is out of the programme’s range',
  ],
  DATE_OUTSIDE_DESIGNATION: ['日期不在基地认定有效期内', 'The date lies outside the designation'],
  DATE_IN_PAST: ['日期已过', 'The date has passed'],
  INSURANCE_INCOMPLETE: ['有学生未投保', 'Some students have no insurance'],
  SAFETY_PLAN_MISSING: ['缺少安全预案', 'The safety plan is missing'],
  PARENTAL_CONSENT_MISSING: ['有学生缺少家长知情同意书', 'Some parental consents are missing'],
  DAY_FULL: ['当天名额已满', 'No places left that day'],
  BOOKING_STATE_CONFLICT: ['预约当前状态不允许此操作', 'The booking’s status does not allow this'],
  PARTICIPATION_NOT_OPEN: ['尚不能登记参与情况', 'Participation cannot be recorded yet'],
  RATING_NOT_OPEN: ['尚不能评价', 'Rating is not open'],
  ALREADY_RATED: ['已评价', 'Already rated'],
  TEACHERS_LISTED_TWICE: ['同一位教师被重复列出', 'The same teacher is listed twice'],
  TEACHER_NOT_SCHOOL_STAFF: [
    '带队教师须为本校教职工账号',
    'Teachers must be staff accounts of the school',
  ],
  PARENTAL_CONSENT_DATE_INVALID: [
    '知情同意书的日期须在申请当日或之前、且在研学之前',
    'Consents must be dated by the request and before the visit',
  ],
  INSURANCE_PERIOD_INVALID: [
    '保险期间须覆盖研学的每一天',
    'The insurance period must cover every day of the visit',
  ],
  PRINCIPAL_NOT_SCHOOL_STAFF: [
    '校长须为本校教职工账号',
    'The principal must be a staff account of the school',
  ],
  SELF_APPROVAL_FORBIDDEN: ['不能审批自己提交的预约', 'You cannot approve a booking you drafted'],
  // study-tours: decision deadline, programme edits (issue 18 item 6)
  DECISION_DEADLINE_PASSED: [
    '已超过基地答复期限，该预约已过期，名额已释放',
    'The decision deadline has passed: the booking expired and its places were released',
  ],
  CAPACITY_BELOW_TAKEN: [
    '新的每日容量低于某些日期已被预约的名额',
    'The new daily capacity is below the places already taken on some days',
  ],
  PROGRAMME_CHANGE_CONFLICTS_BOOKINGS: [
    '新的人数范围或年级与已有预约不符',
    'The new group size or grades do not fit existing bookings',
  ],
  DAY_CLOSED: ['基地已关闭该日期的预约', 'The base has closed this day to new bookings'],
  // quotas
  QUOTA_RULE_NOT_FOUND: ['找不到该指标规则', 'Quota rule not found'],
  QUOTA_SCOPE_NOT_FOUND: ['找不到该范围', 'Scope not found'],
  QUOTA_STUDENT_NOT_FOUND: ['找不到该学生', 'Student not found'],
  QUOTA_ACTION_FORBIDDEN: ['您的角色无权执行此操作', 'Your role may not do this'],
  QUOTA_RULE_INVALID: [
    '指标规则不正确（须有下限或上限，且上限不低于下限）',
    'The rule needs a minimum or a maximum, the maximum not below the minimum',
  ],
  QUOTA_PERIOD_INVALID: ['统计周期与规则不符', 'The period does not fit the rule'],
  QUOTA_DIGEST_MISMATCH: [
    '核对数据与所查学校或时段不符',
    'The digest is for another school or window',
  ],
} as const satisfies Record<ErrorCode, readonly [string, string]>;

/**
 * The language an `Accept-Language` header asks for, among those errors are told in:
 * the first acceptable one by quality, zh-CN when none fits (or no header).
 */
export function errorLanguageOf(acceptLanguage: string | undefined): ErrorLanguage {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh-CN';
}

/** The catalogue's message for `code` in `language`, or undefined for a code it lacks. */
export function errorMessageOf(code: string, language: ErrorLanguage): string | undefined {
  const entry = (ErrorMessages as Record<string, readonly [string, string]>)[code];
  return entry ? entry[language === 'zh-CN' ? 0 : 1] : undefined;
}
