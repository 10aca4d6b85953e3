import type { MentorSuggestionView, MentorView } from '@app/contracts';

export interface GraduateNeeds {
  major: string;
  industries: string[];
  cities: string[];
}

const normalise = (s: string): string => s.trim().toLowerCase();
const common = (a: string[], b: string[]): string[] => {
  const wanted = new Set(b.map(normalise));
  return a.filter((x) => wanted.has(normalise(x)));
};

/**
 * Fit of a mentor for a graduate: industries in common weigh 3 each, the major 2, cities 1
 * each; a free mentor gains up to 2 (the share of places left). Full mentors are left out.
 */
export function rankMentors(needs: GraduateNeeds, mentors: MentorView[]): MentorSuggestionView[] {
  return mentors
    .filter((m) => m.activeMentees < m.capacity)
    .map((mentor) => {
      const reasons: string[] = [];
      const industries = common(mentor.industries, needs.industries);
      const major = common(mentor.majors, [needs.major]).length > 0;
      const cities = common(mentor.cities, needs.cities);
      if (industries.length) reasons.push(`knows the industries wanted: ${industries.join(', ')}`);
      if (major) reasons.push(`knows the major: ${needs.major}`);
      if (cities.length) reasons.push(`works in the cities wanted: ${cities.join(', ')}`);
      const free = (mentor.capacity - mentor.activeMentees) / mentor.capacity;
      reasons.push(`${mentor.activeMentees} of ${mentor.capacity} places taken`);
      const score = industries.length * 3 + (major ? 2 : 0) + cities.length + 2 * free;
      return { mentor, score: Math.round(score * 100) / 100, reasons };
    })
    .sort((a, b) => b.score - a.score || a.mentor.activeMentees - b.mentor.activeMentees);
}
