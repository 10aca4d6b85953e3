import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CalendarChangedEnvelope, OrganisationCreatedEnvelope, Topics } from '@app/contracts';
import { AppError } from '@app/errors';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import { LedgerRepository } from '../ledger/ledger.repository.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { ReadModelRepository } from './read-model.repository.js';
import type { TermRecord } from './term-calendar.js';

const CONSUMER = 'quotas-read-model';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A term record of a calendar event, checked (a bad one goes to the dead letters). */
function termRecordOf(r: Record<string, unknown>): TermRecord & { id: string } {
  const { id, areaCode, schoolYear, term, startsOn, endsOn } = r;
  if (
    typeof id !== 'string' ||
    typeof areaCode !== 'string' ||
    typeof schoolYear !== 'string' ||
    (term !== 1 && term !== 2) ||
    typeof startsOn !== 'string' ||
    !DATE.test(startsOn) ||
    typeof endsOn !== 'string' ||
    !DATE.test(endsOn)
  ) {
    throw new AppError('VALIDATION_FAILED', 'invalid', 'not a term record');
  }
  return { id, areaCode, schoolYear, termNo: term, startsOn, endsOn };
}

/** Keeps the copy of directory data: organisations, the term calendar; the roster: RosterReadModel. */
@Controller()
export class ReadModelController {
  private readonly logger = new Logger(ReadModelController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
    private readonly ledgerRepository: LedgerRepository,
    private readonly ledger: LedgerService,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, Topics.deadLetters.quotas)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    const o = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveOrganisation(manager, {
        id: o.id,
        kind: o.kind,
        name: o.name,
        regionCode: o.regionCode,
        stage: o.stage,
      }),
    );
    // Attendance that arrived before its school was filed with the national calendar.
    if (o.kind === 'school' && (await this.ledgerRepository.hasFactsOfSchool(o.id))) {
      await this.ledger.refile([o.id]);
    }
  }

  @ConsumeEvent(Topics.events.calendarChanged, Topics.deadLetters.quotas)
  async onCalendarChanged(@Payload() event: CalendarChangedEnvelope): Promise<void> {
    const change = event.payload;
    if (change.kind !== 'term') return;
    const applied = await applyOnce(this.dataSource, CONSUMER, event.id, async (manager) => {
      if (change.action === 'deleted') await this.readModel.deleteTerms(manager, change.ids);
      else await this.readModel.upsertTerms(manager, change.records.map(termRecordOf));
    });
    if (applied) {
      this.logger.log({ msg: 'terms changed; re-filing the ledger', areaCode: change.areaCode });
      await this.ledger.refileArea(change.areaCode);
    }
  }
}
