import type { Actor } from '@app/contracts';
import type { KnownOrganisation } from '../read-model/read-model.repository.js';
import { regionContains, runsSchool, schoolFilterOf, seesSchool } from './screening-access.js';

const school = { id: 'school-lixia', regionCode: '370102' };
const bureau = (regionCode: string): KnownOrganisation => ({
  id: `bureau-${regionCode}`,
  kind: 'bureau',
  name: regionCode,
  regionCode,
  parentId: null,
});
const actor = (role: Actor['role'], organisationId: string | null): Actor => ({
  accountId: 'a',
  role,
  organisationId,
});

describe('screening access', () => {
  it('lets province, city and county bureaus above the school see it, and no other county', () => {
    for (const area of ['370000', '370100', '370102']) {
      expect(seesSchool(actor('bureau_admin', `bureau-${area}`), school, bureau(area))).toBe(true);
    }
    expect(seesSchool(actor('bureau_admin', 'bureau-370112'), school, bureau('370112'))).toBe(
      false,
    );
    expect(regionContains('370100', '370202')).toBe(false);
  });

  it('lets a school’s staff see and run only their own school; bureaus only read', () => {
    expect(seesSchool(actor('school_staff', 'school-lixia'), school, null)).toBe(true);
    expect(seesSchool(actor('school_staff', 'school-other'), school, null)).toBe(false);
    expect(runsSchool(actor('school_staff', 'school-lixia'), school.id)).toBe(true);
    expect(runsSchool(actor('bureau_admin', 'bureau-370102'), school.id)).toBe(false);
    expect(seesSchool(actor('student', 'school-lixia'), school, null)).toBe(false);
  });

  it('turns the actor into the filter of lists', () => {
    expect(schoolFilterOf(actor('platform_admin', null), null)).toEqual({ kind: 'all' });
    expect(schoolFilterOf(actor('bureau_admin', 'b'), bureau('370100'))).toEqual({
      kind: 'region',
      prefix: '3701',
    });
    expect(schoolFilterOf(actor('school_staff', 'school-lixia'), null)).toEqual({
      kind: 'school',
      schoolId: 'school-lixia',
    });
    expect(schoolFilterOf(actor('venue_staff', 'v'), null)).toEqual({ kind: 'none' });
  });
});
