import { Injectable } from '@nestjs/common';
import { ADMIN_ROLES, type Actor, type BureauLevel } from '@app/contracts';
import { AppError } from '@app/errors';
import type { OrganisationEntity } from './organisation.entity.js';
import { OrganisationsRepository } from './organisations.repository.js';

/**
 * What part of the organisation tree an actor may act in:
 * - a platform admin: everything (`pathPrefix` undefined);
 * - a bureau admin: its bureau's subtree;
 * - anyone else: their own organisation only.
 */
export interface Scope {
  pathPrefix: string | undefined;
  /** The actor's own organisation (null for a platform admin without one). */
  organisation: OrganisationEntity | null;
  isAdmin: boolean;
}

/**
 * Which areas (administrative region codes) an actor manages data of, such as the calendar:
 * every area for a platform admin (`regionCode` undefined), else the areas its bureau's
 * region code covers (see regionCovers).
 */
export interface AreaScope {
  regionCode: string | undefined;
}

/**
 * True when a bureau of `regionCode` governs `areaCode`: a province bureau (`370000`) every
 * `37xxxx`, a city bureau (`370100`) every `3701xx`, a county bureau (`370102`) exactly its code.
 */
export function regionCovers(regionCode: string, areaCode: string): boolean {
  if (regionCode.endsWith('0000')) return areaCode.startsWith(regionCode.slice(0, 2));
  if (regionCode.endsWith('00')) return areaCode.startsWith(regionCode.slice(0, 4));
  return areaCode === regionCode;
}

/**
 * The level of a 6-digit GB/T 2260 region code: `PP0000` a province, `PPCC00` a city,
 * `PPCCDD` a county; null for a code that is none of them (`00xxxx`).
 */
export function regionLevelOf(regionCode: string): BureauLevel | null {
  if (!/^\d{6}$/.test(regionCode) || regionCode.startsWith('00')) return null;
  if (regionCode.endsWith('0000')) return 'province';
  if (regionCode.endsWith('00')) return 'city';
  return 'county';
}

/**
 * The one place that decides whether an actor may see or change something of an
 * organisation. Outside the scope, things do not exist for the actor: callers answer 404,
 * not 403, so that nobody learns what other organisations hold.
 */
@Injectable()
export class AccessScope {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async scopeOf(actor: Actor): Promise<Scope> {
    if (actor.role === 'platform_admin') {
      const organisation = actor.organisationId
        ? await this.organisations.findById(actor.organisationId)
        : null;
      return { pathPrefix: undefined, organisation, isAdmin: true };
    }
    const organisation = actor.organisationId
      ? await this.organisations.findById(actor.organisationId)
      : null;
    if (!organisation) {
      throw new AppError('FORBIDDEN', 'forbidden', 'Your account belongs to no organisation');
    }
    const isAdmin = ADMIN_ROLES.includes(actor.role);
    // A bureau admin's scope is its subtree; everyone else's is their organisation alone,
    // which the path prefix with an exact-match check expresses (see contains()).
    return { pathPrefix: organisation.path, organisation, isAdmin };
  }

  /** True when the organisation lies inside the scope. */
  contains(scope: Scope, organisation: Pick<OrganisationEntity, 'id' | 'path'>): boolean {
    if (scope.pathPrefix === undefined) return true;
    if (scope.isAdmin) return organisation.path.startsWith(scope.pathPrefix);
    return organisation.id === scope.organisation?.id;
  }

  /**
   * The organisation, if the actor may see it; otherwise `notFound()` is thrown (404), the
   * same as for an organisation that does not exist.
   */
  async organisationInScope(
    actor: Actor,
    organisationId: string,
    notFound: () => AppError = organisationNotFound,
  ): Promise<OrganisationEntity> {
    const [scope, organisation] = await Promise.all([
      this.scopeOf(actor),
      this.organisations.findById(organisationId),
    ]);
    if (!organisation || !this.contains(scope, organisation)) throw notFound();
    return organisation;
  }

  /** Like organisationInScope, and the actor must be an admin of that part of the tree (else 403). */
  async administeredOrganisation(
    actor: Actor,
    organisationId: string,
  ): Promise<OrganisationEntity> {
    const organisation = await this.organisationInScope(actor, organisationId);
    if (!ADMIN_ROLES.includes(actor.role)) {
      throw new AppError(
        'FORBIDDEN',
        'forbidden',
        'Only an administrator of this organisation may do this',
      );
    }
    return organisation;
  }

  /** The path prefix to filter lists by: a subtree for admins, the organisation itself for others. */
  async listFilter(actor: Actor): Promise<{ pathPrefix?: string; organisationId?: string }> {
    const scope = await this.scopeOf(actor);
    if (scope.pathPrefix === undefined) return {};
    return scope.isAdmin
      ? { pathPrefix: scope.pathPrefix }
      : { organisationId: scope.organisation!.id };
  }

  /**
   * The areas whose data the actor manages. Data about areas (calendars) is public to every
   * signed-in user, so refusing a write is a 403, not a 404: there is nothing to hide.
   * Throws 403 for an actor who manages no area at all (anyone but a platform admin or the
   * admin of a bureau).
   */
  async areaScopeOf(actor: Actor): Promise<AreaScope> {
    if (actor.role === 'platform_admin') return { regionCode: undefined };
    if (actor.role === 'bureau_admin' && actor.organisationId) {
      const bureau = await this.organisations.findById(actor.organisationId);
      if (bureau?.kind === 'bureau') return { regionCode: bureau.regionCode };
    }
    throw new AppError(
      'FORBIDDEN',
      'forbidden',
      'Only a platform admin or a bureau admin manages the data of an area',
    );
  }

  /** Throws 403 unless the area lies inside the scope. */
  assertCoversArea(scope: AreaScope, areaCode: string): void {
    if (scope.regionCode === undefined || regionCovers(scope.regionCode, areaCode)) return;
    throw new AppError(
      'FORBIDDEN',
      'forbidden',
      `Your bureau (${scope.regionCode}) does not manage area ${areaCode}`,
      { areaCode },
    );
  }

  /** areaScopeOf and assertCoversArea at once: 403 unless the actor manages this area. */
  async administeredArea(actor: Actor, areaCode: string): Promise<AreaScope> {
    const scope = await this.areaScopeOf(actor);
    this.assertCoversArea(scope, areaCode);
    return scope;
  }
  // ---- Roster (classes, students, imports): the roster feature's rules, in one block ----

  /** Roles that keep or read school rosters; anyone else is refused whatever they ask for. */
  private static readonly ROSTER_READERS: readonly Actor['role'][] = [
    'platform_admin',
    'bureau_admin',
    'school_staff',
  ];

  /**
   * A school whose roster the actor may read: staff their own school, a bureau admin the
   * schools of its subtree, a platform admin every school; `notFound()` for anything else
   * (403 first for roles that never read rosters, which tells nothing about any school).
   */
  async rosterSchoolToRead(
    actor: Actor,
    schoolId: string,
    notFound: () => AppError,
  ): Promise<OrganisationEntity> {
    if (!AccessScope.ROSTER_READERS.includes(actor.role)) {
      throw new AppError(
        'FORBIDDEN',
        'forbidden',
        'Your role does not keep or read school rosters',
      );
    }
    const school = await this.organisationInScope(actor, schoolId, notFound);
    if (school.kind !== 'school') throw notFound();
    return school;
  }

  /**
   * A school whose roster the actor may change (classes, enrolment, moves, withdrawals,
   * imports): its own staff only. Admins read rosters in their scope but do not edit them
   * (403); outside the scope it is `notFound()`.
   */
  async rosterSchoolToChange(
    actor: Actor,
    schoolId: string,
    notFound: () => AppError,
  ): Promise<OrganisationEntity> {
    const school = await this.rosterSchoolToRead(actor, schoolId, notFound);
    if (actor.role !== 'school_staff') {
      throw new AppError('FORBIDDEN', 'forbidden', "Only the school's own staff change its roster");
    }
    return school;
  }

  /** What a roster list may show: one school, the schools of a subtree, or every school. */
  async rosterListFilter(
    actor: Actor,
    schoolId: string | undefined,
    notFound: () => AppError,
  ): Promise<{ schoolId?: string; pathPrefix?: string }> {
    if (schoolId) {
      await this.rosterSchoolToRead(actor, schoolId, notFound);
      return { schoolId };
    }
    if (!AccessScope.ROSTER_READERS.includes(actor.role)) {
      throw new AppError(
        'FORBIDDEN',
        'forbidden',
        'Your role does not keep or read school rosters',
      );
    }
    const filter = await this.listFilter(actor);
    return filter.organisationId
      ? { schoolId: filter.organisationId }
      : { pathPrefix: filter.pathPrefix };
  }

  /** Full sensitive fields (national ID) only for staff of the student's own school. */
  readsSensitiveFieldsOf(actor: Actor, schoolId: string): boolean {
    return actor.role === 'school_staff' && actor.organisationId === schoolId;
  }

  /**
   * Where the actor may transfer a student of `from` to. Staff of the sending school: a
   * school under the same county bureau (the nearest county bureau above the sending school,
   * or its parent bureau where there is no county level). Bureau and platform admins: a
   * school inside their scope. Anything else is `notFound()`.
   */
  async rosterTransferDestination(
    actor: Actor,
    from: OrganisationEntity,
    toSchoolId: string,
    notFound: () => AppError,
  ): Promise<OrganisationEntity> {
    if (ADMIN_ROLES.includes(actor.role)) {
      return this.rosterSchoolToRead(actor, toSchoolId, notFound);
    }
    const [to, area] = await Promise.all([
      this.organisations.findById(toSchoolId),
      this.countyBureauAbove(from),
    ]);
    if (!to || to.kind !== 'school' || !area || !to.path.startsWith(area.path)) throw notFound();
    return to;
  }

  private async countyBureauAbove(
    organisation: Pick<OrganisationEntity, 'path'>,
  ): Promise<OrganisationEntity | null> {
    const ancestorIds = organisation.path.split('/').filter(Boolean).slice(0, -1);
    const ancestors = new Map(
      (await this.organisations.findByIds(ancestorIds)).map((o) => [o.id, o] as const),
    );
    const bureausNearestFirst = ancestorIds
      .map((id) => ancestors.get(id))
      .filter((o): o is OrganisationEntity => o?.kind === 'bureau')
      .reverse();
    return bureausNearestFirst.find((b) => b.level === 'county') ?? bureausNearestFirst[0] ?? null;
  }
}

export const organisationNotFound = (): AppError =>
  new AppError('ORGANISATION_NOT_FOUND', 'not_found', 'No such organisation');
