import type { ComplianceReportView } from '@app/contracts';
import { csvDocument, csvLine as line } from '../http/csv.js';

/**
 * The compliance report as CSV, UTF-8 with a BOM for spreadsheets: a summary row (the
 * counts), a blank line, then one row per listed student of this page: who (student number,
 * name, class; never a national ID), the standing, then the ids. Every cell goes through
 * `csvLine`, which neutralises formulas (a name is text a school typed).
 */
export function complianceReportCsv(report: ComplianceReportView): string {
  const c = report.counts;
  const rows = [
    line(['rule', 'period', 'level', 'scopeId', 'students', 'met', 'onTrack', 'short', 'over']),
    line([
      report.rule.name,
      report.period,
      report.scope.level,
      report.scope.id,
      c.students,
      c.met,
      c.onTrack,
      c.short,
      c.over,
    ]),
    '',
    line([
      'studentNumber',
      'name',
      'className',
      'grade',
      'counted',
      'booked',
      'standing',
      'missing',
      'studentId',
      'schoolId',
      'classId',
    ]),
    ...report.students.map((s) =>
      line([
        s.studentNumber,
        s.name,
        s.className,
        s.grade,
        s.counted,
        s.booked,
        s.standing,
        s.missing,
        s.studentId,
        s.schoolId,
        s.classId,
      ]),
    ),
  ];
  return csvDocument(rows);
}
