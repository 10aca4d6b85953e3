import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CompareDigestCommand,
  ComplianceReportQuery,
  CreateRuleCommand,
  ListRulesQuery,
  PublishShortNoticesCommand,
  RebuildLedgerCommand,
  StudentStandingQuery,
  Topics,
  type ComplianceReportView,
  type ConsistencyReportView,
  type Page,
  type QuotaRuleView,
  type RebuildView,
  type ShortNoticesView,
  type StudentStandingsView,
} from '@app/contracts';
import { LedgerService } from './ledger/ledger.service.js';
import { ShortNoticesService } from './notices/short-notices.service.js';
import { ReportsService } from './reports/reports.service.js';
import { RulesService } from './rules/rules.service.js';

/** The quotas service's commands and queries, one line each. */
@Controller()
export class QuotasController {
  constructor(
    private readonly rules: RulesService,
    private readonly reports: ReportsService,
    private readonly notices: ShortNoticesService,
    private readonly ledger: LedgerService,
  ) {}

  @MessagePattern(Topics.quotas.listRules)
  listRules(@Payload() query: ListRulesQuery): Promise<Page<QuotaRuleView>> {
    return this.rules.list(query);
  }

  @MessagePattern(Topics.quotas.createRule)
  createRule(@Payload() command: CreateRuleCommand): Promise<QuotaRuleView> {
    return this.rules.create(command);
  }

  @MessagePattern(Topics.quotas.complianceReport)
  compliance(@Payload() query: ComplianceReportQuery): Promise<ComplianceReportView> {
    return this.reports.compliance(query);
  }

  @MessagePattern(Topics.quotas.studentStanding)
  student(@Payload() query: StudentStandingQuery): Promise<StudentStandingsView> {
    return this.reports.student(query);
  }

  @MessagePattern(Topics.quotas.publishShortNotices)
  publishShortNotices(@Payload() command: PublishShortNoticesCommand): Promise<ShortNoticesView> {
    return this.notices.onDemand(command);
  }

  @MessagePattern(Topics.quotas.compareDigest)
  compare(@Payload() command: CompareDigestCommand): Promise<ConsistencyReportView> {
    return this.ledger.compare(command);
  }

  @MessagePattern(Topics.quotas.rebuildLedger)
  rebuild(@Payload() command: RebuildLedgerCommand): Promise<RebuildView> {
    return this.ledger.rebuild(command);
  }
}
