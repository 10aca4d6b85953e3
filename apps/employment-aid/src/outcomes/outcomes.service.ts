import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  EMPLOYED_OUTCOME_KINDS,
  Topics,
  type Actor,
  type OutcomeEventPayload,
  type OutcomeView,
  type RecordOutcomeCommand,
  type VerifyOutcomeCommand,
} from '@app/contracts';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { Clock, daysBetween, shanghaiDateOf } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import { outcomeAlreadyVerified, outcomeNotFound } from '../employment-aid.errors.js';
import { assertDateWithinAid } from '../graduates/aid-dates.js';
import type { OutcomeEntity } from './outcome.entity.js';
import { OutcomesRepository } from './outcomes.repository.js';

const toOutcomeView = (o: OutcomeEntity): OutcomeView => ({
  id: o.id,
  graduateId: o.graduateId,
  kind: o.kind,
  employer: o.employer,
  startDate: o.startDate,
  contractType: o.contractType,
  daysToEmployment: o.daysToEmployment,
  recordedBy: o.recordedBy,
  recordedAt: o.recordedAt.toISOString(),
  verifiedBy: o.verifiedBy,
  verifiedAt: o.verifiedAt?.toISOString() ?? null,
});

/** Never the difficulty categories: other services learn the destination only. */
const payloadOf = (o: OutcomeEntity): OutcomeEventPayload => ({
  outcomeId: o.id,
  graduateId: o.graduateId,
  universityId: o.universityId,
  kind: o.kind,
  employer: o.employer,
  startDate: o.startDate,
  contractType: o.contractType,
  daysToEmployment: o.daysToEmployment,
  recordedAt: o.recordedAt.toISOString(),
  verifiedAt: o.verifiedAt?.toISOString() ?? null,
});

/** Destination registration: recorded by the mentor, verified by the career centre. */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly outcomes: OutcomesRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async record(command: RecordOutcomeCommand): Promise<OutcomeView> {
    const { graduate } = await this.access.graduateForMentor(command.actor, command.graduateId);
    const now = this.clock.now();
    if (command.startDate) {
      assertDateWithinAid({
        field: 'startDate',
        date: command.startDate,
        today: shanghaiDateOf(now),
        registeredOn: shanghaiDateOf(graduate.registeredAt),
        futureCode: 'OUTCOME_DATE_IN_FUTURE',
      });
    }
    const inWork = EMPLOYED_OUTCOME_KINDS.includes(command.kind);
    const outcome: OutcomeEntity = {
      id: randomUUID(),
      graduateId: graduate.id,
      universityId: graduate.universityId,
      kind: command.kind,
      employer: command.employer ?? null,
      startDate: command.startDate ?? null,
      contractType: command.contractType ?? null,
      daysToEmployment: inWork
        ? Math.max(
            0,
            daysBetween(
              shanghaiDateOf(graduate.registeredAt),
              command.startDate ?? shanghaiDateOf(now),
            ),
          )
        : null,
      recordedBy: command.actor.accountId,
      recordedAt: now,
      verifiedBy: null,
      verifiedAt: null,
    };
    await this.outcomes.transaction(async (manager) => {
      await this.outcomes.insert(manager, outcome);
      await this.outbox.append<OutcomeEventPayload>(manager, {
        topic: Topics.events.outcomeRecorded,
        key: graduate.id,
        payload: payloadOf(outcome),
      });
    });
    this.relay.wake();
    return toOutcomeView(outcome);
  }

  async verify(command: VerifyOutcomeCommand): Promise<OutcomeView> {
    const found = await this.outcomes.findById(command.outcomeId);
    if (!found) throw outcomeNotFound();
    this.access.assertStaffOf(command.actor, found.universityId, outcomeNotFound);
    if (found.verifiedAt) throw outcomeAlreadyVerified();
    const verified: OutcomeEntity = {
      ...found,
      verifiedBy: command.actor.accountId,
      verifiedAt: this.clock.now(),
    };
    await this.outcomes.transaction(async (manager) => {
      const verifiedAt = verified.verifiedAt ?? new Date();
      if (!(await this.outcomes.verify(manager, found.id, command.actor.accountId, verifiedAt))) {
        throw outcomeAlreadyVerified();
      }
      await this.outbox.append<OutcomeEventPayload>(manager, {
        topic: Topics.events.outcomeVerified,
        key: found.graduateId,
        payload: payloadOf(verified),
      });
    });
    this.relay.wake();
    return toOutcomeView(verified);
  }

  async list(actor: Actor, graduateId: string): Promise<OutcomeView[]> {
    const { graduate } = await this.access.graduateToRead(actor, graduateId);
    return (await this.outcomes.ofGraduate(graduate.id)).map(toOutcomeView);
  }
}
