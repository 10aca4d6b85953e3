import type { QuotaRuleView } from '@app/contracts';
import { standingOf } from './reports.repository.js';

const rule = (minimum: number | null, maximum: number | null): QuotaRuleView => ({
  id: 'a0a0a0a0-0000-4000-8000-000000000001',
  name: 'rule',
  kind: 'film',
  period: 'term',
  minimum,
  maximum,
  stages: [],
  minGrade: 1,
  maxGrade: 12,
  areaCode: '000000',
  isDefault: true,
  createdAt: '2026-11-28T00:00:00.000Z',
});

describe('standingOf', () => {
  it('is met at the minimum, on track when bookings reach it, short otherwise with what is missing', () => {
    expect(standingOf(rule(2, null), 2, 0)).toEqual({ standing: 'met', missing: 0 });
    expect(standingOf(rule(2, null), 1, 1)).toEqual({ standing: 'on_track', missing: 0 });
    expect(standingOf(rule(2, null), 0, 1)).toEqual({ standing: 'short', missing: 1 });
    expect(standingOf(rule(2, null), 0, 0)).toEqual({ standing: 'short', missing: 2 });
  });

  it('is over above a maximum, and met under a maximum-only rule', () => {
    expect(standingOf(rule(1, 1), 2, 0)).toEqual({ standing: 'over', missing: 0 });
    expect(standingOf(rule(null, 3), 0, 0)).toEqual({ standing: 'met', missing: 0 });
  });
});
