import type { ComplianceReportView } from '@app/contracts';
import { csvDocument, csvLine as line } from '../http/csv.js';

/**
 * The compliance report as CSV, UTF-8 with a BOM for spreadsheets: a summary row (the
 * counts), a blank line, then one row per listed student of this page.
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
    line(['studentId', 'schoolId', 'classId', 'grade', 'counted', 'booked', 'standing', 'missing']),
    ...report.students.map((s) =>
      line([
        s.studentId,
        s.schoolId,
        s.classId,
        s.grade,
        s.counted,
        s.booked,
        s.standing,
        s.missing,
      ]),
    ),
  ];
  return csvDocument(rows);
}
