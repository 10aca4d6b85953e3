import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '@app/contracts';
import { upsertPlacements, type RosterPlacement } from '@app/messaging';

export interface KnownOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  regionCode: string;
  /** A bureau's level: province, city or county. */
  level: string | null;
  parentId: string | null;
}

/** An account of the directory: its role and organisation (for principals and teachers). */
export interface KnownAccount {
  id: string;
  role: string;
  organisationId: string | null;
}

export interface RosterStudent {
  id: string;
  schoolId: string;
  classId: string | null;
  grade: number;
}

interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  region_code: string;
  level: string | null;
  parent_id: string | null;
}

const organisationOf = (r: OrganisationRow): KnownOrganisation => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  regionCode: r.region_code,
  level: r.level,
  parentId: r.parent_id,
});

/** The service's copy of directory data: organisations and the roster (school, class, grade). */
@Injectable()
export class ReadModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async saveOrganisation(manager: EntityManager, o: KnownOrganisation): Promise<void> {
    await manager.query(
      `INSERT INTO st_organisations (id, kind, name, region_code, level, parent_id) VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE kind = VALUES(kind), name = VALUES(name),
         region_code = VALUES(region_code), level = VALUES(level), parent_id = VALUES(parent_id)`,
      [o.id, o.kind, o.name, o.regionCode, o.level, o.parentId],
    );
  }

  /** The directory never changes an account's role or organisation: the first copy stands. */
  async saveAccount(manager: EntityManager, a: KnownAccount): Promise<void> {
    await manager.query(
      `INSERT INTO st_accounts (id, role, organisation_id) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE role = VALUES(role), organisation_id = VALUES(organisation_id)`,
      [a.id, a.role, a.organisationId],
    );
  }

  async findAccounts(ids: string[]): Promise<KnownAccount[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; role: string; organisation_id: string | null }[] =
      await this.dataSource.query('SELECT * FROM st_accounts WHERE id IN (?)', [ids]);
    return rows.map((r) => ({ id: r.id, role: r.role, organisationId: r.organisation_id }));
  }

  /** Of `ids`, those that are not school_staff accounts of `schoolId` (unknown ones included). */
  async notStaffOf(schoolId: string, ids: string[]): Promise<string[]> {
    const staff = new Set(
      (await this.findAccounts(ids))
        .filter((a) => a.role === 'school_staff' && a.organisationId === schoolId)
        .map((a) => a.id),
    );
    return ids.filter((id) => !staff.has(id));
  }

  async findOrganisation(id: string | null): Promise<KnownOrganisation | null> {
    if (!id) return null;
    const rows: OrganisationRow[] = await this.dataSource.query(
      'SELECT * FROM st_organisations WHERE id = ?',
      [id],
    );
    return rows[0] ? organisationOf(rows[0]) : null;
  }

  async findOrganisations(ids: string[]): Promise<KnownOrganisation[]> {
    if (ids.length === 0) return [];
    const rows: OrganisationRow[] = await this.dataSource.query(
      'SELECT * FROM st_organisations WHERE id IN (?)',
      [ids],
    );
    return rows.map(organisationOf);
  }

  async findByKindAndName(kind: OrganisationKind, name: string): Promise<KnownOrganisation | null> {
    const rows: OrganisationRow[] = await this.dataSource.query(
      'SELECT * FROM st_organisations WHERE kind = ? AND name = ? ORDER BY id LIMIT 1',
      [kind, name],
    );
    return rows[0] ? organisationOf(rows[0]) : null;
  }

  /**
   * Each student's latest placement (`enrolled` false once withdrawn), unless a later roster
   * event was already applied: the event's time decides, as the four roster topics are
   * ordered per student only within a topic. One statement for a whole batch.
   */
  async placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void> {
    await upsertPlacements(
      manager,
      { table: 'st_students', id: 'id', enrolled: 'enrolled' },
      placements,
    );
  }

  /** Enrolled students of a school among `ids` (the others are not on its roster). */
  async studentsOfSchool(schoolId: string, ids: string[]): Promise<RosterStudent[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; school_id: string; class_id: string | null; grade: number }[] =
      await this.dataSource.query(
        'SELECT id, school_id, class_id, grade FROM st_students WHERE school_id = ? AND enrolled = 1 AND id IN (?)',
        [schoolId, ids],
      );
    return rows.map((r) => ({
      id: r.id,
      schoolId: r.school_id,
      classId: r.class_id,
      grade: Number(r.grade),
    }));
  }

  async enrolledStudentIds(schoolId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM st_students WHERE school_id = ? AND enrolled = 1 ORDER BY id',
      [schoolId],
    );
    return rows.map((r) => r.id);
  }
}
