import type {
  BookingCheckResult,
  DocumentMeta,
  ParentalConsent,
  TourInsurance,
  TourTeacher,
} from '@app/contracts';
import { addDays } from '@app/time';

/** Everything the checks look at, gathered by the service; no I/O here. */
export interface BookingCheckInput {
  today: string;
  date: string;
  endDate: string;
  studentIds: string[];
  /** Grade per listed student found on the roster. */
  grades: Map<string, number>;
  teachers: TourTeacher[];
  studentsPerTeacher: number;
  programmeGrades: number[];
  groupMin: number;
  groupMax: number;
  /** Periods of the base's active designations. */
  designationPeriods: { validFrom: string; validUntil: string }[];
  insurance: TourInsurance | null;
  safetyPlan: DocumentMeta | null;
  consents: ParentalConsent[];
}

const result = (
  code: string,
  failed: boolean,
  message: string,
  fix: string,
  details: Record<string, unknown> = {},
): BookingCheckResult => ({
  code,
  passed: !failed,
  message,
  fix: failed ? fix : null,
  details,
});

const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const phoneKey = (phone: string): string => phone.replace(/\D/g, '');

/**
 * Whether two listed teachers are one person: the same phone, or the same account (both
 * named by account), or else the same name (spaces and width ignored). Two accounts of
 * one name are two people; an account and a bare name alike are one.
 */
function samePerson(a: TourTeacher, b: TourTeacher): boolean {
  if (phoneKey(a.phone) === phoneKey(b.phone)) return true;
  if (a.accountId && b.accountId) return a.accountId === b.accountId;
  return nameKey(a.name) === nameKey(b.name);
}

/**
 * The listed teachers grouped by person (positions in the list): a group of more than one
 * is a teacher listed twice. The ratio counts groups, never list entries.
 */
export function teacherGroups(teachers: TourTeacher[]): number[][] {
  const parent = teachers.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < teachers.length; i++)
    for (let j = i + 1; j < teachers.length; j++)
      if (samePerson(teachers[i], teachers[j])) parent[root(j)] = root(i);
  const groups = new Map<number, number[]>();
  teachers.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  return [...groups.values()];
}

/** Teachers needed for `students` at one teacher per `studentsPerTeacher`. */
export const teachersNeeded = (students: number, studentsPerTeacher: number): number =>
  Math.ceil(students / studentsPerTeacher);

/**
 * The checks a booking must pass before it is submitted, in a fixed order, each with its own
 * code and, when it fails, what would fix it. All are evaluated, so a school sees every
 * problem at once.
 */
export function evaluateBookingChecks(input: BookingCheckInput): BookingCheckResult[] {
  const students = input.studentIds.length;
  const checks: BookingCheckResult[] = [];

  checks.push(
    result(
      'DATE_IN_PAST',
      input.date <= input.today,
      `The visit is on ${input.date}; bookings are made for a day after today (${input.today})`,
      'Choose a later date',
      { date: input.date, today: input.today },
    ),
  );

  const required = teachersNeeded(students, input.studentsPerTeacher);
  // People, not list entries: a teacher listed twice covers her students once.
  const teacherCount = teacherGroups(input.teachers).length;
  const missing = Math.max(0, required - teacherCount);
  checks.push(
    result(
      'TEACHER_RATIO_NOT_MET',
      missing > 0,
      `${students} students need at least ${required} accompanying teachers (one per ${input.studentsPerTeacher}); ${teacherCount} different teachers listed`,
      `Add ${missing} accompanying teacher${missing === 1 ? '' : 's'}, or list fewer students`,
      {
        students,
        teachers: teacherCount,
        listedEntries: input.teachers.length,
        studentsPerTeacher: input.studentsPerTeacher,
        requiredTeachers: required,
        missingTeachers: missing,
      },
    ),
  );

  const unsuited = input.studentIds.filter((id) => {
    const grade = input.grades.get(id);
    return grade === undefined || !input.programmeGrades.includes(grade);
  });
  const unsuitedGrades = [...new Set(unsuited.map((id) => input.grades.get(id)))].filter(
    (g): g is number => g !== undefined,
  );
  checks.push(
    result(
      'GRADE_NOT_SUITED',
      unsuited.length > 0,
      `The programme suits grades ${input.programmeGrades.join(', ')}; ${unsuited.length} listed students are in other grades`,
      'List only students of the grades the programme suits, or choose another programme',
      {
        programmeGrades: input.programmeGrades,
        unsuitedGrades: unsuitedGrades.sort((a, b) => a - b),
        unsuitedStudentIds: unsuited,
      },
    ),
  );

  checks.push(
    result(
      'GROUP_SIZE_OUT_OF_RANGE',
      students < input.groupMin || students > input.groupMax,
      `The programme takes groups of ${input.groupMin} to ${input.groupMax} students; ${students} listed`,
      students < input.groupMin
        ? `List at least ${input.groupMin - students} more students`
        : `List at most ${input.groupMax} students (split the group into several bookings)`,
      { students, groupMin: input.groupMin, groupMax: input.groupMax },
    ),
  );

  const covered = input.designationPeriods.some(
    (p) => p.validFrom <= input.date && input.endDate <= p.validUntil,
  );
  checks.push(
    result(
      'DATE_OUTSIDE_DESIGNATION',
      !covered,
      `The visit (${input.date} to ${input.endDate}) lies outside the base's designation`,
      'Choose dates within the designation period',
      { date: input.date, endDate: input.endDate, designationPeriods: input.designationPeriods },
    ),
  );

  const coveredIds = new Set(input.insurance?.coveredStudentIds ?? []);
  const uninsured = input.studentIds.filter((id) => !coveredIds.has(id));
  checks.push(
    result(
      'INSURANCE_INCOMPLETE',
      input.insurance === null || uninsured.length > 0,
      input.insurance === null
        ? 'No insurance is recorded'
        : `${uninsured.length} listed students are not covered by policy ${input.insurance.policyNumber}`,
      'Record the insurer and policy number, covering every listed student',
      { uninsuredStudentIds: uninsured, insured: input.insurance !== null },
    ),
  );

  const period =
    input.insurance?.validFrom && input.insurance.validUntil
      ? { validFrom: input.insurance.validFrom, validUntil: input.insurance.validUntil }
      : null;
  const periodCovers =
    period !== null && period.validFrom <= input.date && input.endDate <= period.validUntil;
  checks.push(
    result(
      'INSURANCE_PERIOD_INVALID',
      input.insurance !== null && !periodCovers,
      period === null
        ? 'The insurance states no period of cover'
        : `The policy covers ${period.validFrom} to ${period.validUntil}; the visit is ${input.date} to ${input.endDate}`,
      `Record a policy whose cover (validFrom, validUntil) includes ${input.date} to ${input.endDate}`,
      { date: input.date, endDate: input.endDate, insurancePeriod: period },
    ),
  );

  checks.push(
    result(
      'SAFETY_PLAN_MISSING',
      input.safetyPlan === null,
      'No safety plan is attached',
      'Attach the safety plan (its document metadata)',
    ),
  );

  const consented = new Set(input.consents.map((c) => c.studentId));
  const withoutConsent = input.studentIds.filter((id) => !consented.has(id));
  checks.push(
    result(
      'PARENTAL_CONSENT_MISSING',
      withoutConsent.length > 0,
      `${withoutConsent.length} listed students have no parental consent recorded`,
      "Record a guardian's consent for each listed student",
      { studentIdsWithoutConsent: withoutConsent },
    ),
  );

  // Recorded before the visit and not after the request: a date in the future is not a consent.
  const latest = input.today < input.date ? input.today : addDays(input.date, -1);
  const listed = new Set(input.studentIds);
  const misdated = input.consents.filter((c) => listed.has(c.studentId) && c.recordedOn > latest);
  checks.push(
    result(
      'PARENTAL_CONSENT_DATE_INVALID',
      misdated.length > 0,
      `${misdated.length} parental consents are dated after ${latest} (the request is made on ${input.today}, the visit is on ${input.date})`,
      `Record each consent with the date the guardian gave it, on or before ${latest}`,
      {
        studentIds: [...new Set(misdated.map((c) => c.studentId))],
        latestAllowed: latest,
        recordedOn: misdated.map((c) => ({ studentId: c.studentId, recordedOn: c.recordedOn })),
      },
    ),
  );

  return checks;
}
