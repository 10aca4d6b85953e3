import { randomUUID } from 'node:crypto';
import { evaluateBookingChecks, type BookingCheckInput } from './booking-checks.js';

const students = (n: number): string[] => Array.from({ length: n }, () => randomUUID());

function input(overrides: Partial<BookingCheckInput> = {}): BookingCheckInput {
  const ids = overrides.studentIds ?? students(30);
  return {
    today: '2026-12-01',
    date: '2026-12-10',
    endDate: '2026-12-10',
    studentIds: ids,
    grades: new Map(ids.map((id) => [id, 8])),
    teacherCount: 2,
    studentsPerTeacher: 15,
    programmeGrades: [7, 8, 9],
    groupMin: 10,
    groupMax: 60,
    designationPeriods: [{ validFrom: '2026-01-01', validUntil: '2027-12-31' }],
    insurance: { insurer: '人保', policyNumber: 'P-1', coveredStudentIds: ids },
    safetyPlan: { name: 'plan.pdf', contentType: 'application/pdf', sizeBytes: 100 },
    consents: ids.map((studentId) => ({
      studentId,
      guardianName: '家长',
      recordedOn: '2026-11-30',
    })),
    ...overrides,
  };
}

const failed = (i: BookingCheckInput) =>
  evaluateBookingChecks(i)
    .filter((c) => !c.passed)
    .map((c) => c.code);

describe('booking checks', () => {
  it('passes a complete booking', () => {
    expect(failed(input())).toEqual([]);
  });

  it('counts the missing teachers: 46 students at one per 15 need 4, so 2 teachers miss 2', () => {
    const ids = students(46);
    const [ratio] = evaluateBookingChecks(
      input({ studentIds: ids, grades: new Map(ids.map((id) => [id, 8])) }),
    ).filter((c) => c.code === 'TEACHER_RATIO_NOT_MET');
    expect(ratio.passed).toBe(false);
    expect(ratio.details).toMatchObject({ requiredTeachers: 4, missingTeachers: 2, teachers: 2 });
    expect(ratio.fix).toBe('Add 2 accompanying teachers, or list fewer students');
  });

  it('refuses grades the programme does not suit, naming them', () => {
    const ids = students(20);
    const checks = evaluateBookingChecks(
      input({ studentIds: ids, grades: new Map(ids.map((id) => [id, 4])) }),
    );
    const grade = checks.find((c) => c.code === 'GRADE_NOT_SUITED');
    expect(grade?.passed).toBe(false);
    expect(grade?.details).toMatchObject({ unsuitedGrades: [4] });
  });

  it('refuses insurance that misses a student, a missing safety plan and missing consent', () => {
    const base = input();
    const codes = failed({
      ...base,
      insurance: { ...base.insurance!, coveredStudentIds: base.studentIds.slice(1) },
      safetyPlan: null,
      consents: base.consents.slice(2),
    });
    expect(codes).toEqual([
      'INSURANCE_INCOMPLETE',
      'SAFETY_PLAN_MISSING',
      'PARENTAL_CONSENT_MISSING',
    ]);
  });

  it('refuses group sizes outside the bounds, dates outside the designation and past dates', () => {
    expect(failed(input({ groupMin: 40 }))).toEqual(['GROUP_SIZE_OUT_OF_RANGE']);
    expect(failed(input({ date: '2028-01-05', endDate: '2028-01-05' }))).toEqual([
      'DATE_OUTSIDE_DESIGNATION',
    ]);
    expect(failed(input({ date: '2026-12-01' }))).toEqual(['DATE_IN_PAST']);
  });
});
