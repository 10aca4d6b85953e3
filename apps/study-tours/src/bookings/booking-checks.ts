import type {
  BookingCheckResult,
  DocumentMeta,
  ParentalConsent,
  TourInsurance,
} from '@app/contracts';

/** Everything the checks look at, gathered by the service; no I/O here. */
export interface BookingCheckInput {
  today: string;
  date: string;
  endDate: string;
  studentIds: string[];
  /** Grade per listed student found on the roster. */
  grades: Map<string, number>;
  teacherCount: number;
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
  const missing = Math.max(0, required - input.teacherCount);
  checks.push(
    result(
      'TEACHER_RATIO_NOT_MET',
      missing > 0,
      `${students} students need at least ${required} accompanying teachers (one per ${input.studentsPerTeacher}); ${input.teacherCount} listed`,
      `Add ${missing} accompanying teacher${missing === 1 ? '' : 's'}, or list fewer students`,
      {
        students,
        teachers: input.teacherCount,
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

  return checks;
}
