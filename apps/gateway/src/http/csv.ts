/** CSV for reports: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM for spreadsheets. */
export type CsvValue = string | number | null;

/** One cell: empty for null, quoted when it holds a quote, a comma or a line break. */
export const csvCell = (value: CsvValue): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One line of cells. */
export const csvLine = (values: readonly CsvValue[]): string => values.map(csvCell).join(',');

/** A whole document from its lines (each already a `csvLine`, or '' for a blank line). */
export const csvDocument = (lines: readonly string[]): string =>
  `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
