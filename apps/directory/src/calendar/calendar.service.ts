import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Topics,
  holidaysByDate,
  periodsBySchoolYear,
  schoolYearsCovering,
  type CalendarChangedPayload,
  type CalendarDayView,
  type CalendarDaysView,
  type CalendarList,
  type CreateTermCommand,
  type CreateVacationCommand,
  type DeleteHolidayCommand,
  type DeleteTermCommand,
  type DeleteVacationCommand,
  type GetCalendarDayQuery,
  type HolidayImportReport,
  type HolidayKind,
  type HolidayView,
  type ImportHolidaysCommand,
  type ListCalendarDaysQuery,
  type ListHolidaysQuery,
  type ListTermsQuery,
  type ListVacationsQuery,
  type SetHolidayCommand,
  type TermView,
  type VacationView,
} from '@app/contracts';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import type { AppError } from '@app/errors';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { AccessScope } from '../organisations/access-scope.js';
import { enclosingAreas } from './area-code.js';
import { resolveDays } from './calendar-days.js';
import {
  holidayImportInvalid,
  holidayNotFound,
  termExists,
  termNotFound,
  termOverlap,
  vacationExists,
  vacationNotFound,
  vacationOverlap,
} from './calendar.errors.js';
import { CalendarRepository } from './calendar.repository.js';
import { parseHolidayCsv } from './holiday-csv.js';
import { HolidayEntity } from './holiday.entity.js';
import { TermEntity } from './term.entity.js';
import { VacationEntity } from './vacation.entity.js';

export function toTermView(t: TermEntity): TermView {
  return {
    id: t.id,
    areaCode: t.areaCode,
    schoolYear: t.schoolYear,
    term: t.term,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    createdAt: t.createdAt.toISOString(),
  };
}

export function toVacationView(v: VacationEntity): VacationView {
  return {
    id: v.id,
    areaCode: v.areaCode,
    schoolYear: v.schoolYear,
    kind: v.kind,
    name: v.name,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    createdAt: v.createdAt.toISOString(),
  };
}

export function toHolidayView(h: HolidayEntity): HolidayView {
  return {
    id: h.id,
    areaCode: h.areaCode,
    date: h.date,
    kind: h.kind,
    name: h.name,
    updatedAt: h.updatedAt.toISOString(),
  };
}

interface HolidayInput {
  date: string;
  kind: HolidayKind;
  name: string | null;
}

const overlaps = (
  a: { startsOn: string; endsOn: string },
  b: { startsOn: string; endsOn: string },
): boolean => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

const byStart = (a: { startsOn: string }, b: { startsOn: string }): number =>
  a.startsOn.localeCompare(b.startsOn);

/**
 * Terms, vacations, statutory holidays and make-up working days per area (administrative
 * region code). Anyone signed in reads; AccessScope decides who writes which area. Reads
 * resolve through the enclosing areas (see calendar-days.ts), and every change publishes
 * `directory.calendar.changed.v1` through the outbox, keyed by area.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly scope: AccessScope,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  // ---- terms ---------------------------------------------------------------------------

  async createTerm(command: CreateTermCommand): Promise<TermView> {
    await this.scope.administeredArea(command.actor, command.areaCode);
    const term: TermEntity = {
      id: randomUUID(),
      areaCode: command.areaCode,
      schoolYear: command.schoolYear,
      term: command.term,
      startsOn: command.startsOn,
      endsOn: command.endsOn,
      createdAt: new Date(),
    };
    const view = toTermView(term);
    await this.inTransaction(
      async (manager) => {
        const siblings = await this.calendar.lockPeriodsOf(
          manager,
          TermEntity,
          term.areaCode,
          term.schoolYear,
        );
        const same = siblings.find((t) => t.term === term.term);
        if (same) throw termExists(toTermView(same));
        const overlapping = siblings.find((t) => overlaps(t, term));
        if (overlapping) throw termOverlap(toTermView(overlapping));
        await this.calendar.insert(manager, TermEntity, [term]);
        await this.publish(manager, termChange('upserted', view));
      },
      () => termExists(view),
    );
    return view;
  }

  async listTerms(query: ListTermsQuery): Promise<CalendarList<TermView>> {
    const rows = await this.calendar.periodsOf(
      TermEntity,
      enclosingAreas(query.areaCode),
      query.schoolYear ? [query.schoolYear] : undefined,
    );
    const items = periodsBySchoolYear(query.areaCode, rows).sort(byStart);
    return { areaCode: query.areaCode, items: items.map(toTermView) };
  }

  async deleteTerm(command: DeleteTermCommand): Promise<TermView> {
    const scope = await this.scope.areaScopeOf(command.actor);
    return this.inTransaction(async (manager) => {
      const term = await this.calendar.lockById(manager, TermEntity, command.termId);
      if (!term) throw termNotFound(command.termId);
      this.scope.assertCoversArea(scope, term.areaCode);
      await this.calendar.deleteById(manager, TermEntity, term.id);
      const view = toTermView(term);
      await this.publish(manager, termChange('deleted', view));
      return view;
    });
  }

  // ---- vacations -------------------------------------------------------------------------

  async createVacation(command: CreateVacationCommand): Promise<VacationView> {
    await this.scope.administeredArea(command.actor, command.areaCode);
    const vacation: VacationEntity = {
      id: randomUUID(),
      areaCode: command.areaCode,
      schoolYear: command.schoolYear,
      kind: command.kind,
      name: command.name?.trim() || null,
      startsOn: command.startsOn,
      endsOn: command.endsOn,
      createdAt: new Date(),
    };
    const view = toVacationView(vacation);
    await this.inTransaction(
      async (manager) => {
        const siblings = await this.calendar.lockPeriodsOf(
          manager,
          VacationEntity,
          vacation.areaCode,
          vacation.schoolYear,
        );
        const same = siblings.find((v) => v.kind === vacation.kind);
        if (same) throw vacationExists(toVacationView(same));
        const overlapping = siblings.find((v) => overlaps(v, vacation));
        if (overlapping) throw vacationOverlap(toVacationView(overlapping));
        await this.calendar.insert(manager, VacationEntity, [vacation]);
        await this.publish(manager, vacationChange('upserted', view));
      },
      () => vacationExists(view),
    );
    return view;
  }

  async listVacations(query: ListVacationsQuery): Promise<CalendarList<VacationView>> {
    const rows = await this.calendar.periodsOf(
      VacationEntity,
      enclosingAreas(query.areaCode),
      query.schoolYear ? [query.schoolYear] : undefined,
    );
    const items = periodsBySchoolYear(query.areaCode, rows).sort(byStart);
    return { areaCode: query.areaCode, items: items.map(toVacationView) };
  }

  async deleteVacation(command: DeleteVacationCommand): Promise<VacationView> {
    const scope = await this.scope.areaScopeOf(command.actor);
    return this.inTransaction(async (manager) => {
      const vacation = await this.calendar.lockById(manager, VacationEntity, command.vacationId);
      if (!vacation) throw vacationNotFound(command.vacationId);
      this.scope.assertCoversArea(scope, vacation.areaCode);
      await this.calendar.deleteById(manager, VacationEntity, vacation.id);
      const view = toVacationView(vacation);
      await this.publish(manager, vacationChange('deleted', view));
      return view;
    });
  }

  // ---- statutory holidays and make-up working days --------------------------------------

  /** Creates or replaces the entry of one date in an area (upsert by area and date). */
  async setHoliday(command: SetHolidayCommand): Promise<HolidayView> {
    await this.scope.administeredArea(command.actor, command.areaCode);
    const { entries } = await this.upsertHolidays(command.areaCode, [
      { date: command.date, kind: command.kind, name: command.name?.trim() || null },
    ]);
    return toHolidayView(entries[0]);
  }

  /**
   * Imports a CSV file (format in holiday-csv.ts) all or nothing: any bad row rejects the
   * whole file with every bad line and its reason. Rows are upserted by area and date, so a
   * second import of the same file creates nothing and publishes nothing.
   */
  async importHolidays(command: ImportHolidaysCommand): Promise<HolidayImportReport> {
    await this.scope.administeredArea(command.actor, command.areaCode);
    const { rows, errors } = parseHolidayCsv(command.csv);
    if (errors.length > 0) throw holidayImportInvalid(errors);
    const { created, updated, unchanged } = await this.upsertHolidays(command.areaCode, rows);
    return { areaCode: command.areaCode, rows: rows.length, created, updated, unchanged };
  }

  async listHolidays(query: ListHolidaysQuery): Promise<CalendarList<HolidayView>> {
    const rows = await this.calendar.holidaysOf(
      enclosingAreas(query.areaCode),
      `${query.year}-01-01`,
      `${query.year}-12-31`,
    );
    const items = [...holidaysByDate(query.areaCode, rows).values()];
    return { areaCode: query.areaCode, items: items.map(toHolidayView) };
  }

  async deleteHoliday(command: DeleteHolidayCommand): Promise<HolidayView> {
    const scope = await this.scope.areaScopeOf(command.actor);
    return this.inTransaction(async (manager) => {
      const holiday = await this.calendar.lockById(manager, HolidayEntity, command.holidayId);
      if (!holiday) throw holidayNotFound(command.holidayId);
      this.scope.assertCoversArea(scope, holiday.areaCode);
      await this.calendar.deleteById(manager, HolidayEntity, holiday.id);
      const view = toHolidayView(holiday);
      await this.publish(manager, {
        areaCode: view.areaCode,
        kind: 'holiday',
        action: 'deleted',
        ids: [view.id],
        dates: [view.date],
        from: view.date,
        to: view.date,
        records: [view],
      });
      return view;
    });
  }

  // ---- days ----------------------------------------------------------------------------

  async getDay(query: GetCalendarDayQuery): Promise<CalendarDayView> {
    const [day] = await this.daysOf(query.areaCode, query.date, query.date);
    return day;
  }

  async listDays(query: ListCalendarDaysQuery): Promise<CalendarDaysView> {
    const days = await this.daysOf(query.areaCode, query.from, query.to);
    return { areaCode: query.areaCode, from: query.from, to: query.to, days };
  }

  private async daysOf(areaCode: string, from: string, to: string): Promise<CalendarDayView[]> {
    const areas = enclosingAreas(areaCode);
    const schoolYears = schoolYearsCovering(from, to);
    const [terms, vacations, holidays] = await Promise.all([
      this.calendar.periodsOf(TermEntity, areas, schoolYears),
      this.calendar.periodsOf(VacationEntity, areas, schoolYears),
      this.calendar.holidaysOf(areas, from, to),
    ]);
    return resolveDays(areaCode, from, to, { terms, vacations, holidays });
  }

  // ---- shared ----------------------------------------------------------------------------

  /** Upserts entries of one area in one transaction; one event lists what changed, if anything. */
  private async upsertHolidays(
    areaCode: string,
    inputs: HolidayInput[],
  ): Promise<{ entries: HolidayEntity[]; created: number; updated: number; unchanged: number }> {
    return this.inTransaction(async (manager) => {
      const dates = inputs.map((i) => i.date);
      const existing = new Map(
        (await this.calendar.lockHolidays(manager, areaCode, dates)).map((h) => [h.date, h]),
      );
      const now = new Date();
      const created: HolidayEntity[] = [];
      const updated: HolidayEntity[] = [];
      const entries = inputs.map((input) => {
        const current = existing.get(input.date);
        if (!current) {
          const row: HolidayEntity = {
            id: randomUUID(),
            areaCode,
            ...input,
            createdAt: now,
            updatedAt: now,
          };
          created.push(row);
          return row;
        }
        if (current.kind === input.kind && current.name === input.name) return current;
        const row: HolidayEntity = {
          ...current,
          kind: input.kind,
          name: input.name,
          updatedAt: now,
        };
        updated.push(row);
        return row;
      });
      await this.calendar.insert(manager, HolidayEntity, created);
      for (const row of updated) await this.calendar.updateHoliday(manager, row);
      const changed = [...created, ...updated].sort((a, b) => a.date.localeCompare(b.date));
      if (changed.length > 0) {
        await this.publish(manager, {
          areaCode,
          kind: 'holiday',
          action: 'upserted',
          ids: changed.map((h) => h.id),
          dates: changed.map((h) => h.date),
          from: changed[0].date,
          to: changed[changed.length - 1].date,
          records: changed.map(toHolidayView),
        });
      }
      return {
        entries,
        created: created.length,
        updated: updated.length,
        unchanged: inputs.length - created.length - updated.length,
      };
    });
  }

  private async publish(manager: EntityManager, payload: CalendarChangedPayload): Promise<void> {
    await this.outbox.append(manager, {
      topic: Topics.events.calendarChanged,
      key: payload.areaCode,
      payload,
    });
  }

  /**
   * One transaction per command, tried again on a deadlock (two writers of the same area
   * and school year, see CalendarRepository.lockPeriodsOf); the relay is woken after commit.
   */
  private async inTransaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    onDuplicate?: () => AppError,
  ): Promise<T> {
    try {
      const result = await withDbRetry(() => this.calendar.transaction(work));
      this.relay.wake();
      return result;
    } catch (error) {
      if (onDuplicate && isDuplicateKeyError(error)) throw onDuplicate();
      throw error;
    }
  }
}

type ChangeAction = CalendarChangedPayload['action'];

const periodSpan = (view: TermView | VacationView, action: ChangeAction) => ({
  areaCode: view.areaCode,
  action,
  ids: [view.id],
  from: view.startsOn,
  to: view.endsOn,
});

const termChange = (action: ChangeAction, view: TermView): CalendarChangedPayload => ({
  ...periodSpan(view, action),
  kind: 'term',
  records: [view],
});

const vacationChange = (action: ChangeAction, view: VacationView): CalendarChangedPayload => ({
  ...periodSpan(view, action),
  kind: 'vacation',
  records: [view],
});
