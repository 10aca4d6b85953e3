/** What a student's mark was before a request: absent when none was recorded. */
export interface RecordedMark {
  attendanceId: string;
  present: boolean;
  revision: number;
}

export interface MarkChange {
  studentId: string;
  present: boolean;
  /** The mark this one replaces (a correction), or null for a first mark. */
  previous: RecordedMark | null;
  /** 1 for a first mark, previous + 1 for a correction. */
  revision: number;
}

/**
 * The marks of a request that change something: a first mark, or a different value from the
 * recorded one (a correction, one revision up). Repeating what is recorded changes nothing,
 * so a retried roll call publishes nothing new.
 */
export function markChangesOf(
  recorded: ReadonlyMap<string, RecordedMark>,
  marks: readonly { studentId: string; present: boolean }[],
): { changes: MarkChange[]; unchanged: number } {
  const changes: MarkChange[] = [];
  let unchanged = 0;
  for (const mark of marks) {
    const previous = recorded.get(mark.studentId) ?? null;
    if (previous && previous.present === mark.present) {
      unchanged++;
      continue;
    }
    changes.push({
      studentId: mark.studentId,
      present: mark.present,
      previous,
      revision: previous ? previous.revision + 1 : 1,
    });
  }
  return { changes, unchanged };
}

/** When recording opens (before the start) and when corrections close (after the end). */
export function attendanceWindow(
  startsAt: Date,
  endsAt: Date,
  earlyMinutes: number,
  correctionHours: number,
): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(startsAt.getTime() - earlyMinutes * 60_000),
    closesAt: new Date(endsAt.getTime() + correctionHours * 3600_000),
  };
}

/** The student ids listed more than once. */
export function duplicatesOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}
