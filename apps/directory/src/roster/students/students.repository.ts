import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { StudentStatus } from '@app/contracts';
import { withDbRetry } from '@app/database';
import { bulkInsert } from '@app/database';
import { StudentHistoryEntity } from './student-history.entity.js';
import type { NewHistoryEntry } from './student-records.js';
import { StudentEntity } from './student.entity.js';

export interface StudentFilter {
  schoolId?: string;
  /** Schools whose organisation path starts with this (a bureau's subtree). */
  pathPrefix?: string;
  classId?: string;
  grade?: number;
  status?: StudentStatus;
  studentNumber?: string;
}

/** Columns of a multi-row upsert, in the order of `upsertRow`. */
const UPSERT_COLUMNS = [
  'id',
  'school_id',
  'student_number',
  'name',
  'gender',
  'date_of_birth',
  'grade',
  'class_id',
  'status',
  'national_id_ciphertext',
  'national_id_hmac',
  'national_id_last4',
  'enrolled_at',
  'withdrawn_at',
  'updated_at',
  'import_job_id',
  'import_line',
] as const;

/** On a known (school, student number), these take the new row's values. */
const UPSERT_UPDATED_COLUMNS = [
  'name',
  'gender',
  'date_of_birth',
  'grade',
  'class_id',
  'national_id_ciphertext',
  'national_id_hmac',
  'national_id_last4',
  'updated_at',
  'import_job_id',
  'import_line',
] as const;

const upsertRow = (s: StudentEntity): unknown[] => [
  s.id,
  s.schoolId,
  s.studentNumber,
  s.name,
  s.gender,
  s.dateOfBirth,
  s.grade,
  s.classId,
  s.status,
  s.nationalIdCiphertext,
  s.nationalIdHmac,
  s.nationalIdLast4,
  s.enrolledAt,
  s.withdrawnAt,
  s.updatedAt,
  s.importJobId,
  s.importLine,
];

@Injectable()
export class StudentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<StudentEntity | null> {
    return this.dataSource.getRepository(StudentEntity).findOneBy({ id });
  }

  list(filter: StudentFilter, page: number, pageSize: number): Promise<[StudentEntity[], number]> {
    const query = this.dataSource.getRepository(StudentEntity).createQueryBuilder('s');
    if (filter.pathPrefix !== undefined) {
      query
        .innerJoin('organisations', 'o', 'o.id = s.school_id')
        .andWhere('o.path LIKE :prefix', { prefix: `${filter.pathPrefix}%` });
    }
    if (filter.schoolId) query.andWhere('s.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.classId) query.andWhere('s.class_id = :classId', { classId: filter.classId });
    if (filter.grade) query.andWhere('s.grade = :grade', { grade: filter.grade });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.studentNumber)
      query.andWhere('s.student_number = :number', { number: filter.studentNumber });
    return query
      .orderBy('s.school_id', 'ASC')
      .addOrderBy('s.student_number', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }

  /** One transaction, tried again on a deadlock or lock-wait timeout. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withDbRetry(() => this.dataSource.transaction(work));
  }

  lockById(manager: EntityManager, id: string): Promise<StudentEntity | null> {
    return manager
      .createQueryBuilder(StudentEntity, 's')
      .where('s.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Students with these national ID hashes, locked: a concurrent enrolment of the same
   * number waits (the gap lock holds even when there is none yet).
   */
  lockByNationalIdHashes(manager: EntityManager, hashes: Buffer[]): Promise<StudentEntity[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(StudentEntity, 's')
      .where('s.national_id_hmac IN (:...hashes)', { hashes })
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The students of a school with these numbers, locked for the import batch that names them. */
  lockByNumbers(
    manager: EntityManager,
    schoolId: string,
    studentNumbers: string[],
  ): Promise<StudentEntity[]> {
    if (studentNumbers.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(StudentEntity, 's')
      .where('s.school_id = :schoolId AND s.student_number IN (:...studentNumbers)', {
        schoolId,
        studentNumbers,
      })
      .setLock('pessimistic_write')
      .getMany();
  }

  async insert(manager: EntityManager, student: StudentEntity): Promise<void> {
    await manager.insert(StudentEntity, student);
  }

  async update(manager: EntityManager, student: StudentEntity): Promise<void> {
    const { id, ...changes } = student;
    await manager.update(StudentEntity, { id }, changes);
  }

  /**
   * Inserts new students and updates known ones (same school and student number) in one
   * multi-row INSERT … ON DUPLICATE KEY UPDATE. `VALUES(col)` works on MySQL 8 (deprecated,
   * still supported) and MariaDB alike; the row alias syntax does not exist on MariaDB.
   */
  async upsertMany(manager: EntityManager, students: StudentEntity[]): Promise<void> {
    if (students.length === 0) return;
    const updates = UPSERT_UPDATED_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ');
    await manager.query(
      `INSERT INTO students (${UPSERT_COLUMNS.join(', ')}) VALUES ? ON DUPLICATE KEY UPDATE ${updates}`,
      [students.map(upsertRow)],
    );
  }

  async appendHistory(manager: EntityManager, entries: NewHistoryEntry[]): Promise<void> {
    await bulkInsert(manager, StudentHistoryEntity, entries);
  }

  history(
    studentId: string,
    page: number,
    pageSize: number,
  ): Promise<[StudentHistoryEntity[], number]> {
    return this.dataSource
      .getRepository(StudentHistoryEntity)
      .createQueryBuilder('h')
      .where('h.student_id = :studentId', { studentId })
      .orderBy('h.seq', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
  }
}
