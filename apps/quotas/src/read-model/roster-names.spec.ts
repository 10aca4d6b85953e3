import { randomUUID } from 'node:crypto';
import { Topics } from '@app/contracts';
import { latestNames, studentNamesOf } from './roster-names.js';

const studentId = randomUUID();

function message(payload: Record<string, unknown>, occurredAt = '2026-11-02T08:00:00.000Z') {
  return Buffer.from(
    JSON.stringify({
      id: randomUUID(),
      type: Topics.events.studentEnrolled,
      occurredAt,
      producer: 'directory',
      correlationId: null,
      key: studentId,
      payload: {
        studentId,
        schoolId: randomUUID(),
        classId: randomUUID(),
        grade: 3,
        schoolYear: '2026-2027',
        ...payload,
      },
    }),
  );
}

describe('studentNamesOf', () => {
  it("reads a roster event's name, student number and class name", () => {
    expect(
      studentNamesOf(
        Topics.events.studentEnrolled,
        message({ name: '张小明', studentNumber: 'G2026001', className: '三年级1班' }),
      ),
    ).toEqual({
      studentId,
      name: '张小明',
      studentNumber: 'G2026001',
      className: '三年级1班',
      occurredAt: new Date('2026-11-02T08:00:00.000Z'),
    });
  });

  it('gives nothing for an event without names (published before them) or an invalid one', () => {
    expect(studentNamesOf(Topics.events.studentEnrolled, message({}))).toBeNull();
    expect(studentNamesOf(Topics.events.studentEnrolled, message({ grade: 13 }))).toBeNull();
    expect(studentNamesOf(Topics.events.studentEnrolled, Buffer.from('{not json'))).toBeNull();
    // A national ID is not a field of the contract: the event is refused, nothing is kept.
    expect(
      studentNamesOf(
        Topics.events.studentEnrolled,
        message({ name: '张小明', nationalId: '110101200001011234' }),
      ),
    ).toBeNull();
  });
});

describe('latestNames', () => {
  it("keeps each student's latest names", () => {
    const at = (iso: string, name: string) => ({
      studentId,
      name,
      studentNumber: 'G1',
      className: null,
      occurredAt: new Date(iso),
    });
    expect(
      latestNames([at('2026-11-02T00:00:00Z', 'new'), at('2026-11-01T00:00:00Z', 'old')]).map(
        (n) => n.name,
      ),
    ).toEqual(['new']);
  });
});
