import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { StudentEntity } from '../students/student.entity.js';
import { SchoolClassEntity } from './school-class.entity.js';

export interface ClassFilter {
  schoolId?: string;
  /** Schools whose organisation path starts with this (a bureau's subtree). */
  pathPrefix?: string;
  schoolYear?: string;
  grade?: number;
}

@Injectable()
export class ClassesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<SchoolClassEntity | null> {
    return this.dataSource.getRepository(SchoolClassEntity).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<SchoolClassEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SchoolClassEntity)
      .createQueryBuilder('c')
      .where('c.id IN (:...ids)', { ids })
      .getMany();
  }

  /** Every class of a school in a school year (a school has tens, not thousands). */
  findBySchoolYear(schoolId: string, schoolYear: string): Promise<SchoolClassEntity[]> {
    return this.dataSource.getRepository(SchoolClassEntity).findBy({ schoolId, schoolYear });
  }

  list(
    filter: ClassFilter,
    page: number,
    pageSize: number,
  ): Promise<[SchoolClassEntity[], number]> {
    const query = this.dataSource.getRepository(SchoolClassEntity).createQueryBuilder('c');
    if (filter.pathPrefix !== undefined) {
      query
        .innerJoin('organisations', 'o', 'o.id = c.school_id')
        .andWhere('o.path LIKE :prefix', { prefix: `${filter.pathPrefix}%` });
    }
    if (filter.schoolId) query.andWhere('c.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.schoolYear)
      query.andWhere('c.school_year = :schoolYear', { schoolYear: filter.schoolYear });
    if (filter.grade) query.andWhere('c.grade = :grade', { grade: filter.grade });
    return query
      .orderBy('c.school_year', 'DESC')
      .addOrderBy('c.school_id', 'ASC')
      .addOrderBy('c.grade', 'ASC')
      .addOrderBy('c.name', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  async insert(schoolClass: SchoolClassEntity): Promise<void> {
    await this.dataSource.getRepository(SchoolClassEntity).insert(schoolClass);
  }

  async rename(id: string, name: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(SchoolClassEntity).update({ id }, { name, updatedAt: at });
  }

  /** Deletes a class no student is placed in; false when one is (the foreign key says so). */
  async deleteIfEmpty(id: string): Promise<boolean> {
    if (await this.dataSource.getRepository(StudentEntity).existsBy({ classId: id })) return false;
    try {
      await this.dataSource.getRepository(SchoolClassEntity).delete({ id });
      return true;
    } catch (error) {
      // A student placed in the class since the check.
      if (
        (error as { driverError?: { code?: string } }).driverError?.code ===
        'ER_ROW_IS_REFERENCED_2'
      )
        return false;
      throw error;
    }
  }
}
