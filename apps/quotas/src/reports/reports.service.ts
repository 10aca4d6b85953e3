import { Injectable } from '@nestjs/common';
import {
  NATIONAL_AREA_CODE,
  regionContains,
  type ComplianceReportQuery,
  type ComplianceReportView,
  type QuotaRuleView,
  type StudentStandingQuery,
  type StudentStandingsView,
  type StudentStandingView,
} from '@app/contracts';
import { Clock } from '@app/time';
import { QuotaAccess } from '../access/quota-access.js';
import { periodInvalid } from '../quotas.errors.js';
import { ReadModelRepository, type StudentIdentity } from '../read-model/read-model.repository.js';
import { parsePeriodKey } from '../read-model/term-calendar.js';
import { RulesService } from '../rules/rules.service.js';
import { ReportsRepository, standingOf, type StudentCounts } from './reports.repository.js';

const UNNAMED: StudentIdentity = { name: null, studentNumber: null, className: null };

/** A term rule is read per term (`2026-2027-T1`), a school-year rule per year (`2026-2027`). */
export function assertPeriodFits(rule: QuotaRuleView, period: string): void {
  const { termNo } = parsePeriodKey(period);
  if ((rule.period === 'term') !== (termNo !== null)) {
    throw periodInvalid(
      rule.period === 'term'
        ? 'This rule counts per term: give a period like 2026-2027-T1'
        : 'This rule counts per school year: give a period like 2026-2027',
      { rulePeriod: rule.period, period },
    );
  }
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly rules: RulesService,
    private readonly access: QuotaAccess,
    private readonly readModel: ReadModelRepository,
    private readonly clock: Clock,
  ) {}

  /** Names for the listed rows only (a page by primary key), never for the aggregates. */
  private async named(rows: StudentCounts[]): Promise<StudentStandingView[]> {
    const identities = await this.readModel.identitiesOf(rows.map((r) => r.studentId));
    return rows.map(({ studentId, ...rest }) => ({
      studentId,
      ...(identities.get(studentId) ?? UNNAMED),
      ...rest,
    }));
  }

  /** Counts per standing and a page of the students short (or all) in a class, school or area. */
  async compliance(query: ComplianceReportQuery): Promise<ComplianceReportView> {
    const scope = await this.access.scope(query.actor, query);
    const rule = await this.rules.ruleOrDefault(query.ruleId);
    assertPeriodFits(rule, query.period);
    const onlyShort = (query.list ?? 'short') === 'short';
    const counts = await this.reports.counts(rule, query.period, scope);
    const students = await this.named(
      await this.reports.students(rule, query.period, scope, {
        onlyShort,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
    );
    return {
      rule,
      period: query.period,
      scope: { level: scope.level, id: scope.id },
      counts,
      students,
      page: query.page,
      pageSize: query.pageSize,
      total: onlyShort ? counts.short : counts.students,
      generatedAt: this.clock.now().toISOString(),
    };
  }

  /** Every rule that applies to the student, for a term or school-year period. */
  async student(query: StudentStandingQuery): Promise<StudentStandingsView> {
    const { student, school } = await this.access.student(query.actor, query.studentId);
    const { termNo } = parsePeriodKey(query.period);
    const rules = (await this.rules.all()).filter(
      (r) =>
        (r.period === 'term') === (termNo !== null) &&
        student.grade >= r.minGrade &&
        student.grade <= r.maxGrade &&
        (r.stages.length === 0 ||
          (school.stage !== null && r.stages.includes(school.stage as never))) &&
        (r.areaCode === NATIONAL_AREA_CODE || regionContains(r.areaCode, school.regionCode)),
    );
    const identity =
      (await this.readModel.identitiesOf([student.studentId])).get(student.studentId) ?? UNNAMED;
    const standings = [];
    for (const rule of rules) {
      const { counted, booked } = await this.reports.countsOf(
        student.studentId,
        rule.kind,
        query.period,
      );
      standings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        studentId: student.studentId,
        ...identity,
        schoolId: student.schoolId,
        classId: student.classId,
        grade: student.grade,
        counted,
        booked,
        ...standingOf(rule, counted, booked),
      });
    }
    return { studentId: student.studentId, period: query.period, standings };
  }
}
