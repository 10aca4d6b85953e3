import type { StudyTourReportRow, StudyTourReportView } from '@app/contracts';
import { csvDocument, csvLine } from '../http/csv.js';

const COLUMNS: (keyof StudyTourReportRow)[] = [
  'organisationId',
  'name',
  'bookings',
  'confirmed',
  'completed',
  'cancelled',
  'declined',
  'expired',
  'studentsBooked',
  'participants',
  'ratingCount',
  'averageRating',
];

/**
 * The report as CSV (UTF-8 with a BOM for spreadsheets, like employment-aid's): one row per
 * base, then one per school, the first column saying which.
 */
export function studyTourReportCsv(report: StudyTourReportView): string {
  return csvDocument([
    csvLine(['kind', ...COLUMNS]),
    ...report.bases.map((r) => csvLine(['base', ...COLUMNS.map((c) => r[c])])),
    ...report.schools.map((r) => csvLine(['school', ...COLUMNS.map((c) => r[c])])),
  ]);
}
