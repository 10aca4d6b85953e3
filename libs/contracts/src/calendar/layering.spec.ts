import { holidaysByDate, layeredRecords, periodsBySchoolYear } from './layering.js';

const entry = (areaCode: string, date: string, kind = 'holiday', name = '国庆节') => ({
  areaCode,
  date,
  kind,
  name,
});
const term = (areaCode: string, schoolYear: string, no: number, startsOn: string) => ({
  areaCode,
  schoolYear,
  no,
  startsOn,
});

/** The national 2026 National Day week with its make-up Saturday, entered at `000000`. */
const NATIONAL = [
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => entry('000000', `2026-10-${d}`)),
  entry('000000', '2026-10-10', 'makeup_workday'),
];

describe('holidaysByDate (per-date layering)', () => {
  it('lets a date without a row of the area fall through to the nation', () => {
    const days = holidaysByDate('370102', NATIONAL);
    expect(days.get('2026-10-03')).toMatchObject({ areaCode: '000000', kind: 'holiday' });
    expect(days.get('2026-10-10')).toMatchObject({ areaCode: '000000', kind: 'makeup_workday' });
    expect(days.has('2026-10-09')).toBe(false);
  });

  it('adds a province’s own holiday and overrides only the dates the province has rows for', () => {
    const days = holidaysByDate('370102', [
      ...NATIONAL,
      entry('370000', '2026-10-08', 'holiday', '省定假日'),
      entry('370000', '2026-10-10', 'holiday', '省内调整'),
    ]);
    expect(days.get('2026-10-08')).toMatchObject({ areaCode: '370000', name: '省定假日' });
    expect(days.get('2026-10-10')).toMatchObject({ areaCode: '370000', kind: 'holiday' });
    // The province's rows shadow nothing else: the national week still applies.
    expect(days.get('2026-10-01')).toMatchObject({ areaCode: '000000' });
    expect([...days.keys()].sort()).toHaveLength(9);
  });

  it('takes the nearest of district, city, province and nation for each date', () => {
    const days = holidaysByDate('370102', [
      entry('000000', '2026-10-01', 'holiday', 'nation'),
      entry('370000', '2026-10-01', 'holiday', 'province'),
      entry('370100', '2026-10-01', 'holiday', 'city'),
      entry('370000', '2026-10-02', 'holiday', 'province'),
      entry('000000', '2026-10-02', 'holiday', 'nation'),
      entry('370102', '2026-10-03', 'holiday', 'district'),
      entry('000000', '2026-10-03', 'holiday', 'nation'),
    ]);
    expect(days.get('2026-10-01')?.name).toBe('city');
    expect(days.get('2026-10-02')?.name).toBe('province');
    expect(days.get('2026-10-03')?.name).toBe('district');
  });

  it('ignores the rows of areas that do not enclose the area asked about', () => {
    const days = holidaysByDate('370102', [
      entry('520000', '2026-10-08', 'holiday', '贵州'),
      entry('370200', '2026-10-08', 'holiday', '青岛'),
      entry('370103', '2026-10-09', 'holiday', '市中区'),
    ]);
    expect(days.size).toBe(0);
  });
});

describe('periodsBySchoolYear (per-school-year layering)', () => {
  it('takes all terms of a school year from the nearest area that defines any, never a mix', () => {
    const terms = periodsBySchoolYear('370102', [
      term('370000', '2026-2027', 1, '2026-09-01'),
      term('370000', '2026-2027', 2, '2027-02-22'),
      // The city sets only its first term: the province's second term does not join it.
      term('370100', '2026-2027', 1, '2026-08-31'),
      term('000000', '2025-2026', 1, '2025-09-01'),
      term('370000', '2025-2026', 1, '2025-09-01'),
      term('370000', '2025-2026', 2, '2026-03-02'),
      term('000000', '2027-2028', 1, '2027-09-01'),
    ]);
    expect(terms.filter((t) => t.schoolYear === '2026-2027')).toEqual([
      term('370100', '2026-2027', 1, '2026-08-31'),
    ]);
    expect(terms.filter((t) => t.schoolYear === '2025-2026').map((t) => t.areaCode)).toEqual([
      '370000',
      '370000',
    ]);
    expect(terms.filter((t) => t.schoolYear === '2027-2028')).toEqual([
      term('000000', '2027-2028', 1, '2027-09-01'),
    ]);
  });
});

describe('layeredRecords', () => {
  it('keeps the order of its input', () => {
    const records = [entry('000000', '2026-10-02'), entry('000000', '2026-10-01')];
    expect(layeredRecords('370000', records, (r) => r.date)).toEqual(records);
  });
});
