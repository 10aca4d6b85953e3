import { decisionDeadline } from './decision-deadline.js';

describe('decisionDeadline', () => {
  const submitted = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai

  it('is DECISION_HOURS after submission when the visit is far off', () => {
    expect(decisionDeadline(submitted, '2026-04-01', 72, 3).toISOString()).toBe(
      '2026-03-04T02:00:00.000Z',
    );
  });

  it('is N days before the visit (00:00 Asia/Shanghai) when that comes first', () => {
    // Visit on 03-05: three days before is 03-02 00:00 Shanghai = 03-01 16:00 UTC.
    expect(decisionDeadline(submitted, '2026-03-05', 72, 3).toISOString()).toBe(
      '2026-03-01T16:00:00.000Z',
    );
  });

  it('gives a booking submitted after the cut-off until the visit begins at most', () => {
    // Visit on 03-03 (cut-off 02-28, already past): the visit starts 03-02 16:00 UTC.
    expect(decisionDeadline(submitted, '2026-03-03', 72, 3).toISOString()).toBe(
      '2026-03-02T16:00:00.000Z',
    );
    expect(decisionDeadline(submitted, '2026-03-03', 4, 3).toISOString()).toBe(
      '2026-03-01T06:00:00.000Z',
    );
  });
});
