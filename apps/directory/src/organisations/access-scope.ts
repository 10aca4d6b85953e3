import { Injectable } from '@nestjs/common';
import { ADMIN_ROLES, type Actor } from '@app/contracts';
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
}

export const organisationNotFound = (): AppError =>
  new AppError('ORGANISATION_NOT_FOUND', 'not_found', 'No such organisation');
