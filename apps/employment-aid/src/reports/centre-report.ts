import { EMPLOYED_OUTCOME_KINDS, type CentreReportView } from '@app/contracts';
import { elapsedDays } from '@app/time';
import type { GraduateEntity } from '../graduates/graduate.entity.js';
import type { OutcomeEntity } from '../outcomes/outcome.entity.js';

export interface ReportInput {
  universityId: string;
  now: Date;
  alertWindowDays: number;
  graduates: GraduateEntity[];
  assignedGraduateIds: Set<string>;
  /** Verified outcomes, oldest verification first: the latest one per graduate counts. */
  verifiedOutcomes: OutcomeEntity[];
}

const share = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The ledger of one career centre; shares are fractions of the graduates in need. */
export function centreReport(input: ReportInput): CentreReportView {
  const total = input.graduates.length;
  const assigned = input.graduates.filter((g) => input.assignedGraduateIds.has(g.id)).length;
  const contacted = input.graduates.filter(
    (g) => g.lastContactAt && elapsedDays(g.lastContactAt, input.now) < input.alertWindowDays,
  ).length;
  const latest = new Map<string, OutcomeEntity>();
  for (const outcome of input.verifiedOutcomes) latest.set(outcome.graduateId, outcome);
  const inWork = [...latest.values()].filter((o) => EMPLOYED_OUTCOME_KINDS.includes(o.kind));
  return {
    universityId: input.universityId,
    generatedAt: input.now.toISOString(),
    alertWindowDays: input.alertWindowDays,
    graduatesInNeed: total,
    assigned,
    assignedShare: share(assigned, total),
    contactedWithinWindow: contacted,
    contactedShare: share(contacted, total),
    employed: inWork.length,
    employedShare: share(inWork.length, total),
    medianDaysToEmployment: median(
      inWork.map((o) => o.daysToEmployment).filter((d): d is number => d !== null),
    ),
  };
}
