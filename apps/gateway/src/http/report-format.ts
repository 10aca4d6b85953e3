/** The `format` query parameter of a report: JSON, or a download (see table-reply.ts). */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
