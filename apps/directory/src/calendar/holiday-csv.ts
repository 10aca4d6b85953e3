import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  HolidayEntry,
  MAX_IMPORT_ROWS,
  type HolidayImportRowError,
  type HolidayKind,
} from '@app/contracts';

/**
 * The import file format, documented for the admins who prepare it:
 *
 *   date,kind,name
 *   2026-10-01,holiday,国庆节
 *   2026-10-10,makeup_workday,国庆节
 *
 * UTF-8, with or without a byte-order mark; lines end in LF or CRLF; the header is exactly
 * `date,kind,name`; one row per date. `date` is a local date `YYYY-MM-DD`; `kind` is
 * `holiday` or `makeup_workday` (调休上班, a Saturday or Sunday); `name` is required for a
 * holiday and optional for a make-up day (the holiday it makes up for). A cell may be quoted
 * ("…", with "" for a quote). Blank lines are skipped. Lines are counted from 1, the header
 * being line 1.
 */
export const HOLIDAY_CSV_HEADER = ['date', 'kind', 'name'] as const;

export interface HolidayCsvRow {
  line: number;
  date: string;
  kind: HolidayKind;
  name: string | null;
}

export interface ParsedHolidayCsv {
  rows: HolidayCsvRow[];
  /** Every bad row with its reason; the file is imported only when this is empty. */
  errors: HolidayImportRowError[];
}

export function parseHolidayCsv(csv: string): ParsedHolidayCsv {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const header = splitCsvLine(lines[0] ?? '')?.map((cell) => cell.trim().toLowerCase());
  if (header?.join(',') !== HOLIDAY_CSV_HEADER.join(',')) {
    return {
      rows: [],
      errors: [{ line: 1, reason: `the header must be ${HOLIDAY_CSV_HEADER.join(',')}` }],
    };
  }
  const rows: HolidayCsvRow[] = [];
  const errors: HolidayImportRowError[] = [];
  const lineOfDate = new Map<string, number>();
  let dataRows = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = index + 1;
    const text = lines[index];
    if (text.trim() === '') continue;
    if (++dataRows > MAX_IMPORT_ROWS) {
      errors.push({ line, reason: `a file holds at most ${MAX_IMPORT_ROWS} rows` });
      break;
    }
    const cells = splitCsvLine(text);
    if (!cells) {
      errors.push({ line, reason: 'a quoted cell is not closed' });
      continue;
    }
    if (cells.length !== HOLIDAY_CSV_HEADER.length) {
      errors.push({
        line,
        reason: `expected ${HOLIDAY_CSV_HEADER.length} cells (date,kind,name), found ${cells.length}`,
      });
      continue;
    }
    const [date, kind, name] = cells.map((cell) => cell.trim());
    const entry = plainToInstance(HolidayEntry, { date, kind, name: name === '' ? null : name });
    const problems = validateSync(entry).flatMap((e) => Object.values(e.constraints ?? {}));
    if (problems.length > 0) {
      errors.push({ line, reason: problems.join('; ') });
      continue;
    }
    const earlier = lineOfDate.get(entry.date);
    if (earlier !== undefined) {
      errors.push({ line, reason: `date ${entry.date} is already on line ${earlier}` });
      continue;
    }
    lineOfDate.set(entry.date, line);
    rows.push({ line, date: entry.date, kind: entry.kind, name: entry.name ?? null });
  }
  if (dataRows === 0) errors.push({ line: 1, reason: 'the file has a header but no rows' });
  return { rows, errors };
}

/** The cells of one CSV line (RFC 4180 quoting within a line); undefined when a quote is left open. */
function splitCsvLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}
