import { AppError } from '@app/errors';
import { craftWorkbook, sheetXml, workbookOf } from '../../../../test/fixtures/xlsx.js';
import { RosterXlsxLimits, rosterXlsxToCsv } from './roster-xlsx.js';

const HEADER = ['学号', '姓名', '性别', '出生日期', '年级', '班级', '身份证号'];

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'no error';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('rosterXlsxToCsv', () => {
  it('turns the first sheet into the CSV the importer reads: dates, numbers, rich text, row numbers', async () => {
    const file = await workbookOf(
      [
        HEADER,
        ['2026030201', '王小明', '男', new Date(Date.UTC(2017, 4, 14)), 3, '三年级2班', null],
        [],
        [
          2026030202,
          { richText: [{ text: '李' }, { text: '小红' }] },
          'female',
          '2017/9/2',
          3,
          '三年级2班, 东',
          '370102201709020012',
        ],
      ],
      (workbook) => {
        workbook.worksheets[0].getColumn(4).numFmt = 'yyyy-mm-dd';
        workbook.addWorksheet('other').addRow(['not', 'read']);
      },
    );
    const csv = (await rosterXlsxToCsv(file)).toString('utf8');
    expect(csv.split('\r\n')).toEqual([
      '学号,姓名,性别,出生日期,年级,班级,身份证号',
      '2026030201,王小明,男,2017-05-14,3,三年级2班,',
      '',
      '2026030202,李小红,female,2017/9/2,3,"三年级2班, 东",370102201709020012',
      '',
    ]);
  });

  it('keeps Chinese text whole in a sheet read in many pieces', async () => {
    // About 2 MB of shared strings, nearly all three-byte characters: ~30 piece boundaries.
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `S${i}`,
      `${'张'.repeat(30)}${i}`,
      '男',
      '2017-05-14',
    ]);
    const csv = (await rosterXlsxToCsv(await workbookOf([HEADER.slice(0, 4), ...rows])))
      .toString('utf8')
      .split('\r\n');
    expect(csv.slice(1, -1)).toEqual(rows.map((cells) => cells.join(',')));
  });

  it('refuses what is not a workbook', async () => {
    expect(await codeOf(rosterXlsxToCsv(Buffer.from('student_number,name\r\n1,a\r\n')))).toBe(
      'ROSTER_IMPORT_INVALID_UPLOAD',
    );
    const file = await workbookOf([HEADER]);
    expect(await codeOf(rosterXlsxToCsv(file.subarray(0, file.length - 40)))).toBe(
      'ROSTER_IMPORT_INVALID_UPLOAD',
    );
    expect(await codeOf(rosterXlsxToCsv(await workbookOf([])))).toBe(
      'ROSTER_IMPORT_INVALID_UPLOAD',
    );
  });

  it('refuses a zip bomb from its declared size, before unpacking it', async () => {
    const huge = Buffer.alloc(RosterXlsxLimits.maxUnpackedBytes + 1, ' ');
    const bomb = craftWorkbook(huge);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await codeOf(rosterXlsxToCsv(bomb))).toBe('ROSTER_IMPORT_TOO_LARGE');
  });

  it('stops a bomb that declares a small size at that size', async () => {
    const lying = craftWorkbook(Buffer.alloc(50 * 1024 * 1024, ' '), 1000);
    const before = process.memoryUsage().rss;
    expect(await codeOf(rosterXlsxToCsv(lying))).toBe('ROSTER_IMPORT_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('refuses a sheet past the row limit or whose CSV outgrows the import limit', async () => {
    const far = sheetXml([HEADER]).replace(
      '</sheetData>',
      `<row r="${RosterXlsxLimits.maxRows + 1}"><c r="A${RosterXlsxLimits.maxRows + 1}"><v>1</v></c></row></sheetData>`,
    );
    expect(await codeOf(rosterXlsxToCsv(craftWorkbook(far)))).toBe('ROSTER_IMPORT_TOO_LARGE');
    const long = 'x'.repeat(30_000);
    const wide = sheetXml([HEADER, ...Array.from({ length: 800 }, () => [long])]);
    expect(await codeOf(rosterXlsxToCsv(craftWorkbook(wide)))).toBe('ROSTER_IMPORT_TOO_LARGE');
  });

  it('refuses a column range that would make the reader build billions of columns', async () => {
    const cols = sheetXml([HEADER], '<cols><col min="1" max="2000000000" width="9"/></cols>');
    const started = Date.now();
    expect(await codeOf(rosterXlsxToCsv(craftWorkbook(cols)))).toBe('ROSTER_IMPORT_INVALID_UPLOAD');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
