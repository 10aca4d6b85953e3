import type { Actor } from '@app/contracts';

/**
 * The one place that decides who manages a venue: its own staff, a platform admin, or a
 * bureau admin whose region contains the venue's (`370000` covers `37xxxx`). A bureau
 * admin's region is that of its organisation in the read model.
 */
export function managesVenue(
  actor: Actor,
  venue: { organisationId: string; regionCode: string },
  actorRegionCode: string | null,
): boolean {
  switch (actor.role) {
    case 'platform_admin':
      return true;
    case 'venue_staff':
      return actor.organisationId === venue.organisationId;
    case 'bureau_admin':
      return actorRegionCode !== null && regionContains(actorRegionCode, venue.regionCode);
    case 'school_staff':
    case 'career_centre_staff':
    case 'mentor':
    case 'student':
    case 'graduate':
      return false;
  }
}

/**
 * Whether a region lies inside an area: `PP0000` ⊃ `PPCC00` ⊃ `PPCCDD` (`000000`: the whole
 * country).
 */
export function regionContains(area: string, region: string): boolean {
  if (area === '000000') return true;
  if (area.endsWith('0000')) return region.startsWith(area.slice(0, 2));
  if (area.endsWith('00')) return region.startsWith(area.slice(0, 4));
  return region === area;
}
