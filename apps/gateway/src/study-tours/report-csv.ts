import type { StudyTourReportRow, StudyTourReportView } from '@app/contracts';

const COLUMNS: (keyof StudyTourReportRow)[] = [
  'organisationId',
  'name',
  'bookings',
  'confirmed',
  'completed',
  'cancelled',
  'declined',
  'studentsBooked',
  'participants',
  'ratingCount',
  'averageRating',
];

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report as CSV (UTF-8 with a BOM for spreadsheets, like employment-aid's): one row per
 * base, then one per school, the first column saying which.
 */
export function studyTourReportCsv(report: StudyTourReportView): string {
  const rows = [
    ...report.bases.map((r) => ['base', ...COLUMNS.map((c) => cell(r[c]))].join(',')),
    ...report.schools.map((r) => ['school', ...COLUMNS.map((c) => cell(r[c]))].join(',')),
  ];
  return `\uFEFF${['kind', ...COLUMNS].join(',')}\r\n${rows.map((r) => `${r}\r\n`).join('')}`;
}
