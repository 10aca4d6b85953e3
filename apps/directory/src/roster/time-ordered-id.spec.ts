import { isUUID } from 'class-validator';
import { timeOrderedUuid } from './time-ordered-id.js';

describe('timeOrderedUuid', () => {
  it('makes version 7 UUIDs that sort by the millisecond they were made in', () => {
    const earlier = timeOrderedUuid(Date.UTC(2026, 10, 28, 12, 0, 0, 0));
    const later = timeOrderedUuid(Date.UTC(2026, 10, 28, 12, 0, 0, 1));
    expect(earlier).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(isUUID(earlier)).toBe(true);
    expect(earlier < later).toBe(true);
    expect(timeOrderedUuid()).not.toBe(timeOrderedUuid());
  });
});
