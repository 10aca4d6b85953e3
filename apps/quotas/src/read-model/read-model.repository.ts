import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  upsertPlacements,
  type RosterPlacement,
  type RosterReadModelAdapter,
} from '@app/messaging';
import type { StudentNames } from './roster-names.js';
import { TermCalendar, type TermRecord } from './term-calendar.js';

export interface KnownSchool {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  stage: string | null;
}

export interface StudentPlacement {
  studentId: string;
  schoolId: string;
  classId: string | null;
  grade: number;
  schoolYear: string | null;
}

/** Who a student is, for a report's rows: never a national ID. */
export interface StudentIdentity {
  name: string | null;
  studentNumber: string | null;
  className: string | null;
}

/** A cached copy lives this long: another replica may have applied a directory change. */
const CACHE_MS = 5_000;

/**
 * The service's copy of directory data: organisations, roster, terms (the roster adapter of
 * the shared RosterReadModel: table q_students).
 */
@Injectable()
export class ReadModelRepository implements RosterReadModelAdapter {
  private calendar: { value: TermCalendar; at: number } | null = null;
  private organisations: { value: Map<string, KnownSchool>; at: number } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async saveOrganisation(manager: EntityManager, o: KnownSchool): Promise<void> {
    await manager.query(
      `INSERT INTO q_organisations (id, kind, name, region_code, stage) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),
         region_code = VALUES(region_code), stage = VALUES(stage)`,
      [o.id, o.kind, o.name, o.regionCode, o.stage],
    );
    // Students enrolled before their school's event reached us get its region and stage now.
    await manager.query('UPDATE q_students SET region_code = ?, stage = ? WHERE school_id = ?', [
      o.regionCode,
      o.stage,
      o.id,
    ]);
    this.organisations = null;
  }

  /**
   * Each student's latest placement (`active` false once withdrawn), unless a later roster
   * event was already applied: the event's time decides, as the four roster topics are
   * ordered per student only within a topic. One upsert for a whole batch; the region and
   * stage then come from the school, if its event has arrived (else `saveOrganisation` fills
   * them in later).
   */
  async placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    await upsertPlacements(
      manager,
      { table: 'q_students', id: 'id', enrolled: 'active', schoolYear: 'school_year' },
      placements,
    );
    await manager.query(
      `UPDATE q_students s JOIN q_organisations o ON o.id = s.school_id
         SET s.region_code = o.region_code, s.stage = o.stage
       WHERE s.id IN (?)`,
      [placements.map((p) => p.studentId)],
    );
  }

  /**
   * The latest names of these students (one per student, sorted by id), in one upsert: a row
   * changes only for an event at least as late as the one it holds (the roster topics are
   * ordered per student within a topic only), and a field an event leaves out is kept.
   */
  async saveNames(manager: EntityManager, names: StudentNames[]): Promise<void> {
    if (names.length === 0) return;
    const later = 'VALUES(updated_at) >= updated_at';
    const kept = (c: string) => `${c} = IF(${later}, COALESCE(VALUES(${c}), ${c}), ${c})`;
    await manager.query(
      `INSERT INTO q_student_names (student_id, name, student_number, class_name, updated_at)
       VALUES ? ON DUPLICATE KEY UPDATE ${kept('name')}, ${kept('student_number')},
         class_name = IF(${later}, VALUES(class_name), class_name),
         updated_at = GREATEST(updated_at, VALUES(updated_at))`,
      [names.map((n) => [n.studentId, n.name, n.studentNumber, n.className, n.occurredAt])],
    );
  }

  /** Names of the students a report lists (a page: at most a few hundred ids, by primary key). */
  async identitiesOf(studentIds: string[]): Promise<Map<string, StudentIdentity>> {
    if (studentIds.length === 0) return new Map();
    const rows: {
      student_id: string;
      name: string | null;
      student_number: string | null;
      class_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT student_id, name, student_number, class_name FROM q_student_names
        WHERE student_id IN (?)`,
      [studentIds],
    );
    return new Map(
      rows.map((r) => [
        r.student_id,
        { name: r.name, studentNumber: r.student_number, className: r.class_name },
      ]),
    );
  }

  async upsertTerms(manager: EntityManager, terms: (TermRecord & { id: string })[]): Promise<void> {
    for (const t of terms) {
      await manager.query(
        `INSERT INTO q_terms (id, area_code, school_year, term_no, starts_on, ends_on)
         VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE area_code = VALUES(area_code), school_year = VALUES(school_year),
           term_no = VALUES(term_no), starts_on = VALUES(starts_on), ends_on = VALUES(ends_on)`,
        [t.id, t.areaCode, t.schoolYear, t.termNo, t.startsOn, t.endsOn],
      );
    }
    this.calendar = null;
  }

  async deleteTerms(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.query('DELETE FROM q_terms WHERE id IN (?)', [ids]);
    this.calendar = null;
  }

  async termCalendar(): Promise<TermCalendar> {
    if (this.calendar && Date.now() - this.calendar.at < CACHE_MS) return this.calendar.value;
    const rows: {
      area_code: string;
      school_year: string;
      term_no: number;
      starts_on: string;
      ends_on: string;
    }[] = await this.dataSource.query(
      `SELECT area_code, school_year, term_no, DATE_FORMAT(starts_on, '%Y-%m-%d') AS starts_on,
         DATE_FORMAT(ends_on, '%Y-%m-%d') AS ends_on FROM q_terms`,
    );
    const value = new TermCalendar(
      rows.map((r) => ({
        areaCode: r.area_code,
        schoolYear: r.school_year,
        termNo: Number(r.term_no),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
      })),
    );
    this.calendar = { value, at: Date.now() };
    return value;
  }

  /** Every organisation the service knows, by id (a few thousand rows: cached briefly). */
  async organisationsById(): Promise<Map<string, KnownSchool>> {
    if (this.organisations && Date.now() - this.organisations.at < CACHE_MS) {
      return this.organisations.value;
    }
    const rows: {
      id: string;
      kind: string;
      name: string;
      region_code: string;
      stage: string | null;
    }[] = await this.dataSource.query(
      'SELECT id, kind, name, region_code, stage FROM q_organisations',
    );
    const value = new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, kind: r.kind, name: r.name, regionCode: r.region_code, stage: r.stage },
      ]),
    );
    this.organisations = { value, at: Date.now() };
    return value;
  }

  async findOrganisation(id: string): Promise<KnownSchool | null> {
    return (await this.organisationsById()).get(id) ?? null;
  }

  async findStudent(id: string): Promise<StudentPlacement | null> {
    const rows: {
      id: string;
      school_id: string;
      class_id: string | null;
      grade: number;
      school_year: string | null;
    }[] = await this.dataSource.query(
      'SELECT id, school_id, class_id, grade, school_year FROM q_students WHERE id = ? AND active = 1',
      [id],
    );
    const r = rows[0];
    return r
      ? {
          studentId: r.id,
          schoolId: r.school_id,
          classId: r.class_id,
          grade: Number(r.grade),
          schoolYear: r.school_year,
        }
      : null;
  }

  /** The school of a class, as the roster read model knows it (a class without students: null). */
  async schoolOfClass(classId: string): Promise<string | null> {
    const rows: { school_id: string }[] = await this.dataSource.query(
      'SELECT school_id FROM q_students WHERE class_id = ? LIMIT 1',
      [classId],
    );
    return rows[0]?.school_id ?? null;
  }

  /** Schools whose region lies inside an area (by SQL LIKE prefix). */
  async schoolsIn(regionPattern: string): Promise<KnownSchool[]> {
    return [...(await this.organisationsById()).values()].filter(
      (o) => o.kind === 'school' && likeMatches(regionPattern, o.regionCode),
    );
  }
}

const likeMatches = (pattern: string, value: string): boolean =>
  pattern.endsWith('%') ? value.startsWith(pattern.slice(0, -1)) : value === pattern;
