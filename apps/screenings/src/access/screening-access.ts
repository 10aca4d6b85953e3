import type { Actor } from '@app/contracts';
import type { KnownOrganisation } from '../read-model/read-model.repository.js';

/** `370000` covers `37xxxx`, `370100` covers `3701xx`, a county code only itself. */
export function regionPrefix(area: string): string {
  if (area.endsWith('0000')) return area.slice(0, 2);
  if (area.endsWith('00')) return area.slice(0, 4);
  return area;
}

export function regionContains(area: string, region: string): boolean {
  return region.startsWith(regionPrefix(area));
}

/**
 * The one place that decides who reads a school's screenings, bookings and attendance: its
 * own staff, a bureau admin whose region contains the school's (province, city or county),
 * platform admins. `actorOrganisation` is the actor's organisation in the read model.
 */
export function seesSchool(
  actor: Actor,
  school: Pick<KnownOrganisation, 'id' | 'regionCode'>,
  actorOrganisation: KnownOrganisation | null,
): boolean {
  switch (actor.role) {
    case 'platform_admin':
      return true;
    case 'school_staff':
      return actor.organisationId === school.id;
    case 'bureau_admin':
      return (
        actorOrganisation?.kind === 'bureau' &&
        regionContains(actorOrganisation.regionCode, school.regionCode)
      );
    case 'venue_staff':
    case 'career_centre_staff':
    case 'mentor':
    case 'student':
    case 'graduate':
      return false;
  }
}

/** Who schedules screenings, books classes and records attendance: the school's staff, platform admins. */
export function runsSchool(actor: Actor, schoolId: string): boolean {
  return (
    actor.role === 'platform_admin' ||
    (actor.role === 'school_staff' && actor.organisationId === schoolId)
  );
}

/** Who adds films to the catalogue and approves them: bureau admins and platform admins. */
export function curatesFilms(actor: Actor): boolean {
  return actor.role === 'platform_admin' || actor.role === 'bureau_admin';
}

/** The SQL filter of schools an actor sees, for lists: null means every school. */
export type SchoolFilter =
  | { kind: 'all' }
  | { kind: 'school'; schoolId: string }
  | { kind: 'region'; prefix: string }
  | { kind: 'none' };

export function schoolFilterOf(
  actor: Actor,
  actorOrganisation: KnownOrganisation | null,
): SchoolFilter {
  switch (actor.role) {
    case 'platform_admin':
      return { kind: 'all' };
    case 'school_staff':
      return actor.organisationId
        ? { kind: 'school', schoolId: actor.organisationId }
        : { kind: 'none' };
    case 'bureau_admin':
      return actorOrganisation?.kind === 'bureau'
        ? { kind: 'region', prefix: regionPrefix(actorOrganisation.regionCode) }
        : { kind: 'none' };
    case 'venue_staff':
    case 'career_centre_staff':
    case 'mentor':
    case 'student':
    case 'graduate':
      return { kind: 'none' };
  }
}
