import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, inflateRaw, type ZlibOptions } from 'node:zlib';
import ExcelJS from 'exceljs';
import { RosterImportLimits } from '@app/contracts';
import { AppError } from '@app/errors';
import { quoteCsvField } from '../http/csv.js';

const inflate = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);

/**
 * What a workbook may cost before a row is read. A zip declares each entry's unpacked size,
 * and a zip bomb lies about it or declares gigabytes: the declared sizes are checked first,
 * and every entry is unpacked with the declared size as a hard cap.
 */
export const RosterXlsxLimits = {
  /** Entries in the zip (a workbook has a dozen or so). */
  maxEntries: 1_000,
  /** The entries we read (workbook, relations, styles, shared strings, the first sheet), unpacked. */
  maxUnpackedBytes: 5 * RosterImportLimits.maxFileBytes,
  /** Sheet rows (row numbers, blank rows included): more than a 20 MiB CSV holds. */
  maxRows: 300_000,
  /** Columns read to the right of the header's last title. */
  maxColumns: 64,
} as const;

const invalid = (reason: string): AppError =>
  new AppError(
    'ROSTER_IMPORT_INVALID_UPLOAD',
    'invalid',
    `Not a readable .xlsx workbook: ${reason}`,
  );

const tooLarge = (reason: string): AppError =>
  new AppError('ROSTER_IMPORT_TOO_LARGE', 'invalid', `The workbook is too large: ${reason}`, {
    ...RosterXlsxLimits,
    maxCsvBytes: RosterImportLimits.maxFileBytes,
  });

interface ZipEntry {
  name: string;
  method: number;
  declaredSize: number;
  data: Buffer;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The zip's central directory: names, methods, declared sizes and packed bytes, nothing unpacked. */
function zipEntries(file: Buffer): ZipEntry[] {
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw invalid('it is not a zip archive');
  }
  let eocd = -1;
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 0xffff); at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw invalid('the zip directory is missing');
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  if (count > RosterXlsxLimits.maxEntries) throw tooLarge(`${count} entries in the zip`);
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw invalid('the zip directory is broken');
    }
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const packedSize = file.readUInt32LE(at + 20);
    const declaredSize = file.readUInt32LE(at + 24);
    const nameLength = file.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const localAt = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw invalid('the workbook is encrypted');
    if (packedSize === 0xffffffff || declaredSize === 0xffffffff) throw tooLarge('a zip64 entry');
    declaredTotal += declaredSize;
    if (declaredTotal > RosterXlsxLimits.maxUnpackedBytes) {
      throw tooLarge(`it unpacks to more than ${RosterXlsxLimits.maxUnpackedBytes} bytes`);
    }
    if (localAt + 30 > file.length || file.readUInt32LE(localAt) !== LOCAL_SIGNATURE) {
      throw invalid('the zip directory is broken');
    }
    const dataAt = localAt + 30 + file.readUInt16LE(localAt + 26) + file.readUInt16LE(localAt + 28);
    if (dataAt + packedSize > file.length) throw invalid('the zip is cut short');
    entries.push({ name, method, declaredSize, data: file.subarray(dataAt, dataAt + packedSize) });
    at = next;
  }
  return entries;
}

/** Unpacks one entry, never past its declared size (a bomb that lies is stopped there). */
async function unpack(entry: ZipEntry): Promise<Buffer> {
  if (entry.method === 0) {
    if (entry.data.length !== entry.declaredSize) throw invalid(`${entry.name} is damaged`);
    return entry.data;
  }
  if (entry.method !== 8) throw invalid(`${entry.name} is packed in an unknown way`);
  try {
    return await inflate(entry.data, { maxOutputLength: Math.max(1, entry.declaredSize) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(`${entry.name} unpacks past its declared size`);
    throw invalid(`${entry.name} is damaged`);
  }
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(tag)?.[1];

/** The first sheet of the workbook's tab order, as a path in the zip. */
function firstSheetPath(workbookXml: string, relsXml: string, names: Set<string>): string {
  const sheetTag = /<(?:[\w.-]+:)?sheet\s[^>]*>/.exec(workbookXml)?.[0];
  const relId = sheetTag === undefined ? undefined : attribute(sheetTag, 'id');
  const relation = [...relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => attribute(tag, 'Id') === relId);
  const target = relation === undefined ? undefined : attribute(relation, 'Target');
  if (target === undefined) throw invalid('the workbook names no worksheet');
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  // The streaming reader takes worksheets by this name only.
  if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path) || !names.has(path)) {
    throw invalid('the first worksheet is missing');
  }
  return path;
}

/** `<col min max>` ranges are expanded column by column by the reader: refuse absurd ones. */
function checkColumnRanges(sheetXml: Buffer): void {
  const dataStart = sheetXml.indexOf('sheetData');
  const head = sheetXml.toString('utf8', 0, dataStart < 0 ? sheetXml.length : dataStart);
  for (const [tag] of head.matchAll(/<(?:[\w.-]+:)?col\s[^>]*>/g)) {
    if (Number(attribute(tag, 'max') ?? 0) > 16_384) throw invalid('a column range past XFD');
  }
}

/** A zip of stored entries, in the order the streaming reader needs (no temporary files). */
function* storedZip(entries: readonly { name: string; data: Buffer }[]): Generator<Buffer> {
  for (const { name, data } of entries) {
    const header = Buffer.alloc(30);
    const nameBytes = Buffer.from(name, 'utf8');
    header.writeUInt32LE(LOCAL_SIGNATURE, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    yield Buffer.concat([header, nameBytes]);
    // In pieces, so the XML parser gives the event loop back between them; cut before a
    // character's first byte, as exceljs decodes each piece on its own.
    for (let at = 0; at < data.length;) {
      let end = Math.min(data.length, at + 64 * 1024);
      while (end < data.length && (data[end] & 0xc0) === 0x80) end--;
      yield data.subarray(at, end);
      at = end;
    }
  }
}

type CellValue = ExcelJS.CellValue;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A cell as the CSV importer reads it: dates as YYYY-MM-DD, numbers as plain text. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('error' in value) return value.error;
  return '';
}

/**
 * The first worksheet of an .xlsx roster as the UTF-8 CSV the importer takes: sheet row N
 * is line N, so rejected lines point at the rows people see. Bounded: the zip is checked
 * before it is unpacked, and the CSV may not outgrow the CSV import's own limit.
 */
export async function rosterXlsxToCsv(file: Buffer): Promise<Buffer> {
  const entries = zipEntries(file);
  const byName = new Map(entries.map((entry) => [entry.name.replace(/^\//, ''), entry]));
  const read = async (name: string): Promise<Buffer | undefined> => {
    const entry = byName.get(name);
    return entry === undefined ? undefined : unpack(entry);
  };
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) throw invalid('no xl/workbook.xml');
  const sheetPath = firstSheetPath(
    workbook.toString('utf8'),
    rels.toString('utf8'),
    new Set(byName.keys()),
  );
  const sheet = await read(sheetPath);
  if (sheet === undefined) throw invalid('the first worksheet is missing');
  checkColumnRanges(sheet);
  const styles = await read('xl/styles.xml');
  const sharedStrings = (await read('xl/sharedStrings.xml')) ?? Buffer.from('<sst/>');

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from(
      storedZip([
        { name: 'xl/_rels/workbook.xml.rels', data: rels },
        { name: 'xl/workbook.xml', data: workbook },
        ...(styles === undefined ? [] : [{ name: 'xl/styles.xml', data: styles }]),
        { name: 'xl/sharedStrings.xml', data: sharedStrings },
        { name: sheetPath, data: sheet },
      ]),
    ),
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' },
  );

  const pieces: Buffer[] = [];
  let bytes = 0;
  let width = 0;
  let lastRow = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (row.number > RosterXlsxLimits.maxRows) {
          throw tooLarge(`more than ${RosterXlsxLimits.maxRows} rows`);
        }
        if (row.number <= lastRow) throw invalid('rows out of order');
        const cells: string[] = [];
        const columns = width === 0 ? RosterXlsxLimits.maxColumns : width;
        for (let col = 1; col <= columns; col++) cells.push(cellText(row.getCell(col).value));
        if (width === 0) {
          width = cells.reduce((last, text, index) => (text.trim() === '' ? last : index + 1), 0);
          if (width === 0) continue;
          cells.length = width;
        }
        const line = Buffer.from(
          '\r\n'.repeat(Math.max(0, row.number - lastRow - 1)) +
            `${cells.map(quoteCsvField).join(',')}\r\n`,
          'utf8',
        );
        lastRow = row.number;
        bytes += line.length;
        if (bytes > RosterImportLimits.maxFileBytes) {
          throw tooLarge(`more than ${RosterImportLimits.maxFileBytes} bytes as CSV`);
        }
        pieces.push(line);
      }
      break; // only the first worksheet was put in
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(error instanceof Error ? error.message.slice(0, 200) : 'unreadable');
  }
  if (width === 0) throw invalid('the first worksheet is empty');
  return Buffer.concat(pieces);
}
