import type { OpeningRules } from './opening-day.js';
import { openingOf, slotTimesOf, type DayFacts } from './opening-day.js';
import { weekdayOf } from './local-time.js';

const nine = { opens: '09:00', closes: '17:00' };
const museum: OpeningRules = {
  weeklyHours: { tue: nine, wed: nine, thu: nine, fri: nine, sat: nine, sun: nine },
  extendedHours: { opens: '09:00', closes: '20:00' },
  holidayOnClosedDay: 'open',
};

const day = (date: string, facts: Partial<DayFacts> = {}): DayFacts => ({
  date,
  weekday: weekdayOf(date),
  holidayName: null,
  makeupWorkday: false,
  vacation: null,
  closureReason: null,
  ...facts,
});

describe('openingOf', () => {
  it('keeps a museum closed on an ordinary Monday', () => {
    expect(openingOf(museum, day('2026-12-07'))).toBeNull();
  });

  it('opens a statutory holiday Monday with the extended hours by default', () => {
    expect(openingOf(museum, day('2026-10-05', { holidayName: '国庆节' }))).toEqual({
      opens: '09:00',
      closes: '20:00',
      profile: 'extended',
      reason: 'holiday:国庆节',
    });
  });

  it('keeps a holiday on the closed day closed when the venue chose so', () => {
    const rules = { ...museum, holidayOnClosedDay: 'closed' as const };
    expect(openingOf(rules, day('2026-10-05', { holidayName: '国庆节' }))).toBeNull();
  });

  it('gives a make-up working Saturday the ordinary Saturday hours, even in a vacation', () => {
    expect(
      openingOf(museum, day('2026-09-26', { makeupWorkday: true, vacation: 'summer' })),
    ).toMatchObject({ closes: '17:00', profile: 'ordinary' });
  });

  it('extends the hours during a vacation, but not on the regular closed day', () => {
    expect(openingOf(museum, day('2026-07-15', { vacation: 'summer' }))).toMatchObject({
      closes: '20:00',
      reason: 'vacation:summer',
    });
    expect(openingOf(museum, day('2026-07-13', { vacation: 'summer' }))).toBeNull();
  });

  it('closes on a special closure whatever the day', () => {
    expect(
      openingOf(museum, day('2026-10-01', { holidayName: '国庆节', closureReason: 'works' })),
    ).toBeNull();
  });
});

describe('time', () => {
  it('cuts whole slots from the opening hours', () => {
    expect(slotTimesOf({ opens: '09:00', closes: '20:00' }, 60)).toHaveLength(11);
    expect(slotTimesOf({ opens: '09:00', closes: '10:30' }, 60)).toEqual([
      { opens: '09:00', closes: '10:00' },
    ]);
  });
});
