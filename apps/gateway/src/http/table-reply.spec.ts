import ExcelJS from 'exceljs';
import { column, tableCsv, tableSection, tableXlsx, type Table } from './table-reply.js';

interface Person {
  name: string;
  count: number;
  share: number | null;
}

const COLUMNS = [
  column<Person>('name', '姓名', (p) => p.name),
  column<Person>('count', '次数', (p) => p.count),
  column<Person>('share', '比例', (p) => p.share),
];

const table = (people: Person[]): Table => ({
  filename: 'people',
  sheetName: '名单',
  sections: [
    tableSection([column<string>('title', '标题', (t) => t)], ['汇总']),
    tableSection(COLUMNS, people),
  ],
});

const readXlsx = async (file: Buffer): Promise<ExcelJS.Worksheet[]> => {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its Buffer as an ArrayBuffer; it reads Node buffers.
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets;
};

describe('table reply', () => {
  const people: Person[] = [
    { name: '=HYPERLINK("http://x","点我")', count: 3, share: 0.5 },
    { name: '李明', count: -2, share: null },
  ];

  it('writes CSV with the English headers, sections a blank line apart', () => {
    expect(tableCsv(table(people)).split('\r\n')).toEqual([
      '\uFEFFtitle',
      '汇总',
      '',
      'name,count,share',
      `"'=HYPERLINK(""http://x"",""点我"")",3,0.5`,
      '李明,-2,',
      '',
    ]);
  });

  it('writes one worksheet with the Chinese titles, numbers as numbers, formulas as text', async () => {
    const sheets = await readXlsx(await tableXlsx(table(people)));
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0];
    expect(sheet.name).toBe('名单');
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['标题']);
    expect(values(2)).toEqual(['汇总']);
    expect(values(3)).toEqual([]);
    expect(values(4)).toEqual(['姓名', '次数', '比例']);
    expect(values(5)).toEqual([`'=HYPERLINK("http://x","点我")`, 3, 0.5]);
    expect(values(6)).toEqual(['李明', -2]);
    for (const row of [5, 6]) {
      expect(sheet.getRow(row).getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getRow(row).getCell(1).formula).toBeUndefined();
      expect(sheet.getRow(row).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    }
  });
});
