import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { ROSTER_EVENTS } from './roster-events.js';

/** Where a roster event leaves a student, as a read model stores it. */
export interface RosterPlacement {
  studentId: string;
  schoolId: string;
  classId: string | null;
  grade: number;
  schoolYear: string | null;
  /** False once withdrawn. */
  enrolled: boolean;
  /** The event's time: a stored placement of a later time must be kept. */
  occurredAt: Date;
}

/**
 * What a service gives the shared roster consumer: its own table and columns. `placeStudents`
 * gets at most one placement per student, sorted by student id, and must write them all in
 * one statement that keeps a row whose stored time is later (`>=` lets a redelivery rewrite
 * the same values). It runs inside the consumer's transaction; offsets are committed after.
 */
export interface RosterReadModelAdapter {
  placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void>;
  /** Called after the transaction committed, e.g. to retry a seed that waits for students. */
  placementsApplied?(placements: RosterPlacement[]): void;
}

/** Why a message is not a roster event, for the dead-letter headers. */
export class InvalidRosterEvent extends Error {}

/** The placement a roster message carries; throws InvalidRosterEvent for anything else. */
export function placementOf(topic: string, value: Buffer | null): RosterPlacement {
  const kind = ROSTER_EVENTS[topic as keyof typeof ROSTER_EVENTS] as
    (typeof ROSTER_EVENTS)[keyof typeof ROSTER_EVENTS] | undefined;
  if (!kind) throw new InvalidRosterEvent(`${topic} is not a roster topic`);
  if (!value) throw new InvalidRosterEvent('empty message');
  let plain: unknown;
  try {
    plain = JSON.parse(value.toString('utf8'));
  } catch {
    throw new InvalidRosterEvent('not JSON');
  }
  if (typeof plain !== 'object' || plain === null) throw new InvalidRosterEvent('not an event');
  const event = plainToInstance(kind.type, plain);
  const errors = validateSync(event, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const fields = errors.map((e) => e.property).join(', ');
    throw new InvalidRosterEvent(`invalid roster event: ${fields}`);
  }
  const occurredAt = new Date(event.occurredAt);
  // Without a time, the event could not be ordered against the student's other events.
  if (Number.isNaN(occurredAt.getTime())) throw new InvalidRosterEvent('occurredAt is not a time');
  const p = event.payload;
  return {
    studentId: p.studentId,
    schoolId: p.schoolId,
    classId: p.classId ?? null,
    grade: p.grade,
    schoolYear: p.schoolYear ?? null,
    enrolled: kind.enrolled,
    occurredAt,
  };
}

/**
 * The latest placement of each student (a tie goes to the later in the list, as it was
 * delivered later), sorted by student id: concurrent batches then lock rows in one order.
 */
export function latestPlacements(placements: RosterPlacement[]): RosterPlacement[] {
  const latest = new Map<string, RosterPlacement>();
  for (const placement of placements) {
    const known = latest.get(placement.studentId);
    if (!known || placement.occurredAt.getTime() >= known.occurredAt.getTime()) {
      latest.set(placement.studentId, placement);
    }
  }
  return [...latest.values()].sort((a, b) =>
    a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0,
  );
}

/** A service's roster table: its name and the names of its id, enrolled and school-year columns. */
export interface RosterTable {
  table: string;
  id: string;
  /** 1 while enrolled, 0 once withdrawn. */
  enrolled: string;
  /** Left out when the table keeps no school year. */
  schoolYear?: string;
}

/**
 * Writes placements in one multi-row upsert into a service's roster table (`school_id`,
 * `class_id`, `grade`, `updated_at` plus the columns `RosterTable` names): a stored row
 * changes only for a placement at least as late as its `updated_at`, so an older event never
 * overwrites a newer state and a redelivery rewrites the same values.
 */
export async function upsertPlacements(
  manager: EntityManager,
  into: RosterTable,
  placements: RosterPlacement[],
): Promise<void> {
  if (placements.length === 0) return;
  const kept = ['school_id', 'class_id', 'grade', ...(into.schoolYear ? [into.schoolYear] : [])];
  const guarded = [...kept, into.enrolled].map(
    (c) => `${c} = IF(VALUES(updated_at) >= updated_at, VALUES(${c}), ${c})`,
  );
  await manager.query(
    `INSERT INTO ${into.table} (${[into.id, ...kept, into.enrolled, 'updated_at'].join(', ')})
     VALUES ? ON DUPLICATE KEY UPDATE ${guarded.join(', ')},
       updated_at = GREATEST(updated_at, VALUES(updated_at))`,
    [
      placements.map((p) => [
        p.studentId,
        p.schoolId,
        p.classId,
        p.grade,
        ...(into.schoolYear ? [p.schoolYear] : []),
        p.enrolled ? 1 : 0,
        p.occurredAt,
      ]),
    ],
  );
}
