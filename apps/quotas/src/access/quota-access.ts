import { Injectable } from '@nestjs/common';
import { NATIONAL_AREA_CODE, regionContains, regionPrefixOf, type Actor } from '@app/contracts';
import { ReadModelRepository, type KnownSchool } from '../read-model/read-model.repository.js';
import { forbidden, scopeNotFound, studentNotFound } from '../quotas.errors.js';

/** Where a report or notice run looks: a class, a school, or every school of an area. */
export type Scope =
  | { level: 'class'; id: string; schoolId: string }
  | { level: 'school'; id: string }
  | { level: 'area'; id: string; regionPattern: string };

/**
 * The one place that decides what an actor sees in quotas: school staff their school, bureau
 * admins the schools inside their bureau's region, platform admins everything. Anything
 * outside answers 404, never 403. A student account linked to its roster student (the
 * token's `studentId`) sees its own standing and nobody else's.
 */
@Injectable()
export class QuotaAccess {
  constructor(private readonly readModel: ReadModelRepository) {}

  /** The area an actor oversees: the country, a bureau's region, or none. */
  async areaOf(actor: Actor): Promise<string | null> {
    if (actor.role === 'platform_admin') return NATIONAL_AREA_CODE;
    if (actor.role !== 'bureau_admin' || !actor.organisationId) return null;
    const bureau = await this.readModel.findOrganisation(actor.organisationId);
    return bureau?.regionCode ?? null;
  }

  async seesSchool(actor: Actor, school: KnownSchool): Promise<boolean> {
    if (actor.role === 'school_staff') return actor.organisationId === school.id;
    const area = await this.areaOf(actor);
    return area !== null && regionContains(area, school.regionCode);
  }

  /** A school the actor sees, or 404. */
  async school(actor: Actor, schoolId: string): Promise<KnownSchool> {
    const school = await this.readModel.findOrganisation(schoolId);
    if (!school || school.kind !== 'school' || !(await this.seesSchool(actor, school))) {
      throw scopeNotFound();
    }
    return school;
  }

  /** Exactly one of classId, schoolId, areaCode; none: the actor's own school or area. */
  async scope(
    actor: Actor,
    query: { classId?: string; schoolId?: string; areaCode?: string },
  ): Promise<Scope> {
    const given = [query.classId, query.schoolId, query.areaCode].filter((v) => v !== undefined);
    if (given.length > 1) throw scopeNotFound('Give one of classId, schoolId or areaCode');
    if (query.classId) {
      const schoolId = await this.readModel.schoolOfClass(query.classId);
      if (!schoolId) throw scopeNotFound();
      await this.school(actor, schoolId);
      return { level: 'class', id: query.classId, schoolId };
    }
    const schoolId =
      query.schoolId ??
      (query.areaCode === undefined && actor.role === 'school_staff'
        ? (actor.organisationId ?? undefined)
        : undefined);
    if (schoolId) {
      await this.school(actor, schoolId);
      return { level: 'school', id: schoolId };
    }
    const own = await this.areaOf(actor);
    const areaCode = query.areaCode ?? own;
    if (own === null || areaCode === null || !regionContains(own, areaCode)) throw scopeNotFound();
    return { level: 'area', id: areaCode, regionPattern: regionPrefixOf(areaCode) };
  }

  /** A roster student of a school the actor sees, or 404. */
  async student(actor: Actor, studentId: string) {
    const student = await this.readModel.findStudent(studentId);
    if (!student) throw studentNotFound();
    const school = await this.readModel.findOrganisation(student.schoolId);
    const own = actor.role === 'student' && actor.studentId === studentId;
    if (!school || !(own || (await this.seesSchool(actor, school)))) throw studentNotFound();
    return { student, school };
  }

  assertPlatformAdmin(actor: { role: string }): void {
    if (actor.role !== 'platform_admin') throw forbidden('Only platform admins may do this');
  }
}
