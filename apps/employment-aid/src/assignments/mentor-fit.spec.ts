import type { MentorView } from '@app/contracts';
import { rankMentors } from './mentor-fit.js';

const mentor = (over: Partial<MentorView>): MentorView => ({
  id: 'm',
  universityId: 'u',
  accountId: 'a',
  displayName: 'M',
  kind: 'teacher',
  industries: [],
  majors: [],
  cities: [],
  capacity: 5,
  activeMentees: 0,
  availability: null,
  sharedContact: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('rankMentors', () => {
  const needs = { major: '计算机科学', industries: ['IT'], cities: ['济南'] };

  it('puts the best fit first and says why', () => {
    const [first, second] = rankMentors(needs, [
      mentor({ id: 'far' }),
      mentor({ id: 'near', industries: ['it'], majors: ['计算机科学'], cities: ['济南'] }),
    ]);
    expect(first.mentor.id).toBe('near');
    expect(first.reasons.join(' ')).toContain('计算机科学');
    expect(second.mentor.id).toBe('far');
  });

  it('prefers the less loaded of equal fits and leaves full mentors out', () => {
    const ranked = rankMentors(needs, [
      mentor({ id: 'busy', activeMentees: 4 }),
      mentor({ id: 'free', activeMentees: 1 }),
      mentor({ id: 'full', activeMentees: 5 }),
    ]);
    expect(ranked.map((r) => r.mentor.id)).toEqual(['free', 'busy']);
  });
});
