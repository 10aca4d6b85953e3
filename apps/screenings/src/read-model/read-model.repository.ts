import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  enclosingAreas,
  holidaysByDate,
  isWeekendDate,
  periodsBySchoolYear,
  type OrganisationKind,
} from '@app/contracts';
import {
  upsertPlacements,
  type RosterPlacement,
  type RosterReadModelAdapter,
} from '@app/messaging';
import type { HolidayRecord, VacationRecord } from './calendar-records.js';

export interface KnownOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  parentId: string | null;
}

export interface RosterStudent {
  studentId: string;
  schoolId: string;
  classId: string | null;
  grade: number;
}

/** Why a date is not a school day in an area (`null` from nonSchoolDay: it is one). */
export interface NonSchoolDay {
  date: string;
  kind: 'holiday' | 'weekend' | 'vacation';
  /** The holiday's or vacation's name, if the calendar gives one. */
  name: string | null;
}

interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  region_code: string;
  parent_id: string | null;
}

const organisationOf = (r: OrganisationRow): KnownOrganisation => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  regionCode: r.region_code,
  parentId: r.parent_id,
});

/**
 * The service's copy of directory data: organisations and where each student is (the roster
 * adapter of the shared RosterReadModel: table roster_students).
 */
@Injectable()
export class ReadModelRepository implements RosterReadModelAdapter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async saveOrganisation(manager: EntityManager, o: KnownOrganisation): Promise<void> {
    await manager.query(
      `INSERT INTO known_organisations (id, kind, name, region_code, parent_id) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),
         region_code = VALUES(region_code), parent_id = VALUES(parent_id)`,
      [o.id, o.kind, o.name, o.regionCode, o.parentId],
    );
  }

  async findOrganisation(id: string): Promise<KnownOrganisation | null> {
    const rows: OrganisationRow[] = await this.dataSource.query(
      'SELECT * FROM known_organisations WHERE id = ?',
      [id],
    );
    return rows[0] ? organisationOf(rows[0]) : null;
  }

  async findOrganisationByName(
    kind: OrganisationKind,
    name: string,
  ): Promise<KnownOrganisation | null> {
    const rows: OrganisationRow[] = await this.dataSource.query(
      'SELECT * FROM known_organisations WHERE kind = ? AND name = ? LIMIT 1',
      [kind, name],
    );
    return rows[0] ? organisationOf(rows[0]) : null;
  }

  async bureaus(): Promise<KnownOrganisation[]> {
    const rows: OrganisationRow[] = await this.dataSource.query(
      "SELECT * FROM known_organisations WHERE kind = 'bureau'",
    );
    return rows.map(organisationOf);
  }

  /**
   * Places students, each unless a later roster event was already applied: the four roster
   * topics are ordered per student within a topic only, so the event's time decides. One
   * statement for a whole batch.
   */
  async placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void> {
    await upsertPlacements(
      manager,
      { table: 'roster_students', id: 'student_id', enrolled: 'active', schoolYear: 'school_year' },
      placements,
    );
  }

  /**
   * The current students of a class. With `lock` (inside a booking's transaction) their rows
   * are locked in student-id order, so two bookings of one student run one after the other.
   */
  async classStudents(
    manager: EntityManager,
    schoolId: string,
    classId: string,
    lock: boolean,
  ): Promise<RosterStudent[]> {
    const rows: {
      student_id: string;
      school_id: string;
      class_id: string | null;
      grade: number;
    }[] = await manager.query(
      `SELECT student_id, school_id, class_id, grade FROM roster_students
         WHERE school_id = ? AND class_id = ? AND active = 1 ORDER BY student_id${lock ? ' FOR UPDATE' : ''}`,
      [schoolId, classId],
    );
    return rows.map((r) => ({
      studentId: r.student_id,
      schoolId: r.school_id,
      classId: r.class_id,
      grade: Number(r.grade),
    }));
  }

  /**
   * One current student (active), or null. With `lock` (inside a booking's transaction) the
   * row is locked, as classStudents locks a class's, so two bookings of one student run in turn.
   */
  async rosterStudent(
    manager: EntityManager,
    studentId: string,
    lock: boolean,
  ): Promise<RosterStudent | null> {
    const rows: {
      student_id: string;
      school_id: string;
      class_id: string | null;
      grade: number;
    }[] = await manager.query(
      `SELECT student_id, school_id, class_id, grade FROM roster_students
         WHERE student_id = ? AND active = 1${lock ? ' FOR UPDATE' : ''}`,
      [studentId],
    );
    const r = rows[0];
    return r
      ? {
          studentId: r.student_id,
          schoolId: r.school_id,
          classId: r.class_id,
          grade: Number(r.grade),
        }
      : null;
  }

  async upsertHolidays(manager: EntityManager, records: HolidayRecord[]): Promise<void> {
    for (const h of records) {
      // One entry per area and date: a replaced entry may come with a new id.
      await manager.query(
        'DELETE FROM area_holidays WHERE id = ? OR (area_code = ? AND on_date = ?)',
        [h.id, h.areaCode, h.date],
      );
      await manager.query(
        'INSERT INTO area_holidays (id, area_code, on_date, kind, name) VALUES (?, ?, ?, ?, ?)',
        [h.id, h.areaCode, h.date, h.kind, h.name],
      );
    }
  }

  async deleteHolidays(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.query('DELETE FROM area_holidays WHERE id IN (?)', [ids]);
  }

  async upsertVacations(manager: EntityManager, records: VacationRecord[]): Promise<void> {
    for (const v of records) {
      await manager.query(
        `INSERT INTO area_vacations (id, area_code, school_year, kind, name, starts_on, ends_on)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE area_code = VALUES(area_code), school_year = VALUES(school_year),
           kind = VALUES(kind), name = VALUES(name), starts_on = VALUES(starts_on),
           ends_on = VALUES(ends_on)`,
        [v.id, v.areaCode, v.schoolYear, v.kind, v.name, v.startsOn, v.endsOn],
      );
    }
  }

  async deleteVacations(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.query('DELETE FROM area_vacations WHERE id IN (?)', [ids]);
  }

  /**
   * Whether `date` is not a school day in `areaCode`, layered like the directory's calendar
   * (the shared rule of `@app/contracts` layering.ts): a statutory holiday, a weekend that is
   * not a make-up working day, or a day of a vacation. `null`: a school day (as far as the
   * calendar this service has heard of says).
   */
  async nonSchoolDay(areaCode: string, date: string): Promise<NonSchoolDay | null> {
    const areas = enclosingAreas(areaCode);
    const holidayRows: {
      areaCode: string;
      date: string;
      kind: 'holiday' | 'makeup_workday';
      name: string | null;
    }[] = await this.dataSource.query(
      `SELECT area_code AS areaCode, DATE_FORMAT(on_date, '%Y-%m-%d') AS date, kind, name
         FROM area_holidays WHERE area_code IN (?) AND on_date = ?`,
      [areas, date],
    );
    const entry = holidaysByDate(areaCode, holidayRows).get(date);
    if (entry?.kind === 'holiday') return { date, kind: 'holiday', name: entry.name };
    const vacationRows: {
      areaCode: string;
      schoolYear: string;
      name: string | null;
      startsOn: string;
      endsOn: string;
    }[] = await this.dataSource.query(
      `SELECT area_code AS areaCode, school_year AS schoolYear, name,
           DATE_FORMAT(starts_on, '%Y-%m-%d') AS startsOn, DATE_FORMAT(ends_on, '%Y-%m-%d') AS endsOn
         FROM area_vacations WHERE area_code IN (?)`,
      [areas],
    );
    const vacation = periodsBySchoolYear(areaCode, vacationRows).find(
      (v) => v.startsOn <= date && date <= v.endsOn,
    );
    if (vacation) return { date, kind: 'vacation', name: vacation.name };
    if (isWeekendDate(date) && entry?.kind !== 'makeup_workday') {
      return { date, kind: 'weekend', name: null };
    }
    return null;
  }
}
