import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '@app/contracts';
import {
  upsertPlacements,
  type RosterPlacement,
  type RosterReadModelAdapter,
} from '@app/messaging';

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
}
