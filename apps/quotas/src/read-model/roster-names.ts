import { InvalidRosterEvent, placementOf } from '@app/messaging';

/** Who a roster student is, as the latest roster event says. */
export interface StudentNames {
  studentId: string;
  name: string | null;
  studentNumber: string | null;
  className: string | null;
  occurredAt: Date;
}

/**
 * The names a roster message carries, checked as the shared roster read model checks it (the
 * contract's class); null for an invalid message (that model sends it to the dead letters) and
 * for an event published before the directory sent names.
 */
export function studentNamesOf(topic: string, value: Buffer | null): StudentNames | null {
  let placement;
  try {
    placement = placementOf(topic, value);
  } catch (error) {
    if (error instanceof InvalidRosterEvent) return null;
    throw error;
  }
  const payload = (JSON.parse((value as Buffer).toString('utf8')) as { payload: NamesFields })
    .payload;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const names = {
    name: text(payload.name),
    studentNumber: text(payload.studentNumber),
    className: text(payload.className),
  };
  if (names.name === null && names.studentNumber === null) return null;
  return { studentId: placement.studentId, ...names, occurredAt: placement.occurredAt };
}

interface NamesFields {
  name?: unknown;
  studentNumber?: unknown;
  className?: unknown;
}

/** The latest names of each student (a tie: the later in the list), sorted by student id. */
export function latestNames(all: StudentNames[]): StudentNames[] {
  const latest = new Map<string, StudentNames>();
  for (const names of all) {
    const known = latest.get(names.studentId);
    if (!known || names.occurredAt.getTime() >= known.occurredAt.getTime()) {
      latest.set(names.studentId, names);
    }
  }
  return [...latest.values()].sort((a, b) =>
    a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0,
  );
}
