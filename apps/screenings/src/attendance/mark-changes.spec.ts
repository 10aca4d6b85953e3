import {
  attendanceWindow,
  duplicatesOf,
  markChangesOf,
  type RecordedMark,
} from './mark-changes.js';

const recorded = new Map<string, RecordedMark>([
  ['a', { attendanceId: 'att-a', present: true, revision: 1 }],
  ['b', { attendanceId: 'att-b', present: false, revision: 3 }],
]);

describe('markChangesOf', () => {
  it('records a first mark as revision 1', () => {
    const { changes, unchanged } = markChangesOf(recorded, [{ studentId: 'c', present: true }]);
    expect(changes).toEqual([{ studentId: 'c', present: true, previous: null, revision: 1 }]);
    expect(unchanged).toBe(0);
  });

  it('turns a different value into the next revision of the same mark', () => {
    const { changes } = markChangesOf(recorded, [{ studentId: 'b', present: true }]);
    expect(changes).toEqual([
      { studentId: 'b', present: true, previous: recorded.get('b'), revision: 4 },
    ]);
  });

  it('changes nothing for a repeat of what is recorded', () => {
    const { changes, unchanged } = markChangesOf(recorded, [
      { studentId: 'a', present: true },
      { studentId: 'b', present: false },
    ]);
    expect(changes).toEqual([]);
    expect(unchanged).toBe(2);
  });
});

describe('attendanceWindow', () => {
  it('opens before the start and closes hours after the end', () => {
    const startsAt = new Date('2026-12-01T06:00:00Z');
    const endsAt = new Date('2026-12-01T08:00:00Z');
    expect(attendanceWindow(startsAt, endsAt, 30, 72)).toEqual({
      opensAt: new Date('2026-12-01T05:30:00Z'),
      closesAt: new Date('2026-12-04T08:00:00Z'),
    });
  });
});

describe('duplicatesOf', () => {
  it('names the ids listed twice', () => {
    expect(duplicatesOf(['a', 'b', 'a', 'c', 'b', 'a'])).toEqual(['a', 'b']);
  });
});
