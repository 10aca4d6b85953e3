import {
  CsvParser,
  csvRecords,
  decodeChunks,
  isDecodingError,
  mapHeader,
  RosterFileError,
  type CsvRecord,
} from './roster-csv.js';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

const parseAll = (text: string): CsvRecord[] => {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
};

describe('CsvParser', () => {
  const text =
    '\ufeffa,b,c\r\n1,"two, with comma","say ""hi"""\r\n\r\n3,"multi\nline",x\n,,\n4,5,6';

  it('reads quoted fields, doubled quotes, CRLF and LF, skips blank lines and numbers lines', () => {
    expect(parseAll(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, with comma', 'say "hi"'] },
      { line: 4, fields: ['3', 'multi\nline', 'x'] },
      { line: 7, fields: ['4', '5', '6'] },
    ]);
  });

  it('gives the same records however the text is cut into pieces', () => {
    const whole = parseAll(text);
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new CsvParser();
      const records = [
        ...parser.push(text.slice(0, cut)),
        ...parser.push(text.slice(cut)),
        ...parser.end(),
      ];
      expect({ cut, records }).toEqual({ cut, records: whole });
    }
  });

  it('keeps an empty last field and refuses a quote that is never closed', () => {
    expect(parseAll('a,b,\n')).toEqual([{ line: 1, fields: ['a', 'b', ''] }]);
    expect(() => parseAll('a,"b\nc')).toThrow(RosterFileError);
  });
});

describe('decodeChunks', () => {
  it('decodes GBK whose characters are split between chunks', async () => {
    // 学号 in GBK: D1 A7 BA C5; the chunk boundary falls inside 学.
    const chunks = [Buffer.from([0xd1]), Buffer.from([0xa7, 0xba, 0xc5, 0x2c, 0x41])];
    expect((await collect(decodeChunks(from(chunks), 'gbk'))).join('')).toBe('学号,A');
  });

  it('throws a decoding error on GBK bytes read as UTF-8, which is how GBK is detected', async () => {
    // 学 alone (D1 A7) happens to be valid UTF-8; 号 (BA C5) is not.
    const gbk = Buffer.from([0xd1, 0xa7, 0xba, 0xc5]);
    const error = await collect(decodeChunks(from([gbk]), 'utf-8')).catch((e: unknown) => e);
    expect(isDecodingError(error)).toBe(true);
  });

  it('drops the UTF-8 byte order mark', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62]);
    const records = await collect(csvRecords(decodeChunks(from([bom]), 'utf-8')));
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });
});

describe('mapHeader', () => {
  it('finds English and Chinese column names in any order, ignoring other columns', () => {
    expect(mapHeader(['备注', '姓名', '学号', '性别', '出生日期', '班级', '身份证号'])).toEqual({
      studentNumber: 2,
      name: 1,
      gender: 3,
      dateOfBirth: 4,
      grade: undefined,
      className: 5,
      nationalId: 6,
    });
    expect(
      mapHeader([' Student Number', 'NAME', 'gender', 'date-of-birth', 'class_name']),
    ).toMatchObject({ studentNumber: 0, name: 1, dateOfBirth: 3, className: 4 });
  });

  it('names the missing columns', () => {
    expect(() => mapHeader(['student_number', 'name'])).toThrow(
      /missing: gender, date_of_birth, class_name/,
    );
    expect(() => mapHeader(['name', '姓名'])).toThrow(/twice/);
  });
});
