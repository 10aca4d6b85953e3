import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  NATIONAL_AREA_CODE,
  regionContains,
  type CreateRuleCommand,
  type ListRulesQuery,
  type Page,
  type QuotaRuleView,
} from '@app/contracts';
import { QuotasConfig } from '../config.js';
import { QuotaAccess } from '../access/quota-access.js';
import { forbidden, ruleInvalid, ruleNotFound, scopeNotFound } from '../quotas.errors.js';
import { RulesRepository } from './rules.repository.js';

@Injectable()
export class RulesService implements OnApplicationBootstrap {
  constructor(
    private readonly rules: RulesRepository,
    private readonly access: QuotaAccess,
    private readonly config: QuotasConfig,
  ) {}

  /** The default film rule covers the configured stages (`DEFAULT_FILM_RULE_STAGES`). */
  async onApplicationBootstrap(): Promise<void> {
    await this.rules.setDefaultStages(this.config.DEFAULT_FILM_RULE_STAGES);
  }

  async create(command: CreateRuleCommand): Promise<QuotaRuleView> {
    const { actor } = command;
    if (actor.role !== 'platform_admin' && actor.role !== 'bureau_admin') {
      throw forbidden('Only bureau and platform admins set quota rules');
    }
    const own = await this.access.areaOf(actor);
    const areaCode = command.areaCode ?? own ?? NATIONAL_AREA_CODE;
    if (own === null || !regionContains(own, areaCode)) throw scopeNotFound();
    const minimum = command.minimum ?? null;
    const maximum = command.maximum ?? null;
    if (minimum === null && maximum === null) {
      throw ruleInvalid('A rule needs a minimum, a maximum, or both');
    }
    if (minimum !== null && maximum !== null && maximum < minimum) {
      throw ruleInvalid('The maximum is below the minimum', { minimum, maximum });
    }
    const minGrade = command.minGrade ?? 1;
    const maxGrade = command.maxGrade ?? 12;
    if (maxGrade < minGrade)
      throw ruleInvalid('maxGrade is below minGrade', { minGrade, maxGrade });
    const id = randomUUID();
    await this.rules.insert(
      {
        id,
        name: command.name,
        kind: command.kind,
        period: command.period,
        minimum,
        maximum,
        stages: [...new Set(command.stages ?? [])],
        minGrade,
        maxGrade,
        areaCode,
      },
      actor.accountId,
    );
    return (await this.rules.find(id)) as QuotaRuleView;
  }

  /** Rules are public policy: any signed-in staff may read them. */
  async list(query: ListRulesQuery): Promise<Page<QuotaRuleView>> {
    const all = await this.rules.all();
    const start = (query.page - 1) * query.pageSize;
    return {
      items: all.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: all.length,
    };
  }

  async ruleOrDefault(ruleId: string | undefined): Promise<QuotaRuleView> {
    if (ruleId === undefined) return this.rules.findDefault();
    const rule = await this.rules.find(ruleId);
    if (!rule) throw ruleNotFound();
    return rule;
  }

  all(): Promise<QuotaRuleView[]> {
    return this.rules.all();
  }
}
