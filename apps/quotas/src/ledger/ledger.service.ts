import { Injectable, Logger } from '@nestjs/common';
import { withDbRetry } from '@app/database';
import { NATIONAL_AREA_CODE, regionContains } from '@app/contracts';
import type {
  CompareDigestCommand,
  ConsistencyReportView,
  LedgerDifference,
  RebuildView,
} from '@app/contracts';
import { Clock } from '@app/time';
import { QuotaAccess } from '../access/quota-access.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import type { BookingFact, LedgerFact } from './ledger-events.js';
import { LedgerRepository, type LedgerMarks } from './ledger.repository.js';

const REBUILD_PAGE = 2000;

/** Applies ledger inputs, re-files facts when the calendar changes, rebuilds, compares. */
@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly readModel: ReadModelRepository,
    private readonly clock: Clock,
    private readonly access: QuotaAccess,
  ) {}

  /**
   * One transaction for a chunk of events: facts and bookings upserted in one statement
   * each, then the counts of the students they touch recomputed; the students are locked
   * first, so chunks sharing students take turns. Retried on a deadlock.
   */
  async apply(facts: LedgerFact[], bookings: BookingFact[]): Promise<void> {
    if (facts.length === 0 && bookings.length === 0) return;
    const calendar = await this.readModel.termCalendar();
    const schools = await this.readModel.organisationsById();
    const regionOf = (schoolId: string): string | null => schools.get(schoolId)?.regionCode ?? null;
    const datedFacts = facts.map((f) => ({
      ...f,
      ...calendar.periodOf(regionOf(f.schoolId), f.localDate),
    }));
    const datedBookings = bookings.map((b) => ({
      ...b,
      ...calendar.periodOf(regionOf(b.schoolId), b.localDate),
    }));
    const students = [...facts.map((f) => f.studentId), ...bookings.map((b) => b.studentId)];
    const today = this.clock.today();
    await withDbRetry(() =>
      this.ledger.transaction(async (manager) => {
        await this.ledger.lockStudents(manager, students, this.clock.now());
        await this.ledger.upsertFacts(manager, datedFacts);
        await this.ledger.upsertBookings(manager, datedBookings);
        await this.ledger.recomputeStudents(manager, students, today);
      }),
    );
  }

  /** After a term of an area changed: re-files the facts of the schools inside it, if any. */
  async refileArea(areaCode: string): Promise<number> {
    // Schools the directory has not told us about are filed with the national calendar.
    if (areaCode === NATIONAL_AREA_CODE) return this.refile(null);
    const schools = [...(await this.readModel.organisationsById()).values()].filter(
      (o) => o.kind === 'school' && regionContains(areaCode, o.regionCode),
    );
    const withFacts: string[] = [];
    for (const school of schools) {
      if (await this.ledger.hasFactsOfSchool(school.id)) withFacts.push(school.id);
    }
    return withFacts.length > 0 ? this.refile(withFacts) : 0;
  }

  /**
   * Files facts into terms again (after a term changed, or a school's region became known)
   * and recomputes the counts of the students concerned. `schoolIds` null: everything.
   */
  async refile(schoolIds: string[] | null): Promise<number> {
    const calendar = await this.readModel.termCalendar();
    const organisations = await this.readModel.organisationsById();
    const known = [...organisations.values()].filter((o) => o.kind === 'school');
    const targets = schoolIds === null ? known : known.filter((o) => schoolIds.includes(o.id));
    const years = await this.ledger.schoolYearsWithFacts();
    await withDbRetry(() =>
      this.ledger.transaction(async (manager) => {
        await this.ledger.resetPeriods(manager, schoolIds);
        const byRegion = new Map<string, string[]>();
        for (const school of targets) {
          byRegion.set(school.regionCode, [...(byRegion.get(school.regionCode) ?? []), school.id]);
        }
        for (const [region, ids] of byRegion) {
          for (const year of years) {
            for (const term of calendar.termsOf(region, year)) {
              await this.ledger.assignTerm(manager, ids, term);
            }
          }
        }
        if (schoolIds === null) {
          // Schools the directory has not told us about yet: the national calendar.
          for (const year of years) {
            for (const term of calendar.termsOf(null, year)) {
              await this.ledger.assignTerm(manager, { notIn: known.map((s) => s.id) }, term);
            }
          }
        }
      }),
    );
    return this.recomputeAll(schoolIds);
  }

  /** Recomputes every student's counts from the stored facts, page by page. */
  async recomputeAll(schoolIds: string[] | null): Promise<number> {
    const today = this.clock.today();
    let after = '';
    let students = 0;
    for (;;) {
      const page = await this.ledger.studentsAfter(after, REBUILD_PAGE, schoolIds);
      if (page.length === 0) break;
      await withDbRetry(() =>
        this.ledger.transaction(async (manager) => {
          await this.ledger.lockStudents(manager, page, this.clock.now());
          await this.ledger.recomputeStudents(manager, page, today);
        }),
      );
      students += page.length;
      after = page[page.length - 1];
    }
    return students;
  }

  /** `quotas.ledger.rebuild`: periods and counts recomputed from the stored facts. */
  async rebuild(command: { actor: { role: string } }): Promise<RebuildView> {
    this.access.assertPlatformAdmin(command.actor);
    const started = performance.now();
    const students = await this.refile(null);
    const facts = await this.ledger.countFacts();
    this.logger.log({ msg: 'ledger rebuilt', facts, students });
    return { facts, students, ms: Math.round(performance.now() - started) };
  }

  /** `quotas.ledger.compare`: the screenings digest against the ledger, per student. */
  async compare(command: CompareDigestCommand): Promise<ConsistencyReportView> {
    await this.access.school(command.actor, command.schoolId);
    const ledger = await this.ledger.filmMarks(command.schoolId, command.from, command.to);
    const differences = compareMarks(ledger, command.students);
    const compared = new Set([...ledger, ...command.students].map((s) => s.studentId)).size;
    return {
      schoolId: command.schoolId,
      from: command.from,
      to: command.to,
      studentsCompared: compared,
      consistent: differences.length === 0,
      differences,
    };
  }
}

/** Students whose distinct films or present marks differ; a student absent on one side has 0 and 0. */
export function compareMarks(ledger: LedgerMarks[], screenings: LedgerMarks[]): LedgerDifference[] {
  const zero = { distinctFilms: 0, presentMarks: 0 };
  const pick = (m: LedgerMarks | undefined) =>
    m ? { distinctFilms: m.distinctFilms, presentMarks: m.presentMarks } : zero;
  const ours = new Map(ledger.map((m) => [m.studentId, m]));
  const theirs = new Map(screenings.map((m) => [m.studentId, m]));
  const ids = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  return ids
    .map((studentId) => ({
      studentId,
      ledger: pick(ours.get(studentId)),
      screenings: pick(theirs.get(studentId)),
    }))
    .filter(
      (d) =>
        d.ledger.distinctFilms !== d.screenings.distinctFilms ||
        d.ledger.presentMarks !== d.screenings.presentMarks,
    );
}
