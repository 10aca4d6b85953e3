import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  Topics,
  type PublishShortNoticesCommand,
  type QuotaRuleView,
  type ShortNoticesView,
  type StudentShortPayload,
} from '@app/contracts';
import { withDbRetry } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { Clock, daysBetween } from '@app/time';
import { QuotaAccess, type Scope } from '../access/quota-access.js';
import { QuotasConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { termPeriodKey } from '../read-model/term-calendar.js';
import { ReportsRepository, type StudentCounts } from '../reports/reports.repository.js';
import { assertPeriodFits } from '../reports/reports.service.js';
import { RulesService } from '../rules/rules.service.js';

const PAGE = 1000;

/**
 * `quotas.student.short.v1`, at most one per rule, period and student, whatever asks for it:
 * on demand for a class, school or area, and the scheduled check in the last N days of a
 * term. Each notice row is claimed before its event is written, in one transaction through
 * the outbox, so a repeated request, the job and another replica never tell a student twice.
 */
@Injectable()
export class ShortNoticesService {
  private readonly logger = new Logger(ShortNoticesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly reports: ReportsRepository,
    private readonly rules: RulesService,
    private readonly access: QuotaAccess,
    private readonly readModel: ReadModelRepository,
    private readonly clock: Clock,
    private readonly config: QuotasConfig,
  ) {}

  /** The students short in scope who were not told yet; the reply says how many were. */
  async onDemand(command: PublishShortNoticesCommand): Promise<ShortNoticesView> {
    const scope = await this.access.scope(command.actor, command);
    const rule = await this.rules.ruleOrDefault(command.ruleId);
    assertPeriodFits(rule, command.period);
    const shorts = await this.allShort(rule, command.period, scope);
    const published = await this.publish(rule, command.period, shorts, 'on_demand');
    return {
      ruleId: rule.id,
      period: command.period,
      published,
      alreadySent: rule.minimum === null ? 0 : shorts.length - published,
    };
  }

  /**
   * The scheduled check: every school whose current term ends within the configured days,
   * every term rule, the students short and not yet told for that term.
   */
  async scheduledCheck(): Promise<number> {
    const today = this.clock.today();
    const calendar = await this.readModel.termCalendar();
    const schools = [...(await this.readModel.organisationsById()).values()].filter(
      (o) => o.kind === 'school',
    );
    const termRules = (await this.rules.all()).filter((r) => r.period === 'term');
    let published = 0;
    for (const school of schools) {
      const term = calendar.termOn(school.regionCode, today);
      if (
        !term ||
        daysBetween(today, term.endsOn) > this.config.SHORT_NOTICE_DAYS_BEFORE_TERM_END
      ) {
        continue;
      }
      const period = termPeriodKey(term.schoolYear, term.termNo);
      for (const rule of termRules) {
        const shorts = await this.allShort(rule, period, { level: 'school', id: school.id });
        published += await this.publish(rule, period, shorts, 'scheduled');
      }
    }
    if (published > 0) this.logger.log({ msg: 'scheduled short notices published', published });
    return published;
  }

  private async allShort(
    rule: QuotaRuleView,
    period: string,
    scope: Scope,
  ): Promise<StudentCounts[]> {
    const all: StudentCounts[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.reports.students(rule, period, scope, {
        onlyShort: true,
        offset,
        limit: PAGE,
      });
      all.push(...page);
      if (page.length < PAGE) return all;
    }
  }

  private async publish(
    rule: QuotaRuleView,
    period: string,
    shorts: StudentCounts[],
    trigger: StudentShortPayload['trigger'],
  ): Promise<number> {
    if (shorts.length === 0 || rule.minimum === null) return 0;
    const calendar = await this.readModel.termCalendar();
    const schools = await this.readModel.organisationsById();
    let published = 0;
    for (let i = 0; i < shorts.length; i += PAGE) {
      const page = shorts.slice(i, i + PAGE);
      // Read without a lock (one query a page, so a repeat costs no write per student):
      // another request or replica may tell the same students now; `claim` settles it.
      const told = await this.reports.alreadyNotified(
        rule.id,
        period,
        page.map((s) => s.studentId),
      );
      const untold = page.filter((s) => !told.has(s.studentId));
      if (untold.length === 0) continue;
      published += await withDbRetry(() =>
        this.dataSource.transaction(async (manager) => {
          const chunk = await this.claim(manager, rule.id, period, untold);
          if (chunk.length === 0) return 0;
          await this.outbox.appendMany<StudentShortPayload>(
            manager,
            chunk.map((s) => ({
              topic: Topics.events.studentShort,
              key: s.studentId,
              payload: {
                studentId: s.studentId,
                schoolId: s.schoolId,
                classId: s.classId,
                grade: s.grade,
                ruleId: rule.id,
                ruleName: rule.name,
                kind: rule.kind,
                period,
                minimum: rule.minimum as number,
                counted: s.counted,
                booked: s.booked,
                periodEndsOn:
                  calendar.rangeOf(schools.get(s.schoolId)?.regionCode ?? null, period)?.to ?? null,
                trigger,
              },
            })),
          );
          return chunk.length;
        }),
      );
    }
    this.relay.wake();
    return published;
  }

  /**
   * A notice is once per rule, period and student, whichever request or replica asks: each
   * notice row is inserted first (`INSERT IGNORE`, one row a statement so that the
   * answer says whether this transaction wrote it). A replica inserting the same row at the
   * same time waits on the key until this transaction ends, then finds it and skips the
   * student. Returns the students this transaction claimed.
   */
  private async claim(
    manager: EntityManager,
    ruleId: string,
    period: string,
    students: StudentCounts[],
  ): Promise<StudentCounts[]> {
    const claimed: StudentCounts[] = [];
    for (const s of students) {
      const result: { affectedRows: number } = await manager.query(
        `INSERT IGNORE INTO q_short_notices (rule_id, period_key, student_id, notified_at)
         VALUES (?, ?, ?, ?)`,
        [ruleId, period, s.studentId, this.clock.now()],
      );
      if (result.affectedRows === 1) claimed.push(s);
    }
    return claimed;
  }
}
