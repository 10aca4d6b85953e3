import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { holidaysByDate, periodsBySchoolYear, type OrganisationKind } from '@app/contracts';
import {
  upsertPlacements,
  type RosterPlacement,
  type RosterReadModelAdapter,
} from '@app/messaging';
import { enclosingAreas } from '../calendar/area-code.js';
import type { HolidayRecord, VacationRecord } from './calendar-records.js';

export interface KnownOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
}

/** What the calendar of an area says per date, layered like the directory's (layering.ts). */
export interface AreaCalendar {
  holidays: Map<string, { kind: 'holiday' | 'makeup_workday'; name: string | null }>;
  vacations: { kind: string; startsOn: string; endsOn: string }[];
}

/** The roster table the shared roster read model writes (`venue_students`). */
export const VENUE_STUDENTS = { table: 'venue_students', id: 'id', enrolled: 'enrolled' } as const;

/**
 * The SQL condition "every one of `count` listed ids is enrolled at the school", for the
 * booking's own statement (the ids are unique, so the count says all of them were found).
 */
export function allEnrolledCondition(
  schoolId: string,
  studentIds: string[],
): { sql: string; params: unknown[] } {
  return {
    sql: `(SELECT COUNT(*) FROM venue_students r WHERE r.id IN (?) AND r.school_id = ? AND r.enrolled = 1) = ?`,
    params: [studentIds, schoolId, studentIds.length],
  };
}

/**
 * The service's copy of directory data: organisations, holidays and vacations per area, and
 * the roster (the shared roster read model's adapter: group `venues-roster`).
 */
@Injectable()
export class ReadModelRepository implements RosterReadModelAdapter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Each student's latest placement (`enrolled` 0 once withdrawn), in one statement per
   * batch; a row whose roster event is later is kept.
   */
  async placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void> {
    await upsertPlacements(manager, VENUE_STUDENTS, placements);
  }

  /**
   * The ids among `studentIds` that are not enrolled at `schoolId` (unknown, withdrawn or
   * of another school), in the order given; a school without any roster rows refuses all.
   * Inside a transaction (`manager`) the rows read stay share-locked until it ends, so the
   * roster cannot change under the command that relies on them.
   */
  async studentsNotInSchool(
    schoolId: string | null,
    studentIds: string[],
    manager?: EntityManager,
  ): Promise<string[]> {
    if (studentIds.length === 0) return [];
    if (!schoolId) return [...studentIds];
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT id FROM venue_students WHERE id IN (?) AND school_id = ? AND enrolled = 1${manager ? ' LOCK IN SHARE MODE' : ''}`,
      [studentIds, schoolId],
    );
    const enrolled = new Set(rows.map((r) => r.id.toLowerCase()));
    return studentIds.filter((id) => !enrolled.has(id.toLowerCase()));
  }

  async saveOrganisation(manager: EntityManager, o: KnownOrganisation): Promise<void> {
    await manager.query(
      `INSERT INTO known_organisations (id, kind, name, region_code) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name), region_code = VALUES(region_code)`,
      [o.id, o.kind, o.name, o.regionCode],
    );
  }

  async findOrganisation(id: string): Promise<KnownOrganisation | null> {
    const rows: { id: string; kind: OrganisationKind; name: string; region_code: string }[] =
      await this.dataSource.query('SELECT * FROM known_organisations WHERE id = ?', [id]);
    return rows[0]
      ? { id: rows[0].id, kind: rows[0].kind, name: rows[0].name, regionCode: rows[0].region_code }
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
        `INSERT INTO area_vacations (id, area_code, school_year, kind, starts_on, ends_on)
         VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE area_code = VALUES(area_code), school_year = VALUES(school_year),
           kind = VALUES(kind), starts_on = VALUES(starts_on), ends_on = VALUES(ends_on)`,
        [v.id, v.areaCode, v.schoolYear, v.kind, v.startsOn, v.endsOn],
      );
    }
  }

  async deleteVacations(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.query('DELETE FROM area_vacations WHERE id IN (?)', [ids]);
  }

  /**
   * The calendar of an area from `from` to `to`, layered like the directory's (one rule,
   * `@app/contracts` layering.ts): holidays per date from the nearest area with an entry
   * that date; vacations whole, per school year, from the nearest area with any that year.
   */
  async areaCalendar(areaCode: string, from: string, to: string): Promise<AreaCalendar> {
    const areas = enclosingAreas(areaCode);
    const holidayRows: {
      areaCode: string;
      date: string;
      kind: 'holiday' | 'makeup_workday';
      name: string | null;
    }[] = await this.dataSource.query(
      `SELECT area_code AS areaCode, DATE_FORMAT(on_date, '%Y-%m-%d') AS date, kind, name
         FROM area_holidays WHERE area_code IN (?) AND on_date BETWEEN ? AND ?`,
      [areas, from, to],
    );
    const holidays: AreaCalendar['holidays'] = new Map();
    for (const [date, row] of holidaysByDate(areaCode, holidayRows)) {
      holidays.set(date, { kind: row.kind, name: row.name });
    }
    const vacationRows: {
      areaCode: string;
      schoolYear: string;
      kind: string;
      startsOn: string;
      endsOn: string;
    }[] = await this.dataSource.query(
      `SELECT area_code AS areaCode, school_year AS schoolYear, kind,
           DATE_FORMAT(starts_on, '%Y-%m-%d') AS startsOn, DATE_FORMAT(ends_on, '%Y-%m-%d') AS endsOn
         FROM area_vacations WHERE area_code IN (?)`,
      [areas],
    );
    const vacations = periodsBySchoolYear(areaCode, vacationRows)
      .filter((row) => row.endsOn >= from && row.startsOn <= to)
      .map((row) => ({ kind: row.kind, startsOn: row.startsOn, endsOn: row.endsOn }));
    return { holidays, vacations };
  }
}
