import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { csvDocument, csvLine, neutraliseFormula, type CsvValue } from './csv.js';
import { XLSX_CONTENT_TYPE, type ReportFormat } from './report-format.js';

/** A report's file formats besides JSON. */
export type TableFormat = Exclude<ReportFormat, 'json'>;

/** One column: its CSV header (kept stable for scripts), its Chinese title for people, its cell. */
export interface TableColumn<Row> {
  readonly csv: string;
  readonly title: string;
  readonly cell: (row: Row) => CsvValue;
}

/** A header row and the rows under it; a report may stack several, a blank line apart. */
export interface TableSection {
  readonly csvHeader: readonly string[];
  readonly titles: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

export interface Table {
  /** File name without its extension, e.g. `quota-compliance`. */
  readonly filename: string;
  /** The worksheet's name in the .xlsx. */
  readonly sheetName: string;
  readonly sections: readonly TableSection[];
}

/** Defines a column once, for both formats. */
export const column = <Row>(csv: string, title: string, cell: (row: Row) => CsvValue) =>
  ({ csv, title, cell }) as TableColumn<Row>;

/** A section from a report's columns and its rows. */
export function tableSection<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
): TableSection {
  return {
    csvHeader: columns.map((c) => c.csv),
    titles: columns.map((c) => c.title),
    rows: rows.map((row) => columns.map((c) => c.cell(row))),
  };
}

/** CSV: the English headers, UTF-8 with a BOM, formulas neutralised (see csv.ts). */
export function tableCsv(table: Table): string {
  const lines: string[] = [];
  table.sections.forEach((section, index) => {
    if (index > 0) lines.push('');
    lines.push(csvLine(section.csvHeader), ...section.rows.map((row) => csvLine(row)));
  });
  return csvDocument(lines);
}

/**
 * XLSX: one worksheet, the Chinese titles in bold, numbers as numbers and text as text. A
 * string cell is never a formula in the file, but a text starting with `=` becomes one as
 * soon as someone edits the cell, so text gets the same leading `'` as in the CSV.
 */
export async function tableXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheetName);
  table.sections.forEach((section, index) => {
    if (index > 0) sheet.addRow([]);
    sheet.addRow([...section.titles]).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map(xlsxCell));
  });
  const widest = Math.max(0, ...table.sections.map((s) => s.titles.length));
  for (let index = 1; index <= widest; index++) sheet.getColumn(index).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const xlsxCell = (value: CsvValue): string | number | null => neutraliseFormula(value);

/**
 * Answers a report as a download: CSV as text, XLSX as a file. The controller returns what
 * this returns (`@Res({ passthrough: true })`).
 */
export async function replyTable(
  res: Response,
  format: TableFormat,
  table: Table,
): Promise<string | StreamableFile> {
  if (format === 'csv') {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${table.filename}.csv"`);
    return tableCsv(table);
  }
  return new StreamableFile(await tableXlsx(table), {
    type: XLSX_CONTENT_TYPE,
    disposition: `attachment; filename="${table.filename}.xlsx"`,
  });
}
