import { randomUUID } from 'node:crypto';
import { Topics } from '@app/contracts';
import {
  InvalidRosterEvent,
  latestPlacements,
  placementOf,
  type RosterPlacement,
} from './roster-placement.js';

const studentId = randomUUID();
const schoolId = randomUUID();
const classId = randomUUID();

function message(topic: string, payload: Record<string, unknown>, extra = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: randomUUID(),
      type: topic,
      occurredAt: '2026-11-02T08:00:00.000Z',
      producer: 'directory',
      correlationId: null,
      key: studentId,
      payload: { studentId, schoolId, classId, grade: 3, schoolYear: '2026-2027', ...payload },
      ...extra,
    }),
  );
}

const placement = (id: string, at: string, grade = 3): RosterPlacement => ({
  studentId: id,
  schoolId,
  classId,
  grade,
  schoolYear: '2026-2027',
  enrolled: true,
  occurredAt: new Date(at),
});

describe('placementOf', () => {
  it('reads the placement of each roster topic, a withdrawal as not enrolled', () => {
    expect(
      placementOf(Topics.events.studentEnrolled, message(Topics.events.studentEnrolled, {})),
    ).toEqual({
      studentId,
      schoolId,
      classId,
      grade: 3,
      schoolYear: '2026-2027',
      enrolled: true,
      occurredAt: new Date('2026-11-02T08:00:00.000Z'),
    });
    const moved = message(Topics.events.studentMoved, { fromClassId: null, fromGrade: 2 });
    expect(placementOf(Topics.events.studentMoved, moved).enrolled).toBe(true);
    const withdrawn = message(Topics.events.studentWithdrawn, {});
    expect(placementOf(Topics.events.studentWithdrawn, withdrawn).enrolled).toBe(false);
  });

  it('refuses what is not a valid roster event of its topic', () => {
    const refused = (topic: string, value: Buffer | null) =>
      expect(() => placementOf(topic, value)).toThrow(InvalidRosterEvent);
    refused(Topics.events.studentEnrolled, null);
    refused(Topics.events.studentEnrolled, Buffer.from('{not json'));
    refused(Topics.events.studentEnrolled, message(Topics.events.studentEnrolled, { grade: 13 }));
    // A move's fields on an enrolment: extra fields are refused.
    refused(
      Topics.events.studentEnrolled,
      message(Topics.events.studentEnrolled, { fromClassId: null, fromGrade: 2 }),
    );
    refused(
      Topics.events.studentEnrolled,
      message(Topics.events.studentEnrolled, {}, { occurredAt: 'yesterday' }),
    );
    refused('directory.account.created.v1', message(Topics.events.studentEnrolled, {}));
  });
});

describe('latestPlacements', () => {
  it('keeps the latest placement of each student, sorted by student id', () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    const latest = latestPlacements([
      placement(b, '2026-11-02T00:00:00Z', 4),
      placement(a, '2026-11-03T00:00:00Z', 5),
      placement(b, '2026-11-01T00:00:00Z', 3),
      placement(a, '2026-11-03T00:00:00Z', 6),
    ]);
    // b's older event came later in the batch and is dropped; a's tie goes to the later one.
    expect(latest.map((p) => [p.studentId, p.grade])).toEqual([
      [a, 6],
      [b, 4],
    ]);
  });
});
