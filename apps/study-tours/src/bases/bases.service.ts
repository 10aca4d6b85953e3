import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  CHECKLIST_ITEMS,
  type Actor,
  type BaseQuery,
  type BaseRatingsQuery,
  type BaseSummaryView,
  type BaseView,
  type BureauSettingsQuery,
  type BureauSettingsView,
  type ChangeDesignationCommand,
  type CreateProgrammeCommand,
  type DesignateBaseCommand,
  type DesignationQuery,
  type DesignationStatus,
  type DesignationView,
  type ListBasesQuery,
  type ListDesignationsQuery,
  type Page,
  type ProgrammeChangeView,
  type ProgrammeQuery,
  type ProgrammeView,
  type RatingView,
  type SchoolSettingsQuery,
  type SchoolSettingsView,
  type SetBureauSettingsCommand,
  type SetSchoolSettingsCommand,
  type UpdateProgrammeCommand,
} from '@app/contracts';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import { AppError } from '@app/errors';
import { Clock, shanghaiDateOf } from '@app/time';
import { baseLevelOfBureau, forbidden, StudyToursAccess } from '../access/study-tours-access.js';
import { StudyToursConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import {
  baseNotDesignated,
  baseNotFound,
  designationNotFound,
  programmeNotFound,
} from './bases.errors.js';
import {
  BasesRepository,
  gradesMaskOf,
  gradesOfMask,
  type DesignationRow,
  type ProgrammeEdit,
  type ProgrammeRow,
} from './bases.repository.js';

/** `37%` for the province 370000, `3701%` for the city 370100, the code itself for a county. */
export function regionLikeOf(area: string): string {
  if (area === '000000') return '%';
  if (area.endsWith('0000')) return `${area.slice(0, 2)}%`;
  if (area.endsWith('00')) return `${area.slice(0, 4)}%`;
  return area;
}

const NEXT_STATUS: Record<
  ChangeDesignationCommand['action'],
  { from: DesignationStatus[]; to: DesignationStatus }
> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
};

/** Designations, programmes, the public list of bases, ratios and school settings. */
@Injectable()
export class BasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bases: BasesRepository,
    private readonly readModel: ReadModelRepository,
    private readonly clock: Clock,
    private readonly config: StudyToursConfig,
  ) {}

  async accessOf(actor: Actor): Promise<StudyToursAccess> {
    return new StudyToursAccess(actor, await this.readModel.findOrganisation(actor.organisationId));
  }

  today(): string {
    return shanghaiDateOf(this.clock.now());
  }

  // ------------------------------------------------------------ designations

  async designate(command: DesignateBaseCommand): Promise<DesignationView> {
    const access = await this.accessOf(command.actor);
    if (!access.isPlatformAdmin && access.bureauArea === null)
      throw forbidden('Only bureau admins and platform admins designate study-tour bases');
    const base = await this.readModel.findOrganisation(command.organisationId);
    if (!base || base.kind !== 'venue' || !access.oversees(base.regionCode)) throw baseNotFound();
    let level = command.level;
    if (!access.isPlatformAdmin) {
      const own = baseLevelOfBureau(access.organisation?.level ?? null);
      if (!own || (level !== undefined && level !== own))
        throw new AppError(
          'DESIGNATION_LEVEL_NOT_ALLOWED',
          'forbidden',
          `A bureau designates bases at its own level (${own ?? 'none'})`,
          { allowedLevel: own },
        );
      level = own;
    }
    if (!level)
      throw new AppError('VALIDATION_FAILED', 'invalid', 'level is required for a platform admin', {
        fields: [{ field: 'level', errors: ['level is required'] }],
      });
    const failedItems = CHECKLIST_ITEMS.filter((item) => !command.checklist[item].passed);
    if (failedItems.length > 0)
      throw new AppError(
        'DESIGNATION_CHECKLIST_INCOMPLETE',
        'invalid',
        'Every checklist item must have passed before a venue is designated',
        { failedItems },
      );
    if (command.validUntil < command.validFrom || command.validUntil < this.today())
      throw new AppError(
        'DESIGNATION_PERIOD_INVALID',
        'invalid',
        'validUntil must not be before validFrom, nor already past',
        { validFrom: command.validFrom, validUntil: command.validUntil },
      );
    const id = randomUUID();
    try {
      await this.dataSource.transaction((manager) =>
        this.bases.insertDesignation(manager, {
          id,
          organisationId: base.id,
          level,
          designatedByOrgId: access.isPlatformAdmin ? null : (command.actor.organisationId ?? null),
          designatedBy: command.actor.accountId,
          validFrom: command.validFrom,
          validUntil: command.validUntil,
          checklist: command.checklist,
          documents: command.documents,
          now: this.clock.now(),
        }),
      );
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new AppError(
          'DESIGNATION_EXISTS',
          'conflict',
          `The base already holds a live ${level} designation; suspend or revoke it first`,
          { level },
        );
      throw error;
    }
    return this.designationView((await this.bases.findDesignation(id))!);
  }

  async getDesignation(query: DesignationQuery): Promise<DesignationView> {
    const row = await this.bases.findDesignation(query.designationId);
    if (!row) throw designationNotFound();
    const access = await this.accessOf(query.actor);
    const base = await this.readModel.findOrganisation(row.organisation_id);
    if (!base || !(access.oversees(base.regionCode) || access.isBaseStaffOf(base.id)))
      throw designationNotFound();
    return this.designationView(row);
  }

  async listDesignations(query: ListDesignationsQuery): Promise<Page<DesignationView>> {
    const access = await this.accessOf(query.actor);
    let regionLike: string | null = null;
    let organisationId = query.organisationId;
    if (access.actor.role === 'venue_staff') {
      organisationId = access.actor.organisationId ?? randomUUID();
      if (query.organisationId && query.organisationId !== organisationId)
        return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    } else if (!access.isPlatformAdmin) {
      const area = access.bureauArea;
      if (area === null)
        throw forbidden('Bureau admins, platform admins and base staff list designations');
      regionLike = regionLikeOf(area);
    }
    const { rows, total } = await this.bases.listDesignations({
      regionLike,
      organisationId,
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
    const items = await Promise.all(rows.map((r) => this.designationView(r)));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * Suspend, reinstate or revoke: platform admins, or a bureau admin overseeing the base at
   * the designation's level (a province does not revoke a county's designation).
   */
  async changeDesignation(command: ChangeDesignationCommand): Promise<DesignationView> {
    const access = await this.accessOf(command.actor);
    const step = NEXT_STATUS[command.action];
    await this.dataSource.transaction(async (manager) => {
      const row = await this.bases.findDesignation(command.designationId, manager, true);
      if (!row) throw designationNotFound();
      const base = await this.readModel.findOrganisation(row.organisation_id);
      if (!base || !access.oversees(base.regionCode)) throw designationNotFound();
      if (
        !access.isPlatformAdmin &&
        baseLevelOfBureau(access.organisation?.level ?? null) !== row.level
      )
        throw forbidden(
          `Only a bureau at the ${row.level} level (or a platform admin) changes this designation`,
        );
      if (!step.from.includes(row.status))
        throw new AppError(
          'DESIGNATION_STATUS_CONFLICT',
          'conflict',
          `A ${row.status} designation cannot be ${command.action === 'reinstate' ? 'reinstated' : `${command.action}d`}`,
          { status: row.status },
        );
      await this.bases.changeDesignation(
        manager,
        row.id,
        step.to,
        command.reason,
        this.clock.now(),
      );
    });
    return this.designationView((await this.bases.findDesignation(command.designationId))!);
  }

  private async designationView(row: DesignationRow): Promise<DesignationView> {
    const base = await this.readModel.findOrganisation(row.organisation_id);
    const today = this.today();
    return {
      id: row.id,
      organisationId: row.organisation_id,
      baseName: base?.name ?? '',
      regionCode: base?.regionCode ?? '',
      level: row.level,
      designatedByOrganisationId: row.designated_by_org_id,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      status: row.status,
      inForce: row.status === 'active' && row.valid_from <= today && today <= row.valid_until,
      statusReason: row.status_reason,
      checklist: JSON.parse(row.checklist) as DesignationView['checklist'],
      documents: JSON.parse(row.documents) as DesignationView['documents'],
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  // ------------------------------------------------------------ public list

  async listBases(query: ListBasesQuery): Promise<Page<BaseSummaryView>> {
    const { rows, total } = await this.bases.listBases({
      today: this.today(),
      level: query.level,
      regionLike: query.area ? regionLikeOf(query.area) : undefined,
      theme: query.theme,
      grade: query.grade,
      page: query.page,
      pageSize: query.pageSize,
    });
    const items = await this.summaries(rows);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async getBase(query: BaseQuery): Promise<BaseView> {
    const today = this.today();
    const base = await this.readModel.findOrganisation(query.organisationId);
    const designations = base ? await this.bases.designationsInForce(base.id, today) : [];
    if (!base || designations.length === 0) throw baseNotFound();
    const [summary] = await this.summaries([
      { id: base.id, name: base.name, region_code: base.regionCode },
    ]);
    const programmes = await this.bases.programmesOf([base.id]);
    const ratio = await this.defaultRatioOf(base.id);
    return {
      ...summary,
      designations: designations.map((d) => ({
        level: d.level,
        validFrom: d.valid_from,
        validUntil: d.valid_until,
      })),
      programmes: programmes.map((p) => programmeViewOf(p, ratio)),
    };
  }

  private async summaries(
    rows: { id: string; name: string; region_code: string }[],
  ): Promise<BaseSummaryView[]> {
    const ids = rows.map((r) => r.id);
    const [levels, programmes, ratings] = await Promise.all([
      this.bases.levelsInForce(ids, this.today()),
      this.bases.programmesOf(ids),
      this.bases.ratingsSummary(ids),
    ]);
    return rows.map((r) => {
      const own = programmes.filter((p) => p.base_organisation_id === r.id);
      const mask = own.reduce((m, p) => m | Number(p.grades_mask), 0);
      return {
        organisationId: r.id,
        name: r.name,
        regionCode: r.region_code,
        levels: levels.get(r.id) ?? [],
        themes: [...new Set(own.map((p) => p.theme))],
        grades: gradesOfMask(mask),
        programmeCount: own.length,
        averageRating: ratings.get(r.id)?.average ?? null,
        ratingCount: ratings.get(r.id)?.count ?? 0,
      };
    });
  }

  async baseRatings(query: BaseRatingsQuery): Promise<Page<RatingView>> {
    const access = await this.accessOf(query.actor);
    const base = await this.readModel.findOrganisation(query.organisationId);
    if (!base || !(access.isBaseStaffOf(base.id) || access.oversees(base.regionCode)))
      throw baseNotFound();
    const { rows, total } = await this.bases.ratingsOfBase(base.id, query.page, query.pageSize);
    return {
      items: rows.map((r) => ({
        bookingId: r.booking_id,
        programmeId: r.programme_id,
        score: Number(r.score),
        comment: r.comment,
        localDate: r.local_date,
        createdAt: r.created_at.toISOString(),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  // ------------------------------------------------------------ programmes

  /**
   * The bureau's default ratio for a base: the strictest (fewest students per teacher) among
   * the bureaus whose designations are active, the service's default where one set nothing.
   */
  async defaultRatioOf(baseOrganisationId: string): Promise<number> {
    const designations = await this.bases.activeDesignations(baseOrganisationId, this.today());
    const bureaus = designations.map((d) => d.designated_by_org_id);
    const set = await this.bases.bureauRatios(bureaus.filter((b): b is string => b !== null));
    const ratios = bureaus.map(
      (b) => (b && set.get(b)) || this.config.DEFAULT_STUDENTS_PER_TEACHER,
    );
    return ratios.length > 0 ? Math.min(...ratios) : this.config.DEFAULT_STUDENTS_PER_TEACHER;
  }

  async createProgramme(command: CreateProgrammeCommand): Promise<ProgrammeView> {
    const actor = command.actor;
    const baseId =
      actor.role === 'platform_admin' ? command.baseOrganisationId : actor.organisationId;
    if (actor.role !== 'platform_admin' && actor.role !== 'venue_staff')
      throw forbidden("Programmes are published by the base's staff");
    if (!baseId) throw baseNotFound();
    if (
      actor.role === 'venue_staff' &&
      command.baseOrganisationId &&
      command.baseOrganisationId !== baseId
    )
      throw baseNotFound();
    const base = await this.readModel.findOrganisation(baseId);
    if (!base || base.kind !== 'venue') throw baseNotFound();
    if ((await this.bases.activeDesignations(base.id, this.today())).length === 0)
      throw baseNotDesignated(base.id);
    const days = command.duration === 'multi_day' ? (command.days ?? 2) : 1;
    const problems: string[] = [];
    if (command.groupMin > command.groupMax) problems.push('groupMin must not exceed groupMax');
    if (command.groupMax > command.dailyCapacity)
      problems.push('groupMax must not exceed dailyCapacity');
    if (command.duration === 'multi_day' && days < 2)
      problems.push('multi_day lasts 2 days or more');
    if (command.duration !== 'multi_day' && command.days !== undefined && command.days !== 1)
      problems.push('days is 1 for half_day and full_day');
    if (problems.length > 0)
      throw new AppError('PROGRAMME_INVALID', 'invalid', problems.join('; '), { problems });
    const ratio = await this.defaultRatioOf(base.id);
    if (command.studentsPerTeacher !== undefined && command.studentsPerTeacher > ratio)
      throw new AppError(
        'TEACHER_RATIO_BELOW_DEFAULT',
        'invalid',
        `The bureau asks for one teacher per ${ratio} students at most; a programme may ask for more teachers, not fewer`,
        { defaultStudentsPerTeacher: ratio, studentsPerTeacher: command.studentsPerTeacher },
      );
    const id = randomUUID();
    await this.dataSource.transaction((manager) =>
      this.bases.insertProgramme(manager, {
        id,
        baseOrganisationId: base.id,
        title: command.title,
        theme: command.theme,
        description: command.description,
        gradesMask: gradesMaskOf(command.grades),
        duration: command.duration,
        days,
        groupMin: command.groupMin,
        groupMax: command.groupMax,
        dailyCapacity: command.dailyCapacity,
        priceFen: command.priceFen,
        studentsPerTeacher: command.studentsPerTeacher ?? null,
        mealOptions: command.mealOptions,
        transportOptions: command.transportOptions,
        createdBy: actor.accountId,
        now: this.clock.now(),
      }),
    );
    return programmeViewOf((await this.bases.findProgramme(id))!, ratio);
  }

  /** Programmes are readable by every signed-in user (they are on the public list too). */
  async getProgramme(query: ProgrammeQuery): Promise<ProgrammeView> {
    const row = await this.bases.findProgramme(query.programmeId);
    if (!row) throw programmeNotFound();
    return {
      ...programmeViewOf(row, await this.defaultRatioOf(row.base_organisation_id)),
      closedDates: await this.bases.closedDatesFrom(row.id, this.today()),
    };
  }

  /** A programme's staff side: its base's staff, or platform admins. Others may only read it. */
  private async editableProgramme(query: ProgrammeQuery): Promise<ProgrammeRow> {
    const row = await this.bases.findProgramme(query.programmeId);
    if (!row) throw programmeNotFound();
    const access = await this.accessOf(query.actor);
    if (!access.isPlatformAdmin && !access.isBaseStaffOf(row.base_organisation_id))
      throw forbidden("A programme is changed by its base's staff");
    return row;
  }

  /**
   * Edits a published programme under its row lock, protecting the schools that booked: the
   * capacity never below the places taken on a future day (`CAPACITY_BELOW_TAKEN`), group
   * bounds and grades only if every active booking still fits
   * (`PROGRAMME_CHANGE_CONFLICTS_BOOKINGS`). Bookings are not rewritten: they keep their
   * price, options and places. Each edit is recorded (who, when, each field before/after).
   */
  async updateProgramme(command: UpdateProgrammeCommand): Promise<ProgrammeView> {
    await this.editableProgramme(command);
    const today = this.today();
    const closing = command.closeDates ?? [];
    const reopening = command.reopenDates ?? [];
    const problems: string[] = [];
    const notFuture = [...closing, ...reopening].filter((d) => d <= today);
    if (notFuture.length > 0)
      problems.push(`days to close or reopen must be after today: ${notFuture.join(', ')}`);
    const both = closing.filter((d) => reopening.includes(d));
    if (both.length > 0) problems.push(`a day is closed or reopened, not both: ${both.join(', ')}`);
    if (problems.length > 0)
      throw new AppError('PROGRAMME_INVALID', 'invalid', problems.join('; '), { problems });
    await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const p = (await this.bases.findProgramme(command.programmeId, manager, 'update'))!;
        const before = programmeViewOf(p, 0);
        const after = {
          title: command.title ?? before.title,
          theme: command.theme ?? before.theme,
          description: command.description ?? before.description,
          grades: command.grades ? [...command.grades].sort((a, b) => a - b) : before.grades,
          groupMin: command.groupMin ?? before.groupMin,
          groupMax: command.groupMax ?? before.groupMax,
          dailyCapacity: command.dailyCapacity ?? before.dailyCapacity,
          priceFen: command.priceFen ?? before.priceFen,
          mealOptions: command.mealOptions ?? before.mealOptions,
          transportOptions: command.transportOptions ?? before.transportOptions,
        };
        if (after.groupMin > after.groupMax) problems.push('groupMin must not exceed groupMax');
        if (after.groupMax > after.dailyCapacity)
          problems.push('groupMax must not exceed dailyCapacity');
        if (problems.length > 0)
          throw new AppError('PROGRAMME_INVALID', 'invalid', problems.join('; '), { problems });

        const days = await this.bases.daysFrom(manager, p.id, today);
        if (after.dailyCapacity < before.dailyCapacity) {
          const over = days.filter((d) => Number(d.taken) > after.dailyCapacity);
          if (over.length > 0)
            throw new AppError(
              'CAPACITY_BELOW_TAKEN',
              'conflict',
              `${over.length} days already have more than ${after.dailyCapacity} places taken (at most ${Math.max(...over.map((d) => Number(d.taken)))}): the capacity cannot go below the places schools hold`,
              {
                dailyCapacity: after.dailyCapacity,
                days: over.map((d) => ({ date: d.local_date, taken: Number(d.taken) })),
                fix: `Keep the capacity at ${Math.max(...over.map((d) => Number(d.taken)))} or more, or close the days to new bookings instead`,
              },
            );
        }
        const gradesChanged = after.grades.join() !== before.grades.join();
        if (
          gradesChanged ||
          after.groupMin !== before.groupMin ||
          after.groupMax !== before.groupMax
        ) {
          const misfits = (await this.bases.activeBookingsOf(manager, p.id)).flatMap((b) => {
            const count = Number(b.student_count);
            const grades = [
              ...new Set((JSON.parse(b.students) as { grade: number }[]).map((s) => s.grade)),
            ].sort((x, y) => x - y);
            const found: string[] = [];
            if (count < after.groupMin || count > after.groupMax)
              found.push(`${count} students, outside ${after.groupMin}–${after.groupMax}`);
            const unsuited = grades.filter((g) => !after.grades.includes(g));
            if (unsuited.length > 0)
              found.push(`grades ${unsuited.join(', ')} not in the new grades`);
            return found.length === 0
              ? []
              : [
                  {
                    bookingId: b.id,
                    status: b.status,
                    date: b.local_date,
                    studentCount: count,
                    grades,
                    problems: found,
                  },
                ];
          });
          if (misfits.length > 0)
            throw new AppError(
              'PROGRAMME_CHANGE_CONFLICTS_BOOKINGS',
              'conflict',
              `${misfits.length} active bookings do not fit the new group size or grades; they keep what they agreed to, so the change is refused`,
              {
                bookings: misfits,
                fix: 'Keep bounds and grades that the listed bookings fit, or wait until they are over',
              },
            );
        }

        const edit: ProgrammeEdit = {};
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        const columns: Record<keyof typeof after, keyof ProgrammeEdit> = {
          title: 'title',
          theme: 'theme',
          description: 'description',
          grades: 'grades_mask',
          groupMin: 'group_min',
          groupMax: 'group_max',
          dailyCapacity: 'daily_capacity',
          priceFen: 'price_fen',
          mealOptions: 'meal_options',
          transportOptions: 'transport_options',
        };
        for (const field of Object.keys(columns) as (keyof typeof after)[]) {
          const from = before[field];
          const to = after[field];
          if (JSON.stringify(from) === JSON.stringify(to)) continue;
          changes[field] = { from, to };
          const column = columns[field];
          if (field === 'grades') edit.grades_mask = gradesMaskOf(after.grades);
          else if (Array.isArray(to)) Object.assign(edit, { [column]: JSON.stringify(to) });
          else Object.assign(edit, { [column]: to });
        }
        const closedBefore = new Set(
          days.filter((d) => Number(d.closed) === 1).map((d) => d.local_date),
        );
        const closed = closing.filter((d) => !closedBefore.has(d)).sort();
        const reopened = reopening.filter((d) => closedBefore.has(d)).sort();
        if (closed.length > 0) changes.closedDates = { from: null, to: closed };
        if (reopened.length > 0) changes.reopenedDates = { from: null, to: reopened };
        if (Object.keys(changes).length === 0) return;

        const now = this.clock.now();
        await this.bases.updateProgramme(manager, p.id, edit, command.actor.accountId, now);
        if (after.dailyCapacity !== before.dailyCapacity)
          await this.bases.setCapacityFrom(manager, p.id, today, after.dailyCapacity);
        if (closed.length > 0)
          await this.bases.setDaysClosed(manager, p.id, closed, after.dailyCapacity, true);
        if (reopened.length > 0)
          await this.bases.setDaysClosed(manager, p.id, reopened, after.dailyCapacity, false);
        await this.bases.insertProgrammeChange(manager, {
          id: randomUUID(),
          programmeId: p.id,
          by: command.actor.accountId,
          at: now,
          changes,
        });
      }),
    );
    return this.getProgramme(command);
  }

  /** The recorded changes of a programme, oldest first (its base's staff, platform admins). */
  async programmeChanges(query: ProgrammeQuery): Promise<ProgrammeChangeView[]> {
    const row = await this.editableProgramme(query);
    return (await this.bases.programmeChanges(row.id)).map((c) => ({
      changedBy: c.changed_by,
      changedAt: c.changed_at.toISOString(),
      changes: JSON.parse(c.changes) as ProgrammeChangeView['changes'],
    }));
  }

  // ------------------------------------------------------------ settings

  async getBureauSettings(query: BureauSettingsQuery): Promise<BureauSettingsView> {
    const access = await this.accessOf(query.actor);
    const bureau = await this.readModel.findOrganisation(query.bureauId);
    if (!bureau || bureau.kind !== 'bureau' || !access.oversees(bureau.regionCode))
      throw new AppError(
        'STUDY_TOUR_BUREAU_NOT_FOUND',
        'not_found',
        'No such bureau in your scope',
      );
    const set = (await this.bases.bureauRatios([bureau.id])).get(bureau.id);
    return {
      bureauId: bureau.id,
      studentsPerTeacher: set ?? this.config.DEFAULT_STUDENTS_PER_TEACHER,
      isSet: set !== undefined,
    };
  }

  async setBureauSettings(command: SetBureauSettingsCommand): Promise<BureauSettingsView> {
    await this.getBureauSettings(command);
    if (
      command.actor.role !== 'platform_admin' &&
      command.actor.organisationId !== command.bureauId
    )
      throw forbidden("A bureau's own admins set its default ratio");
    await this.bases.setBureauRatio(
      command.bureauId,
      command.studentsPerTeacher,
      command.actor.accountId,
      this.clock.now(),
    );
    return this.getBureauSettings(command);
  }

  async getSchoolSettings(query: SchoolSettingsQuery): Promise<SchoolSettingsView> {
    const access = await this.accessOf(query.actor);
    const school = await this.readModel.findOrganisation(query.schoolId);
    if (
      !school ||
      school.kind !== 'school' ||
      !(access.isSchoolStaffOf(school.id) || access.oversees(school.regionCode))
    )
      throw new AppError(
        'STUDY_TOUR_SCHOOL_NOT_FOUND',
        'not_found',
        'No such school in your scope',
      );
    return { schoolId: school.id, ...(await this.bases.schoolSettings(school.id)) };
  }

  async setSchoolSettings(command: SetSchoolSettingsCommand): Promise<SchoolSettingsView> {
    await this.getSchoolSettings(command);
    if (!(await this.accessOf(command.actor)).isSchoolStaffOf(command.schoolId))
      throw forbidden("The school's own staff set its study-tour approval");
    const principal = command.principalAccountId ?? null;
    if (command.approvalRequired && !principal)
      throw new AppError(
        'PRINCIPAL_REQUIRED',
        'invalid',
        "Approval needs the principal's account (a school_staff account of the school)",
      );
    // Issue 12: the principal is an existing school_staff account of this very school.
    if (principal && (await this.readModel.notStaffOf(command.schoolId, [principal])).length > 0)
      throw new AppError(
        'PRINCIPAL_NOT_SCHOOL_STAFF',
        'invalid',
        'The principal must be an existing school_staff account of this school',
        {
          principalAccountId: principal,
          fix: "Name the principal's own school_staff account of this school",
        },
      );
    await this.bases.setSchoolSettings(
      command.schoolId,
      command.approvalRequired,
      principal,
      command.actor.accountId,
      this.clock.now(),
    );
    return this.getSchoolSettings(command);
  }
}

export function programmeViewOf(p: ProgrammeRow, defaultRatio: number): ProgrammeView {
  const own = p.students_per_teacher === null ? null : Number(p.students_per_teacher);
  return {
    id: p.id,
    baseOrganisationId: p.base_organisation_id,
    title: p.title,
    theme: p.theme,
    description: p.description,
    grades: gradesOfMask(Number(p.grades_mask)),
    duration: p.duration,
    days: Number(p.days),
    groupMin: Number(p.group_min),
    groupMax: Number(p.group_max),
    dailyCapacity: Number(p.daily_capacity),
    priceFen: Number(p.price_fen),
    studentsPerTeacher: own,
    effectiveStudentsPerTeacher: Math.min(own ?? defaultRatio, defaultRatio),
    mealOptions: JSON.parse(p.meal_options) as ProgrammeView['mealOptions'],
    transportOptions: JSON.parse(p.transport_options) as ProgrammeView['transportOptions'],
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    updatedBy: p.updated_by,
  };
}
