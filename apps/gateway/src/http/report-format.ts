import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** The `format` query parameter of a report: JSON, or a download (see table-reply.ts). */
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A report's 200: its JSON (a DTO when it has one), CSV text or an .xlsx file. */
export const ApiReportOkResponse = (description: string, json?: Type<unknown>) =>
  applyDecorators(
    ...(json ? [ApiExtraModels(json)] : []),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: json ? { $ref: getSchemaPath(json) } : { type: 'object' } },
        'text/csv': { schema: { type: 'string' } },
        [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );
