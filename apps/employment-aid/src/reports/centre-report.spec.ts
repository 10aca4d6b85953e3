import type { GraduateEntity } from '../graduates/graduate.entity.js';
import type { OutcomeEntity } from '../outcomes/outcome.entity.js';
import { centreReport, median } from './centre-report.js';

const now = new Date('2026-11-28T00:00:00Z');
const graduate = (id: string, lastContactAt: Date | null): GraduateEntity =>
  ({ id, universityId: 'u', lastContactAt, registeredAt: now }) as GraduateEntity;
const outcome = (graduateId: string, kind: OutcomeEntity['kind'], days: number | null) =>
  ({ graduateId, kind, daysToEmployment: days }) as OutcomeEntity;

describe('centreReport', () => {
  it('counts shares of the graduates in need and the median days to employment', () => {
    const report = centreReport({
      universityId: 'u',
      now,
      alertWindowDays: 14,
      graduates: [
        graduate('a', new Date('2026-11-27T00:00:00Z')),
        graduate('b', new Date('2026-11-01T00:00:00Z')),
        graduate('c', null),
        graduate('d', null),
      ],
      assignedGraduateIds: new Set(['a', 'b']),
      verifiedOutcomes: [
        outcome('a', 'employed', 30),
        outcome('b', 'not_yet_employed', null),
        outcome('c', 'further_study', null),
        outcome('d', 'flexible_employment', 10),
      ],
    });
    expect(report).toMatchObject({
      graduatesInNeed: 4,
      assignedShare: 0.5,
      contactedWithinWindow: 1,
      employed: 2,
      employedShare: 0.5,
      medianDaysToEmployment: 20,
    });
  });

  it('takes the latest verified outcome of a graduate', () => {
    const report = centreReport({
      universityId: 'u',
      now,
      alertWindowDays: 14,
      graduates: [graduate('a', null)],
      assignedGraduateIds: new Set(),
      verifiedOutcomes: [outcome('a', 'employed', 5), outcome('a', 'not_yet_employed', null)],
    });
    expect(report.employed).toBe(0);
    expect(median([])).toBeNull();
  });
});
