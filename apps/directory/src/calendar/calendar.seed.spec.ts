import { DEMO_SCHOOL_YEARS, NATIONAL_HOLIDAYS_2026_CSV } from './calendar.seed.js';
import { parseHolidayCsv } from './holiday-csv.js';

describe('the demo calendar', () => {
  it('holds the 2026 national list as a valid import file: every make-up day a weekend, every holiday named', () => {
    const { rows, errors } = parseHolidayCsv(NATIONAL_HOLIDAYS_2026_CSV);
    expect(errors).toEqual([]);
    expect(rows.filter((r) => r.date.startsWith('2026-10') && r.kind === 'holiday')).toHaveLength(
      7,
    );
    expect(rows.filter((r) => r.kind === 'makeup_workday').map((r) => r.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('guesses no 2027 holidays: that notice is not out', () => {
    expect(NATIONAL_HOLIDAYS_2026_CSV).not.toContain('2027-');
  });

  it('gives each demo school year two terms and two vacations that do not overlap', () => {
    expect(DEMO_SCHOOL_YEARS.map((y) => y.schoolYear)).toEqual(['2025-2026', '2026-2027']);
    for (const { schoolYear, terms, vacations } of DEMO_SCHOOL_YEARS) {
      const periods = [...terms, ...vacations].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      expect(periods.map((p) => p.startsOn <= p.endsOn)).not.toContain(false);
      for (let i = 1; i < periods.length; i += 1) {
        expect(periods[i - 1].endsOn < periods[i].startsOn).toBe(true);
      }
      expect(periods[0].startsOn.slice(0, 4)).toBe(schoolYear.slice(0, 4));
    }
  });
});
