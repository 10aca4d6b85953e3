import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  ClassView,
  CreateClassCommand,
  ListClassesQuery,
  Page,
  RenameClassCommand,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { AccessScope } from '../../organisations/access-scope.js';
import { classNameTaken, classNotEmpty, classNotFound, schoolNotFound } from '../roster.errors.js';
import { ClassesRepository } from './classes.repository.js';
import type { SchoolClassEntity } from './school-class.entity.js';

/** Class names compare after NFKC, so 三年级２班 (full-width digit) is 三年级2班. */
export const normaliseClassName = (name: string): string => name.normalize('NFKC').trim();

export function toClassView(c: SchoolClassEntity): ClassView {
  return {
    id: c.id,
    schoolId: c.schoolId,
    schoolYear: c.schoolYear,
    grade: c.grade,
    name: c.name,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

@Injectable()
export class ClassesService {
  constructor(
    private readonly classes: ClassesRepository,
    private readonly scope: AccessScope,
  ) {}

  async create(command: CreateClassCommand): Promise<ClassView> {
    await this.scope.rosterSchoolToChange(command.actor, command.schoolId, schoolNotFound);
    const now = new Date();
    const schoolClass: SchoolClassEntity = {
      id: randomUUID(),
      schoolId: command.schoolId,
      schoolYear: command.schoolYear,
      grade: command.grade,
      name: normaliseClassName(command.name),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.classes.insert(schoolClass);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw classNameTaken(schoolClass.name, command.schoolYear);
      throw error;
    }
    return toClassView(schoolClass);
  }

  async get(actor: Actor, classId: string): Promise<ClassView> {
    return toClassView(await this.readable(actor, classId));
  }

  async list(query: ListClassesQuery): Promise<Page<ClassView>> {
    const filter = await this.scope.rosterListFilter(query.actor, query.schoolId, schoolNotFound);
    const [rows, total] = await this.classes.list(
      { ...filter, schoolYear: query.schoolYear, grade: query.grade },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(toClassView), page: query.page, pageSize: query.pageSize, total };
  }

  async rename(command: RenameClassCommand): Promise<ClassView> {
    const schoolClass = await this.changeable(command.actor, command.classId);
    const name = normaliseClassName(command.name);
    const at = new Date();
    try {
      await this.classes.rename(schoolClass.id, name, at);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw classNameTaken(name, schoolClass.schoolYear);
      throw error;
    }
    return toClassView({ ...schoolClass, name, updatedAt: at });
  }

  async delete(actor: Actor, classId: string): Promise<{ deleted: true }> {
    const schoolClass = await this.changeable(actor, classId);
    if (!(await this.classes.deleteIfEmpty(schoolClass.id))) throw classNotEmpty();
    return { deleted: true };
  }

  /** The class, if the actor may read its school's roster; 404 otherwise. */
  private async readable(actor: Actor, classId: string): Promise<SchoolClassEntity> {
    const schoolClass = await this.classes.findById(classId);
    if (!schoolClass) throw classNotFound();
    await this.scope.rosterSchoolToRead(actor, schoolClass.schoolId, classNotFound);
    return schoolClass;
  }

  private async changeable(actor: Actor, classId: string): Promise<SchoolClassEntity> {
    const schoolClass = await this.classes.findById(classId);
    if (!schoolClass) throw classNotFound();
    await this.scope.rosterSchoolToChange(actor, schoolClass.schoolId, classNotFound);
    return schoolClass;
  }
}
