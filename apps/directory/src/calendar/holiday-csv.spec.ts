import { parseHolidayCsv } from './holiday-csv.js';

describe('parseHolidayCsv', () => {
  it('reads a file with a byte-order mark, CRLF line ends, quotes and blank lines', () => {
    const csv =
      '\uFEFFdate,kind,name\r\n2026-10-01,holiday,国庆节\r\n\r\n"2026-10-10",makeup_workday,"国庆节"\r\n2026-09-20,makeup_workday,\r\n';
    expect(parseHolidayCsv(csv)).toEqual({
      errors: [],
      rows: [
        { line: 2, date: '2026-10-01', kind: 'holiday', name: '国庆节' },
        { line: 4, date: '2026-10-10', kind: 'makeup_workday', name: '国庆节' },
        { line: 5, date: '2026-09-20', kind: 'makeup_workday', name: null },
      ],
    });
  });

  it('reports every bad row with its line and reason', () => {
    const csv = [
      'date,kind,name',
      '2026-10-01,holiday,国庆节',
      '2026-02-30,holiday,春节',
      '2026-10-02,vacation,国庆节',
      '2026-10-03,holiday,',
      '2026-10-09,makeup_workday,国庆节',
      '2026-10-01,holiday,国庆节',
      '2026-10-04,holiday',
      '"2026-10-05,holiday,国庆节',
    ].join('\n');
    const { errors } = parseHolidayCsv(csv);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(errors[0].reason).toMatch(/date must be a date written YYYY-MM-DD/);
    expect(errors[1].reason).toMatch(/kind must be one of/);
    expect(errors[2].reason).toMatch(/name is required for a holiday/);
    expect(errors[3].reason).toMatch(/Saturday or Sunday/);
    expect(errors[4].reason).toBe('date 2026-10-01 is already on line 2');
    expect(errors[5].reason).toMatch(/expected 3 cells/);
    expect(errors[6].reason).toMatch(/quoted cell is not closed/);
  });

  it('refuses a wrong header and a file without rows', () => {
    expect(parseHolidayCsv('day,kind,name\n2026-10-01,holiday,国庆节').errors).toEqual([
      { line: 1, reason: 'the header must be date,kind,name' },
    ]);
    expect(parseHolidayCsv('date,kind,name\n\n').errors).toEqual([
      { line: 1, reason: 'the file has a header but no rows' },
    ]);
  });
});
