import { randomUUID } from 'node:crypto';
import { evaluateBookingChecks, teacherGroups, type BookingCheckInput } from './booking-checks.js';

const students = (n: number): string[] => Array.from({ length: n }, () => randomUUID());

function input(overrides: Partial<BookingCheckInput> = {}): BookingCheckInput {
  const ids = overrides.studentIds ?? students(30);
  return {
    today: '2026-12-01',
    date: '2026-12-10',
    endDate: '2026-12-10',
    studentIds: ids,
    grades: new Map(ids.map((id) => [id, 8])),
    teachers: [
      { name: '王芳', phone: '13800000001' },
      { name: '李强', phone: '13800000002' },
    ],
    studentsPerTeacher: 15,
    programmeGrades: [7, 8, 9],
    groupMin: 10,
    groupMax: 60,
    designationPeriods: [{ validFrom: '2026-01-01', validUntil: '2027-12-31' }],
    insurance: {
      insurer: '人保',
      policyNumber: 'P-1',
      coveredStudentIds: ids,
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
    },
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

  it('counts a teacher listed twice once: by account, by name, by phone', () => {
    const ids = students(6);
    const twice = input({
      studentIds: ids,
      grades: new Map(ids.map((id) => [id, 8])),
      studentsPerTeacher: 3,
      teachers: [
        { name: '王芳', phone: '13800000001' },
        { name: '王 芳', phone: '13800000009' },
      ],
    });
    const [ratio] = evaluateBookingChecks(twice).filter((c) => c.code === 'TEACHER_RATIO_NOT_MET');
    expect(ratio.details).toMatchObject({ teachers: 1, listedEntries: 2, missingTeachers: 1 });
    const account = randomUUID();
    expect(
      teacherGroups([
        { name: '王芳', phone: '1', accountId: account },
        { name: 'Wang Fang', phone: '2', accountId: account },
        { name: '李强', phone: '3' },
        { name: '赵敏', phone: '3' },
      ]),
    ).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // Two accounts of one name are two people.
    expect(
      teacherGroups([
        { name: '王芳', phone: '1', accountId: randomUUID() },
        { name: '王芳', phone: '2', accountId: randomUUID() },
      ]),
    ).toHaveLength(2);
  });

  it('refuses a consent dated after the request or the visit, and insurance not covering the visit', () => {
    const base = input();
    const late = { ...base.consents[0], recordedOn: '2026-12-11' };
    const tomorrow = { ...base.consents[1], recordedOn: '2026-12-02' };
    const checks = evaluateBookingChecks({
      ...base,
      consents: [late, tomorrow, ...base.consents.slice(2)],
      insurance: { ...base.insurance!, validFrom: '2026-12-11', validUntil: '2026-12-31' },
    });
    const consent = checks.find((c) => c.code === 'PARENTAL_CONSENT_DATE_INVALID')!;
    expect(consent.passed).toBe(false);
    expect(consent.details).toMatchObject({
      studentIds: [late.studentId, tomorrow.studentId],
      latestAllowed: '2026-12-01',
    });
    expect(checks.filter((c) => !c.passed).map((c) => c.code)).toEqual([
      'INSURANCE_PERIOD_INVALID',
      'PARENTAL_CONSENT_DATE_INVALID',
    ]);
    const noPeriod = { ...base.insurance! };
    delete noPeriod.validFrom;
    expect(failed({ ...base, insurance: noPeriod })).toEqual(['INSURANCE_PERIOD_INVALID']);
  });
});
