import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  BaseLevel,
  DesignationChecklist,
  DesignationDocument,
  DesignationStatus,
  MealOption,
  ProgrammeDuration,
  TransportOption,
} from '@app/contracts';

export interface DesignationRow {
  id: string;
  organisation_id: string;
  level: BaseLevel;
  designated_by_org_id: string | null;
  designated_by: string;
  valid_from: string;
  valid_until: string;
  status: DesignationStatus;
  status_reason: string | null;
  checklist: string;
  documents: string;
  created_at: Date;
  updated_at: Date;
}

export interface ProgrammeRow {
  id: string;
  base_organisation_id: string;
  title: string;
  theme: string;
  description: string;
  grades_mask: number;
  duration: ProgrammeDuration;
  days: number;
  group_min: number;
  group_max: number;
  daily_capacity: number;
  price_fen: number;
  students_per_teacher: number | null;
  meal_options: string;
  transport_options: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

/** The editable columns of a programme. */
export type ProgrammeEdit = Partial<
  Pick<
    ProgrammeRow,
    | 'title'
    | 'theme'
    | 'description'
    | 'grades_mask'
    | 'group_min'
    | 'group_max'
    | 'daily_capacity'
    | 'price_fen'
    | 'meal_options'
    | 'transport_options'
  >
>;

/** A day of a programme with places taken, or closed. */
export interface ProgrammeDayRow {
  local_date: string;
  capacity: number;
  taken: number;
  closed: number;
}

/** An active booking of a programme, as the edit checks see it. */
export interface ActiveBookingRow {
  id: string;
  status: string;
  local_date: string;
  student_count: number;
  students: string;
}

export interface RatingRow {
  booking_id: string;
  programme_id: string;
  score: number;
  comment: string | null;
  local_date: string;
  created_at: Date;
}

export interface NewDesignation {
  id: string;
  organisationId: string;
  level: BaseLevel;
  designatedByOrgId: string | null;
  designatedBy: string;
  validFrom: string;
  validUntil: string;
  checklist: DesignationChecklist;
  documents: DesignationDocument[];
  now: Date;
}

export interface NewProgramme {
  id: string;
  baseOrganisationId: string;
  title: string;
  theme: string;
  description: string;
  gradesMask: number;
  duration: ProgrammeDuration;
  days: number;
  groupMin: number;
  groupMax: number;
  dailyCapacity: number;
  priceFen: number;
  studentsPerTeacher: number | null;
  mealOptions: MealOption[];
  transportOptions: TransportOption[];
  createdBy: string;
  now: Date;
}

const DESIGNATION_COLUMNS = `d.*, DATE_FORMAT(d.valid_from, '%Y-%m-%d') AS valid_from,
  DATE_FORMAT(d.valid_until, '%Y-%m-%d') AS valid_until`;

/** Grades 1–12 as bits of an INT, so a list can filter "suits grade g" in SQL. */
export const gradesMaskOf = (grades: number[]): number =>
  grades.reduce((mask, g) => mask | (1 << g), 0);
export const gradesOfMask = (mask: number): number[] =>
  Array.from({ length: 12 }, (_, i) => i + 1).filter((g) => (mask & (1 << g)) !== 0);

@Injectable()
export class BasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ------------------------------------------------------------ designations

  async insertDesignation(manager: EntityManager, d: NewDesignation): Promise<void> {
    await manager.query(
      `INSERT INTO st_designations (id, organisation_id, level, designated_by_org_id, designated_by,
         valid_from, valid_until, status, status_reason, live_flag, checklist, documents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', NULL, 1, ?, ?, ?, ?)`,
      [
        d.id,
        d.organisationId,
        d.level,
        d.designatedByOrgId,
        d.designatedBy,
        d.validFrom,
        d.validUntil,
        JSON.stringify(d.checklist),
        JSON.stringify(d.documents),
        d.now,
        d.now,
      ],
    );
  }

  async findDesignation(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<DesignationRow | null> {
    const rows: DesignationRow[] = await manager.query(
      `SELECT ${DESIGNATION_COLUMNS} FROM st_designations d WHERE d.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async changeDesignation(
    manager: EntityManager,
    id: string,
    status: DesignationStatus,
    reason: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE st_designations SET status = ?, status_reason = ?, updated_at = ?,
         live_flag = ${status === 'revoked' ? 'NULL' : '1'} WHERE id = ?`,
      [status, reason, now, id],
    );
  }

  /** Designations of bases whose region matches `regionLike` (a LIKE pattern). */
  async listDesignations(filter: {
    regionLike: string | null;
    organisationId?: string;
    status?: DesignationStatus;
    page: number;
    pageSize: number;
  }): Promise<{ rows: DesignationRow[]; total: number }> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (filter.regionLike !== null) {
      where.push('o.region_code LIKE ?');
      params.push(filter.regionLike);
    }
    if (filter.organisationId) {
      where.push('d.organisation_id = ?');
      params.push(filter.organisationId);
    }
    if (filter.status) {
      where.push('d.status = ?');
      params.push(filter.status);
    }
    const from = `FROM st_designations d JOIN st_organisations o ON o.id = d.organisation_id WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total ${from}`,
      params,
    );
    const rows: DesignationRow[] = await this.dataSource.query(
      `SELECT ${DESIGNATION_COLUMNS} ${from} ORDER BY d.created_at DESC, d.id LIMIT ? OFFSET ?`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { rows, total: Number(total) };
  }

  /** Active designations of a base whose period contains `onDate` (in force that day). */
  async designationsInForce(
    organisationId: string,
    onDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DesignationRow[]> {
    return manager.query(
      `SELECT ${DESIGNATION_COLUMNS} FROM st_designations d
       WHERE d.organisation_id = ? AND d.status = 'active' AND ? BETWEEN d.valid_from AND d.valid_until
       ORDER BY d.valid_until DESC`,
      [organisationId, onDate],
    );
  }

  /** Active designations of a base not yet expired on `today` (they may start later). */
  async activeDesignations(
    organisationId: string,
    today: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DesignationRow[]> {
    return manager.query(
      `SELECT ${DESIGNATION_COLUMNS} FROM st_designations d
       WHERE d.organisation_id = ? AND d.status = 'active' AND d.valid_until >= ?`,
      [organisationId, today],
    );
  }

  // ------------------------------------------------------------ public list

  async listBases(filter: {
    today: string;
    level?: BaseLevel;
    regionLike?: string;
    theme?: string;
    grade?: number;
    page: number;
    pageSize: number;
  }): Promise<{ rows: { id: string; name: string; region_code: string }[]; total: number }> {
    const params: unknown[] = [filter.today];
    let designation = `d.organisation_id = o.id AND d.status = 'active' AND ? BETWEEN d.valid_from AND d.valid_until`;
    if (filter.level) {
      designation += ' AND d.level = ?';
      params.push(filter.level);
    }
    const where = [
      `o.kind = 'venue'`,
      `EXISTS (SELECT 1 FROM st_designations d WHERE ${designation})`,
    ];
    if (filter.regionLike) {
      where.push('o.region_code LIKE ?');
      params.push(filter.regionLike);
    }
    if (filter.theme !== undefined || filter.grade !== undefined) {
      let programme = 'p.base_organisation_id = o.id';
      if (filter.theme !== undefined) {
        programme += ' AND p.theme LIKE ?';
        params.push(`%${filter.theme.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      if (filter.grade !== undefined) {
        programme += ' AND (p.grades_mask & ?) <> 0';
        params.push(1 << filter.grade);
      }
      where.push(`EXISTS (SELECT 1 FROM st_programmes p WHERE ${programme})`);
    }
    const from = `FROM st_organisations o WHERE ${where.join(' AND ')}`;
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total ${from}`,
      params,
    );
    const rows: { id: string; name: string; region_code: string }[] = await this.dataSource.query(
      `SELECT o.id, o.name, o.region_code ${from} ORDER BY o.name, o.id LIMIT ? OFFSET ?`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { rows, total: Number(total) };
  }

  async levelsInForce(ids: string[], today: string): Promise<Map<string, BaseLevel[]>> {
    const map = new Map<string, BaseLevel[]>();
    if (ids.length === 0) return map;
    const rows: { organisation_id: string; level: BaseLevel }[] = await this.dataSource.query(
      `SELECT DISTINCT organisation_id, level FROM st_designations
       WHERE organisation_id IN (?) AND status = 'active' AND ? BETWEEN valid_from AND valid_until`,
      [ids, today],
    );
    for (const r of rows)
      map.set(r.organisation_id, [...(map.get(r.organisation_id) ?? []), r.level]);
    return map;
  }

  async ratingsSummary(ids: string[]): Promise<Map<string, { average: number; count: number }>> {
    const map = new Map<string, { average: number; count: number }>();
    if (ids.length === 0) return map;
    const rows: { base_organisation_id: string; average: string; count: string }[] =
      await this.dataSource.query(
        `SELECT base_organisation_id, AVG(score) AS average, COUNT(*) AS count FROM st_ratings
         WHERE base_organisation_id IN (?) GROUP BY base_organisation_id`,
        [ids],
      );
    for (const r of rows) {
      map.set(r.base_organisation_id, {
        average: Math.round(Number(r.average) * 100) / 100,
        count: Number(r.count),
      });
    }
    return map;
  }

  async ratingsOfBase(
    organisationId: string,
    page: number,
    pageSize: number,
  ): Promise<{ rows: RatingRow[]; total: number }> {
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM st_ratings WHERE base_organisation_id = ?',
      [organisationId],
    );
    const rows: RatingRow[] = await this.dataSource.query(
      `SELECT r.booking_id, r.programme_id, r.score, r.comment, r.created_at,
         DATE_FORMAT(b.local_date, '%Y-%m-%d') AS local_date
       FROM st_ratings r JOIN st_bookings b ON b.id = r.booking_id
       WHERE r.base_organisation_id = ? ORDER BY r.created_at DESC, r.booking_id LIMIT ? OFFSET ?`,
      [organisationId, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: Number(total) };
  }

  // ------------------------------------------------------------ programmes

  async insertProgramme(manager: EntityManager, p: NewProgramme): Promise<void> {
    await manager.query(
      `INSERT INTO st_programmes (id, base_organisation_id, title, theme, description, grades_mask,
         duration, days, group_min, group_max, daily_capacity, price_fen, students_per_teacher,
         meal_options, transport_options, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        p.id,
        p.baseOrganisationId,
        p.title,
        p.theme,
        p.description,
        p.gradesMask,
        p.duration,
        p.days,
        p.groupMin,
        p.groupMax,
        p.dailyCapacity,
        p.priceFen,
        p.studentsPerTeacher,
        JSON.stringify(p.mealOptions),
        JSON.stringify(p.transportOptions),
        p.createdBy,
        p.now,
        p.now,
      ],
    );
  }

  /**
   * `lock`: 'update' while editing; 'share' while taking places, so a booking and an edit of
   * the programme's capacity never interleave (the day rows a booking makes get the capacity
   * that holds when it commits).
   */
  async findProgramme(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'update' | 'share',
  ): Promise<ProgrammeRow | null> {
    const suffix =
      lock === 'update' ? ' FOR UPDATE' : lock === 'share' ? ' LOCK IN SHARE MODE' : '';
    const rows: ProgrammeRow[] = await manager.query(
      `SELECT * FROM st_programmes WHERE id = ?${suffix}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async updateProgramme(
    manager: EntityManager,
    id: string,
    edit: ProgrammeEdit,
    by: string,
    now: Date,
  ): Promise<void> {
    const columns = Object.keys(edit) as (keyof ProgrammeEdit)[];
    await manager.query(
      `UPDATE st_programmes SET ${columns.map((c) => `${c} = ?, `).join('')}updated_at = ?, updated_by = ? WHERE id = ?`,
      [...columns.map((c) => edit[c]), now, by, id],
    );
  }

  async insertProgrammeChange(
    manager: EntityManager,
    change: { id: string; programmeId: string; by: string; at: Date; changes: object },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO st_programme_changes (id, programme_id, changed_by, changed_at, changes) VALUES (?, ?, ?, ?, ?)`,
      [change.id, change.programmeId, change.by, change.at, JSON.stringify(change.changes)],
    );
  }

  async programmeChanges(
    programmeId: string,
  ): Promise<{ changed_by: string; changed_at: Date; changes: string }[]> {
    return this.dataSource.query(
      'SELECT changed_by, changed_at, changes FROM st_programme_changes WHERE programme_id = ? ORDER BY changed_at, id',
      [programmeId],
    );
  }

  /** The programme's day rows from `from` on, locked (an edit checks and changes them). */
  async daysFrom(
    manager: EntityManager,
    programmeId: string,
    from: string,
  ): Promise<ProgrammeDayRow[]> {
    return manager.query(
      `SELECT DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date, capacity, taken, closed
         FROM st_programme_days WHERE programme_id = ? AND local_date >= ?
        ORDER BY local_date FOR UPDATE`,
      [programmeId, from],
    );
  }

  async setCapacityFrom(
    manager: EntityManager,
    programmeId: string,
    from: string,
    capacity: number,
  ): Promise<void> {
    await manager.query(
      'UPDATE st_programme_days SET capacity = ? WHERE programme_id = ? AND local_date >= ?',
      [capacity, programmeId, from],
    );
  }

  /** Closes (or reopens) days, making the day row where none exists yet. */
  async setDaysClosed(
    manager: EntityManager,
    programmeId: string,
    dates: string[],
    capacity: number,
    closed: boolean,
  ): Promise<void> {
    for (const date of [...dates].sort())
      await manager.query(
        `INSERT INTO st_programme_days (programme_id, local_date, capacity, taken, closed) VALUES (?, ?, ?, 0, ?)
         ON DUPLICATE KEY UPDATE closed = VALUES(closed)`,
        [programmeId, date, capacity, closed ? 1 : 0],
      );
  }

  async closedDatesFrom(programmeId: string, from: string): Promise<string[]> {
    const rows: { local_date: string }[] = await this.dataSource.query(
      `SELECT DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date FROM st_programme_days
        WHERE programme_id = ? AND local_date >= ? AND closed = 1 ORDER BY local_date`,
      [programmeId, from],
    );
    return rows.map((r) => r.local_date);
  }

  /** Bookings that hold or will hold the programme's places: awaiting approval, submitted, confirmed. */
  async activeBookingsOf(manager: EntityManager, programmeId: string): Promise<ActiveBookingRow[]> {
    return manager.query(
      `SELECT id, status, DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date, student_count, students
         FROM st_bookings
        WHERE programme_id = ? AND status IN ('awaiting_approval', 'submitted', 'confirmed')
        ORDER BY local_date, id LOCK IN SHARE MODE`,
      [programmeId],
    );
  }

  async programmesOf(baseIds: string[]): Promise<ProgrammeRow[]> {
    if (baseIds.length === 0) return [];
    return this.dataSource.query(
      'SELECT * FROM st_programmes WHERE base_organisation_id IN (?) ORDER BY created_at, id',
      [baseIds],
    );
  }

  // ------------------------------------------------------------ settings

  async bureauRatios(bureauIds: string[]): Promise<Map<string, number>> {
    const map = new Map<string, number>();
    if (bureauIds.length === 0) return map;
    const rows: { bureau_id: string; students_per_teacher: number }[] = await this.dataSource.query(
      'SELECT bureau_id, students_per_teacher FROM st_bureau_settings WHERE bureau_id IN (?)',
      [bureauIds],
    );
    for (const r of rows) map.set(r.bureau_id, Number(r.students_per_teacher));
    return map;
  }

  async setBureauRatio(bureauId: string, ratio: number, by: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO st_bureau_settings (bureau_id, students_per_teacher, updated_by, updated_at)
       VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE students_per_teacher = VALUES(students_per_teacher),
         updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)`,
      [bureauId, ratio, by, now],
    );
  }

  async schoolSettings(
    schoolId: string,
  ): Promise<{ approvalRequired: boolean; principalAccountId: string | null }> {
    const rows: { approval_required: number; principal_account_id: string | null }[] =
      await this.dataSource.query(
        'SELECT approval_required, principal_account_id FROM st_school_settings WHERE school_id = ?',
        [schoolId],
      );
    return {
      approvalRequired: rows[0] ? Number(rows[0].approval_required) === 1 : false,
      principalAccountId: rows[0]?.principal_account_id ?? null,
    };
  }

  async setSchoolSettings(
    schoolId: string,
    approvalRequired: boolean,
    principalAccountId: string | null,
    by: string,
    now: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO st_school_settings (school_id, approval_required, principal_account_id, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE approval_required = VALUES(approval_required),
         principal_account_id = VALUES(principal_account_id), updated_by = VALUES(updated_by),
         updated_at = VALUES(updated_at)`,
      [schoolId, approvalRequired ? 1 : 0, principalAccountId, by, now],
    );
  }
}
