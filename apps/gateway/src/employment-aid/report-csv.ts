import type { BureauReportView, CentreReportView } from '@app/contracts';

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

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const row = (report: CentreReportView): string => COLUMNS.map((c) => cell(report[c])).join(',');

/** The centre's ledger as CSV: a header row and one row, UTF-8 with a BOM for spreadsheets. */
export function centreReportCsv(report: CentreReportView): string {
  return `\uFEFF${COLUMNS.join(',')}\r\n${row(report)}\r\n`;
}

/** One row per university, then the bureau's totals (their universityId is the bureau's id). */
export function bureauReportCsv(report: BureauReportView): string {
  const rows = [...report.universities, report.totals].map(row);
  return `\uFEFF${COLUMNS.join(',')}\r\n${rows.join('\r\n')}\r\n`;
}
