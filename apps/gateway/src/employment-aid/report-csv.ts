import type { BureauReportView, CentreReportView } from '@app/contracts';
import { csvDocument, csvLine } from '../http/csv.js';

const COLUMNS: (keyof CentreReportView)[] = [
  'universityId',
  'generatedAt',
  'alertWindowDays',
  'graduatesInNeed',
  'assigned',
  'assignedShare',
  'contactedWithinWindow',
  'contactedShare',
  'employed',
  'employedShare',
  'medianDaysToEmployment',
];

const row = (report: CentreReportView): string => csvLine(COLUMNS.map((c) => report[c]));

/** The centre's ledger as CSV: a header row and one row, UTF-8 with a BOM for spreadsheets. */
export function centreReportCsv(report: CentreReportView): string {
  return csvDocument([csvLine(COLUMNS), row(report)]);
}

/** One row per university, then the bureau's totals (their universityId is the bureau's id). */
export function bureauReportCsv(report: BureauReportView): string {
  return csvDocument([csvLine(COLUMNS), ...[...report.universities, report.totals].map(row)]);
}
