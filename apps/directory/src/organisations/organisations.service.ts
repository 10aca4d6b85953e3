import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Topics,
  type Actor,
  type CreateOrganisationCommand,
  type ListOrganisationsQuery,
  type OrganisationView,
  type Page,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { AccessScope, regionCovers, regionLevelOf } from './access-scope.js';
import { OrganisationEntity } from './organisation.entity.js';
import {
  invalidHierarchy,
  parentNotFound,
  regionLevelMismatch,
  regionOutsideParent,
} from './organisations.errors.js';
import { OrganisationsRepository } from './organisations.repository.js';

const LEVEL_RANK = { province: 0, city: 1, county: 2 } as const;

export function toOrganisationView(o: OrganisationEntity): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    parentId: o.parentId,
    regionCode: o.regionCode,
    level: o.level,
    stage: o.stage,
    operator: o.operator,
    careerCentreName: o.careerCentreName,
    createdAt: o.createdAt.toISOString(),
  };
}

/**
 * What an organisation's region code must satisfy, since scopes by area (calendars, quotas,
 * films, study-tour bases) trust it: a bureau's code is of its own level, and every child's
 * region lies inside its parent's. Without this a city bureau could create a "county" bureau
 * with its province's code, and an admin of it would manage the whole province's areas.
 */
export function assertRegionFits(
  child: Pick<CreateOrganisationCommand, 'kind' | 'regionCode' | 'level'>,
  parent: Pick<OrganisationEntity, 'regionCode'> | null,
): void {
  if (parent && !regionCovers(parent.regionCode, child.regionCode)) {
    throw regionOutsideParent(child.regionCode, parent.regionCode);
  }
  if (child.kind === 'bureau' && child.level) {
    const codeLevel = regionLevelOf(child.regionCode);
    if (codeLevel !== child.level)
      throw regionLevelMismatch(child.regionCode, child.level, codeLevel);
  }
}

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly scope: AccessScope,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async create(command: CreateOrganisationCommand): Promise<OrganisationView> {
    const { actor } = command;
    if (actor.role !== 'platform_admin' && actor.role !== 'bureau_admin') {
      throw new AppError('FORBIDDEN', 'forbidden', 'Only administrators create organisations');
    }
    let parent: OrganisationEntity | null = null;
    if (command.parentId) {
      parent = await this.scope
        .administeredOrganisation(actor, command.parentId)
        .catch((error: unknown) => {
          throw error instanceof AppError && error.kind === 'not_found' ? parentNotFound() : error;
        });
      if (parent.kind !== 'bureau')
        throw invalidHierarchy('Organisations are created under a bureau');
    } else {
      if (actor.role !== 'platform_admin')
        throw invalidHierarchy('Only a platform admin creates a top-level bureau');
      if (command.kind !== 'bureau' || command.level !== 'province') {
        throw invalidHierarchy('A top-level organisation is a province bureau');
      }
    }
    if (command.kind === 'bureau' && parent?.level && command.level) {
      if (LEVEL_RANK[command.level] <= LEVEL_RANK[parent.level]) {
        throw invalidHierarchy(
          `A ${command.level} bureau cannot sit under a ${parent.level} bureau`,
        );
      }
    }
    assertRegionFits(command, parent);
    const id = randomUUID();
    const organisation: OrganisationEntity = {
      id,
      kind: command.kind,
      name: command.name,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      regionCode: command.regionCode,
      level: command.kind === 'bureau' ? (command.level ?? null) : null,
      stage: command.kind === 'school' ? (command.stage ?? null) : null,
      operator: command.kind === 'venue' ? (command.operator ?? null) : null,
      careerCentreName: command.kind === 'university' ? (command.careerCentreName ?? null) : null,
      createdAt: new Date(),
    };
    const view = toOrganisationView(organisation);
    await this.organisations.transaction(async (manager) => {
      await this.organisations.insert(manager, organisation);
      await this.outbox.append(manager, {
        topic: Topics.events.organisationCreated,
        key: id,
        payload: view,
      });
    });
    this.relay.wake();
    return view;
  }

  async get(actor: Actor, organisationId: string): Promise<OrganisationView> {
    return toOrganisationView(await this.scope.organisationInScope(actor, organisationId));
  }

  async list(query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    const filter = await this.scope.listFilter(query.actor);
    if (filter.organisationId) {
      // Not an admin: the actor's own organisation is all it can list.
      const own = await this.scope.organisationInScope(query.actor, filter.organisationId);
      const matches =
        (!query.kind || own.kind === query.kind) &&
        (!query.parentId || own.parentId === query.parentId);
      const items = matches && query.page === 1 ? [toOrganisationView(own)] : [];
      return { items, page: query.page, pageSize: query.pageSize, total: matches ? 1 : 0 };
    }
    const [rows, total] = await this.organisations.list(
      { pathPrefix: filter.pathPrefix, kind: query.kind, parentId: query.parentId },
      query.page,
      query.pageSize,
    );
    return {
      items: rows.map(toOrganisationView),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
