import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  EditSessionCommand,
  ListSessionsQuery,
  LogSessionCommand,
  Page,
  SessionView,
} from '@app/contracts';
import { Clock, shanghaiDateOf } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import { EmploymentAidConfig } from '../config.js';
import { sessionEditWindowClosed, sessionNotFound } from '../employment-aid.errors.js';
import { assertDateWithinAid } from '../graduates/aid-dates.js';
import { GraduatesRepository } from '../graduates/graduates.repository.js';
import type { SessionEntity, SessionRevisionEntity } from './session.entities.js';
import { SessionsRepository } from './sessions.repository.js';

/** The log of support sessions; logging one with contact made clears the no-contact flag. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly graduates: GraduatesRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
    private readonly config: EmploymentAidConfig,
  ) {}

  async log(command: LogSessionCommand): Promise<SessionView> {
    const { graduate } = await this.access.graduateForMentor(command.actor, command.graduateId);
    const now = this.clock.now();
    const occurredAt = command.occurredAt ? new Date(command.occurredAt) : now;
    assertDateWithinAid({
      field: 'occurredAt',
      date: shanghaiDateOf(occurredAt),
      today: shanghaiDateOf(now),
      registeredOn: shanghaiDateOf(graduate.registeredAt),
      futureCode: 'SESSION_DATE_IN_FUTURE',
    });
    const session: SessionEntity = {
      id: randomUUID(),
      graduateId: graduate.id,
      mentorAccountId: command.actor.accountId,
      occurredAt,
      channel: command.channel,
      durationMinutes: command.durationMinutes,
      contactMade: command.contactMade,
      notes: command.notes,
      nextStep: command.nextStep ?? null,
      followUpOn: command.followUpOn ?? null,
      sharedSummary: command.sharedSummary || null,
      createdAt: now,
    };
    await this.sessions.transaction(async (manager) => {
      const locked = await this.graduates.lockById(manager, graduate.id);
      await this.sessions.insert(manager, session);
      const later =
        !locked?.lastContactAt || locked.lastContactAt.getTime() < session.occurredAt.getTime();
      await this.graduates.recordContact(manager, graduate.id, {
        ...(session.contactMade && later ? { lastContactAt: session.occurredAt } : {}),
        followUpOn: session.followUpOn,
      });
    });
    return this.view(session, []);
  }

  /** Only its author, only within the edit window; the previous text is kept as a revision. */
  async edit(command: EditSessionCommand): Promise<SessionView> {
    const found = await this.sessions.findById(command.sessionId);
    if (!found || found.mentorAccountId !== command.actor.accountId) throw sessionNotFound();
    await this.access.graduateForMentor(command.actor, found.graduateId).catch(() => {
      throw sessionNotFound();
    });
    const now = this.clock.now();
    const updated = await this.sessions.transaction(async (manager) => {
      const session = await this.sessions.lockById(manager, found.id);
      if (!session) throw sessionNotFound();
      if (now.getTime() > this.editableUntil(session).getTime()) {
        throw sessionEditWindowClosed(this.config.SESSION_EDIT_WINDOW_HOURS);
      }
      await this.sessions.insertRevision(manager, {
        id: randomUUID(),
        sessionId: session.id,
        notes: session.notes,
        nextStep: session.nextStep,
        sharedSummary: session.sharedSummary,
        editedAt: now,
        editedBy: command.actor.accountId,
      });
      const change = {
        notes: command.notes,
        nextStep: command.nextStep ?? session.nextStep,
        sharedSummary:
          command.sharedSummary === undefined
            ? session.sharedSummary
            : command.sharedSummary || null,
      };
      await this.sessions.update(manager, session.id, change);
      return { ...session, ...change };
    });
    return this.view(updated, await this.sessions.revisionsOf([updated.id]));
  }

  async list(query: ListSessionsQuery): Promise<Page<SessionView>> {
    const { graduate } = await this.access.graduateToRead(query.actor, query.graduateId);
    const [rows, total] = await this.sessions.pageOf(graduate.id, query.page, query.pageSize);
    const revisions = await this.sessions.revisionsOf(rows.map((s) => s.id));
    return {
      items: rows.map((s) =>
        this.view(
          s,
          revisions.filter((r) => r.sessionId === s.id),
        ),
      ),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  private editableUntil(session: SessionEntity): Date {
    return new Date(
      session.createdAt.getTime() + this.config.SESSION_EDIT_WINDOW_HOURS * 3_600_000,
    );
  }

  private view(s: SessionEntity, revisions: SessionRevisionEntity[]): SessionView {
    return {
      id: s.id,
      graduateId: s.graduateId,
      mentorAccountId: s.mentorAccountId,
      occurredAt: s.occurredAt.toISOString(),
      channel: s.channel,
      durationMinutes: s.durationMinutes,
      contactMade: s.contactMade,
      notes: s.notes,
      nextStep: s.nextStep,
      followUpOn: s.followUpOn,
      sharedSummary: s.sharedSummary,
      editableUntil: this.editableUntil(s).toISOString(),
      revisions: revisions.map((r) => ({
        notes: r.notes,
        nextStep: r.nextStep,
        sharedSummary: r.sharedSummary,
        editedAt: r.editedAt.toISOString(),
        editedBy: r.editedBy,
      })),
    };
  }
}
