import type { Actor } from '@app/contracts';
import { managesVenue, regionContains } from './venue-access.js';

const actor = (role: Actor['role'], organisationId: string | null = 'org-1'): Actor => ({
  accountId: 'account-1',
  role,
  organisationId,
});

describe('regionContains', () => {
  it('nests a province, its cities and their districts, and the country around them all', () => {
    expect(regionContains('370000', '370102')).toBe(true);
    expect(regionContains('370100', '370102')).toBe(true);
    expect(regionContains('370100', '370100')).toBe(true);
    expect(regionContains('370102', '370102')).toBe(true);
    expect(regionContains('000000', '370102')).toBe(true);
    expect(regionContains('370100', '370202')).toBe(false);
    expect(regionContains('370102', '370112')).toBe(false);
    expect(regionContains('370102', '370100')).toBe(false);
    expect(regionContains('370000', '410102')).toBe(false);
  });
});

describe('managesVenue', () => {
  const venue = { organisationId: 'org-1', regionCode: '370193' };

  it("lets a venue's own staff, platform admins and bureau admins of its area manage it", () => {
    expect(managesVenue(actor('venue_staff'), venue, null)).toBe(true);
    expect(managesVenue(actor('platform_admin', null), venue, null)).toBe(true);
    expect(managesVenue(actor('bureau_admin', 'bureau'), venue, '370100')).toBe(true);
    expect(managesVenue(actor('bureau_admin', 'bureau'), venue, '370193')).toBe(true);
  });

  it('keeps out other venues, other districts, unknown bureaus and roles that never manage venues', () => {
    expect(managesVenue(actor('venue_staff', 'org-2'), venue, null)).toBe(false);
    expect(managesVenue(actor('bureau_admin', 'bureau'), venue, '370194')).toBe(false);
    expect(managesVenue(actor('bureau_admin', 'bureau'), venue, null)).toBe(false);
    expect(managesVenue(actor('school_staff'), venue, null)).toBe(false);
    expect(managesVenue(actor('student'), venue, null)).toBe(false);
  });
});
