import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  NATIONAL_AREA_CODE,
  regionPrefixOf,
  type QuotaRuleView,
  type Standing,
  type StudentStandingView,
} from '@app/contracts';
import type { Scope } from '../access/quota-access.js';

export interface StandingCounts {
  students: number;
  met: number;
  onTrack: number;
  short: number;
  over: number;
}

/** A listed student's standing, before the names of the listed rows are joined in. */
export type StudentCounts = Omit<StudentStandingView, 'name' | 'studentNumber' | 'className'>;

interface StandingRow {
  id: string;
  school_id: string;
  class_id: string | null;
  grade: number;
  counted: string | number;
  booked: string | number;
  standing: Standing;
}

/**
 * The standing of a student against a rule, in SQL, from the precomputed counts: met at the
 * minimum, on track when booked screenings would reach it, over above a maximum, else short.
 */
function standingSql(rule: QuotaRuleView): string {
  const counted = 'COALESCE(c.counted, 0)';
  const booked = 'COALESCE(c.booked, 0)';
  const whens: string[] = [];
  if (rule.maximum !== null) whens.push(`WHEN ${counted} > ${Number(rule.maximum)} THEN 'over'`);
  if (rule.minimum === null) return `CASE ${whens.join(' ')} ELSE 'met' END`;
  const min = Number(rule.minimum);
  whens.push(`WHEN ${counted} >= ${min} THEN 'met'`);
  whens.push(`WHEN ${counted} + ${booked} >= ${min} THEN 'on_track'`);
  return `CASE ${whens.join(' ')} ELSE 'short' END`;
}

/** Report queries: an indexed aggregate of the roster joined to the counts of one kind and period. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private base(
    rule: QuotaRuleView,
    period: string,
    scope: Scope,
  ): { sql: string; params: unknown[] } {
    const where = ['s.active = 1', 's.grade BETWEEN ? AND ?'];
    const params: unknown[] = [rule.kind, period, rule.minGrade, rule.maxGrade];
    if (rule.stages.length > 0) {
      where.push('s.stage IN (?)');
      params.push(rule.stages);
    }
    if (rule.areaCode !== NATIONAL_AREA_CODE) {
      where.push('s.region_code LIKE ?');
      params.push(regionPrefixOf(rule.areaCode));
    }
    switch (scope.level) {
      case 'class':
        where.push('s.class_id = ?');
        params.push(scope.id);
        break;
      case 'school':
        where.push('s.school_id = ?');
        params.push(scope.id);
        break;
      case 'area':
        if (scope.regionPattern !== '%') {
          where.push('s.region_code LIKE ?');
          params.push(scope.regionPattern);
        }
        break;
    }
    return {
      sql: `FROM q_students s
        LEFT JOIN q_counts c ON c.kind = ? AND c.period_key = ? AND c.student_id = s.id
        WHERE ${where.join(' AND ')}`,
      params,
    };
  }

  async counts(rule: QuotaRuleView, period: string, scope: Scope): Promise<StandingCounts> {
    const { sql, params } = this.base(rule, period, scope);
    const rows: { standing: Standing; n: string | number }[] = await this.dataSource.query(
      `SELECT ${standingSql(rule)} AS standing, COUNT(*) AS n ${sql} GROUP BY standing`,
      params,
    );
    const of = (s: Standing): number => Number(rows.find((r) => r.standing === s)?.n ?? 0);
    const counts = {
      met: of('met'),
      onTrack: of('on_track'),
      short: of('short'),
      over: of('over'),
    };
    return { students: counts.met + counts.onTrack + counts.short + counts.over, ...counts };
  }

  /** A page of students (only the short ones unless `all`), ordered by school, class, id. */
  async students(
    rule: QuotaRuleView,
    period: string,
    scope: Scope,
    options: { onlyShort: boolean; offset: number; limit: number },
  ): Promise<StudentCounts[]> {
    const { sql, params } = this.base(rule, period, scope);
    const standing = standingSql(rule);
    const filter = options.onlyShort ? `AND ${standing} = 'short'` : '';
    const rows: StandingRow[] = await this.dataSource.query(
      `SELECT s.id, s.school_id, s.class_id, s.grade, COALESCE(c.counted, 0) AS counted,
              COALESCE(c.booked, 0) AS booked, ${standing} AS standing
         ${sql} ${filter}
        ORDER BY s.school_id, s.class_id, s.id LIMIT ? OFFSET ?`,
      [...params, options.limit, options.offset],
    );
    return rows.map((r) => toStanding(rule, r));
  }

  /** One student's counts for a kind and period. */
  async countsOf(
    studentId: string,
    kind: string,
    period: string,
  ): Promise<{ counted: number; booked: number }> {
    const rows: { counted: number; booked: number }[] = await this.dataSource.query(
      'SELECT counted, booked FROM q_counts WHERE kind = ? AND period_key = ? AND student_id = ?',
      [kind, period, studentId],
    );
    return { counted: Number(rows[0]?.counted ?? 0), booked: Number(rows[0]?.booked ?? 0) };
  }

  /** Of these students, those already sent a notice for the rule and period. */
  async alreadyNotified(
    ruleId: string,
    period: string,
    studentIds: string[],
  ): Promise<Set<string>> {
    if (studentIds.length === 0) return new Set();
    const rows: { student_id: string }[] = await this.dataSource.query(
      'SELECT student_id FROM q_short_notices WHERE rule_id = ? AND period_key = ? AND student_id IN (?)',
      [ruleId, period, studentIds],
    );
    return new Set(rows.map((r) => r.student_id));
  }
}

export function standingOf(
  rule: QuotaRuleView,
  counted: number,
  booked: number,
): { standing: Standing; missing: number } {
  if (rule.maximum !== null && counted > rule.maximum) return { standing: 'over', missing: 0 };
  if (rule.minimum === null || counted >= rule.minimum) return { standing: 'met', missing: 0 };
  if (counted + booked >= rule.minimum) return { standing: 'on_track', missing: 0 };
  return { standing: 'short', missing: rule.minimum - counted - booked };
}

function toStanding(rule: QuotaRuleView, r: StandingRow): StudentCounts {
  const counted = Number(r.counted);
  const booked = Number(r.booked);
  return {
    studentId: r.id,
    schoolId: r.school_id,
    classId: r.class_id,
    grade: Number(r.grade),
    counted,
    booked,
    ...standingOf(rule, counted, booked),
  };
}
