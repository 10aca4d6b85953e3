import type { Actor, BaseLevel } from '@app/contracts';
import { AppError } from '@app/errors';
import type { KnownOrganisation } from '../read-model/read-model.repository.js';

/** Whether a region code lies inside an area (`370000` covers `37xxxx`, `370100` covers `3701xx`). */
export function regionContains(area: string, region: string): boolean {
  if (area === '000000') return true;
  if (area.endsWith('0000')) return region.startsWith(area.slice(0, 2));
  if (area.endsWith('00')) return region.startsWith(area.slice(0, 4));
  return region === area;
}

/** The level of base a bureau designates: province → provincial, city → municipal, county → county. */
export function baseLevelOfBureau(bureauLevel: string | null): BaseLevel | null {
  const levels: Record<string, BaseLevel> = {
    province: 'provincial',
    city: 'municipal',
    county: 'county',
  };
  return (bureauLevel && levels[bureauLevel]) || null;
}

/**
 * The one place that decides what an actor may see: a platform admin everything, a bureau
 * admin what lies inside its bureau's area (by region code), base staff their own base,
 * school staff their own school. Outside: 404, as the rest of the suite.
 */
export class StudyToursAccess {
  constructor(
    readonly actor: Actor,
    /** The actor's organisation from the read model (a bureau admin's area comes from it). */
    readonly organisation: KnownOrganisation | null,
  ) {}

  get isPlatformAdmin(): boolean {
    return this.actor.role === 'platform_admin';
  }

  /** The bureau admin's area, or null for anyone else (or a bureau not known yet). */
  get bureauArea(): string | null {
    return this.actor.role === 'bureau_admin' && this.organisation?.kind === 'bureau'
      ? this.organisation.regionCode
      : null;
  }

  /** Whether an admin oversees something in `regionCode`. */
  oversees(regionCode: string): boolean {
    if (this.isPlatformAdmin) return true;
    const area = this.bureauArea;
    return area !== null && regionContains(area, regionCode);
  }

  isBaseStaffOf(baseOrganisationId: string): boolean {
    return this.actor.role === 'venue_staff' && this.actor.organisationId === baseOrganisationId;
  }

  isSchoolStaffOf(schoolId: string): boolean {
    return this.actor.role === 'school_staff' && this.actor.organisationId === schoolId;
  }
}

export const forbidden = (message: string): AppError =>
  new AppError('STUDY_TOUR_ACTION_FORBIDDEN', 'forbidden', message);
