/**
 * Reading a roster file as a stream: bytes → text (UTF-8 with or without BOM, or GBK) →
 * CSV records (RFC 4180: quoted fields, "" inside quotes, CRLF or LF) → named columns.
 * Nothing here holds more than one chunk and one record at a time.
 */

/** The file cannot be imported at all (bad header, unreadable CSV): the job fails with this message. */
export class RosterFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RosterFileError';
  }
}

export type RosterEncoding = 'utf-8' | 'gbk';

export interface CsvRecord {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

/** Longer than any sane cell: most likely a quote that is never closed. */
const MAX_FIELD_LENGTH = 10_000;

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** A streaming CSV parser: give it text in pieces of any size, take the records that are complete. */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  /** `start`: at the beginning of a field; `quoted`: inside quotes; `closing`: just saw a quote inside quotes. */
  private state: 'start' | 'unquoted' | 'quoted' | 'closing' = 'start';
  private line = 1;
  private recordLine = 1;
  /** The last character was a CR ending a line: a LF right after it belongs to it. */
  private afterCr = false;
  private atFileStart = true;

  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (this.atFileStart && text.length > 0) {
      this.atFileStart = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (code === LF) continue;
      }
      if (this.state === 'quoted') {
        if (code === QUOTE) {
          this.state = 'closing';
        } else {
          if (code === LF || code === CR) {
            this.line++;
            this.afterCr = code === CR;
          }
          this.append(text[i]);
        }
        continue;
      }
      if (this.state === 'closing') {
        if (code === QUOTE) {
          this.append('"');
          this.state = 'quoted';
          continue;
        }
        this.state = 'unquoted';
      }
      if (code === COMMA) {
        this.endField();
      } else if (code === LF || code === CR) {
        this.endField();
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        this.afterCr = code === CR;
      } else if (code === QUOTE && this.state === 'start') {
        this.state = 'quoted';
      } else {
        // An unquoted run: take it in one slice rather than a character at a time.
        let end = i + 1;
        while (end < text.length) {
          const next = text.charCodeAt(end);
          if (next === COMMA || next === LF || next === CR) break;
          end++;
        }
        this.append(text.slice(i, end));
        this.state = 'unquoted';
        i = end - 1;
      }
    }
    return out;
  }

  /** The last record, when the file does not end with a newline. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') {
      throw new RosterFileError(`Line ${this.recordLine}: a quoted field is never closed`);
    }
    const out: CsvRecord[] = [];
    if (this.fields.length > 0 || this.field.length > 0 || this.state !== 'start') {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  private append(text: string): void {
    this.field += text;
    if (this.field.length > MAX_FIELD_LENGTH) {
      throw new RosterFileError(
        `Line ${this.recordLine}: a field is longer than ${MAX_FIELD_LENGTH} characters (is a quote never closed?)`,
      );
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'start';
  }

  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    this.fields = [];
    // Blank lines (and lines of empty cells, as spreadsheets write them) are no rows.
    if (fields.some((f) => f.trim() !== '')) out.push({ line: this.recordLine, fields });
  }
}

/** Decodes a file's chunks as one text stream; with `utf-8`, invalid bytes throw. */
export async function* decodeChunks(
  chunks: AsyncIterable<Buffer>,
  encoding: RosterEncoding,
): AsyncGenerator<string> {
  // The UTF-8 decoder drops a leading BOM itself; GBK files have none.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

export async function* csvRecords(texts: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const text of texts) yield* parser.push(text);
  yield* parser.end();
}

/** True for the error TextDecoder throws on bytes that are not valid UTF-8. */
export function isDecodingError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}

/**
 * The columns of a roster file and the header names each accepts (case, spaces and
 * full-width characters do not matter). `grade` and `national_id` may be left out.
 */
export const ROSTER_COLUMNS = {
  studentNumber: ['student_number', '学号', '学籍号'],
  name: ['name', '姓名'],
  gender: ['gender', '性别'],
  dateOfBirth: ['date_of_birth', '出生日期'],
  grade: ['grade', '年级'],
  className: ['class_name', '班级', '班级名称'],
  nationalId: ['national_id', '身份证号', '身份证号码', '公民身份号码'],
} as const;

export type RosterColumn = keyof typeof ROSTER_COLUMNS;
export type ColumnIndexes = Record<RosterColumn, number | undefined>;

const OPTIONAL_COLUMNS: readonly RosterColumn[] = ['grade', 'nationalId'];

const headerKey = (name: string): string =>
  name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const HEADER_LOOKUP = new Map<string, RosterColumn>(
  (Object.entries(ROSTER_COLUMNS) as [RosterColumn, readonly string[]][]).flatMap(
    ([column, names]) => names.map((name) => [headerKey(name), column] as const),
  ),
);

/** Where each column is; throws RosterFileError naming what is missing or repeated. Other columns are ignored. */
export function mapHeader(fields: string[]): ColumnIndexes {
  const indexes: ColumnIndexes = {
    studentNumber: undefined,
    name: undefined,
    gender: undefined,
    dateOfBirth: undefined,
    grade: undefined,
    className: undefined,
    nationalId: undefined,
  };
  fields.forEach((field, index) => {
    const column = HEADER_LOOKUP.get(headerKey(field));
    if (!column) return;
    if (indexes[column] !== undefined) {
      throw new RosterFileError(`The header names the column ${ROSTER_COLUMNS[column][0]} twice`);
    }
    indexes[column] = index;
  });
  const missing = (Object.keys(indexes) as RosterColumn[]).filter(
    (column) => indexes[column] === undefined && !OPTIONAL_COLUMNS.includes(column),
  );
  if (missing.length > 0) {
    throw new RosterFileError(
      `The first line must be a header naming the columns student_number, name, gender, date_of_birth, grade, class_name, national_id (or 学号, 姓名, 性别, 出生日期, 年级, 班级, 身份证号); missing: ${missing
        .map((c) => ROSTER_COLUMNS[c][0])
        .join(', ')}`,
    );
  }
  return indexes;
}
