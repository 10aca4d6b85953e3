/** CSV for reports: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM for spreadsheets. */
export type CsvValue = string | number | null;

/** Text a spreadsheet would run as a formula (or as one after a tab or line break). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that is only a number (`-3`, `+1.5`, `2e3`): a spreadsheet reads it as that number. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises formula injection (OWASP): a text cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of
 * running it. Numbers, and text that is only a number, stay as they are.
 */
export const neutraliseFormula = (value: CsvValue): CsvValue =>
  typeof value === 'string' && FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)
    ? `'${value}`
    : value;

/** A field as it is (no formula neutralising), quoted when it holds a quote, a comma or a line break. */
export const quoteCsvField = (text: string): string =>
  /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/** One cell of a report: empty for null, formulas neutralised, quoted as needed. */
export const csvCell = (value: CsvValue): string => {
  const safe = neutraliseFormula(value);
  return quoteCsvField(safe === null ? '' : String(safe));
};

/** One line of cells. */
export const csvLine = (values: readonly CsvValue[]): string => values.map(csvCell).join(',');

/** A whole document from its lines (each already a `csvLine`, or '' for a blank line). */
export const csvDocument = (lines: readonly string[]): string =>
  `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
