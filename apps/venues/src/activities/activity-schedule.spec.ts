import { gradesMaskOf, gradesOf, scheduleOf } from './activity-schedule.js';

describe('activity schedule', () => {
  const now = new Date('2026-11-28T02:00:00Z'); // 10:00 in Shanghai

  it('turns a Shanghai date and times into UTC instants', () => {
    expect(scheduleOf('2026-12-05', '14:00', '15:30', now)).toEqual({
      date: '2026-12-05',
      startsAt: new Date('2026-12-05T06:00:00Z'),
      endsAt: new Date('2026-12-05T07:30:00Z'),
    });
  });

  it('refuses an end before the start, a past start, too long, and too far ahead', () => {
    expect(scheduleOf('2026-12-05', '15:00', '14:00', now)).toMatchObject({ field: 'endTime' });
    expect(scheduleOf('2026-11-28', '09:59', '11:00', now)).toMatchObject({
      field: 'date',
      problem: 'must be in the future',
    });
    expect(scheduleOf('2026-12-05', '08:00', '20:01', now)).toMatchObject({ field: 'endTime' });
    expect(scheduleOf('2027-12-01', '09:00', '10:00', now)).toMatchObject({ field: 'date' });
  });

  it('keeps grades as a mask and reads them back in order', () => {
    const mask = gradesMaskOf([9, 1, 12, 4]);
    expect(mask & (1 << 4)).not.toBe(0);
    expect(mask & (1 << 5)).toBe(0);
    expect(gradesOf(mask)).toEqual([1, 4, 9, 12]);
  });
});
