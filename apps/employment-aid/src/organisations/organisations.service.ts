import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccountCreatedEnvelope, OrganisationCreatedEnvelope } from '@app/contracts';
import { applyOnce } from '@app/messaging';
import { OrganisationsRepository } from './organisations.repository.js';

const CONSUMER = 'employment-aid.organisations';

/**
 * The read model of organisations. Events of different organisations travel on different
 * partitions, so a child may arrive before its parent: the subtree is found by walking
 * parent links at read time, not from a path stored on arrival.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsRepository,
  ) {}

  /** Idempotent: a redelivered event finds its processed row and changes nothing. */
  async onCreated(event: OrganisationCreatedEnvelope): Promise<boolean> {
    const o = event.payload;
    return applyOnce(this.dataSource, CONSUMER, event.id, async (manager) => {
      const parent = o.parentId ? await this.organisations.findById(o.parentId, manager) : null;
      await this.organisations.upsert(manager, {
        id: o.id,
        parentId: o.parentId ?? null,
        kind: o.kind,
        name: o.name,
        path: `${parent?.path ?? '/'}${o.id}/`,
      });
    });
  }

  async onAccountCreated(event: AccountCreatedEnvelope): Promise<boolean> {
    const a = event.payload;
    return applyOnce(this.dataSource, `${CONSUMER}.accounts`, event.id, async (manager) => {
      await this.organisations.upsertAccount(manager, {
        id: a.accountId,
        email: a.email,
        role: a.role,
        organisationId: a.organisationId ?? null,
      });
    });
  }

  /** Whether `id` is `ancestorId` or lies under it, following parent links. */
  async isWithin(id: string, ancestorId: string): Promise<boolean> {
    const parents = new Map((await this.organisations.all()).map((o) => [o.id, o.parentId]));
    const seen = new Set<string>();
    for (let at: string | null | undefined = id; at && !seen.has(at); at = parents.get(at)) {
      if (at === ancestorId) return true;
      seen.add(at);
    }
    return false;
  }

  /** Universities in the subtree of an organisation (itself included when a university). */
  async universitiesUnder(rootId: string): Promise<string[]> {
    const all = await this.organisations.all();
    const children = new Map<string, string[]>();
    for (const o of all) {
      if (!o.parentId) continue;
      children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
    }
    const kinds = new Map(all.map((o) => [o.id, o.kind]));
    const found: string[] = [];
    const queue = [rootId];
    const seen = new Set<string>();
    while (queue.length) {
      const id = queue.shift() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      if (kinds.get(id) === 'university') found.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    return found;
  }
}
