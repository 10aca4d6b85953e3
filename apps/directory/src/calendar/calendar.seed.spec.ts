import { DEMO_HOLIDAYS_CSV } from './calendar.seed.js';
import { parseHolidayCsv } from './holiday-csv.js';

describe('the demo calendar', () => {
  it('is a valid import file: every make-up day a weekend, every holiday named', () => {
    const { rows, errors } = parseHolidayCsv(DEMO_HOLIDAYS_CSV);
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
});
