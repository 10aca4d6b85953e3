import {
  maskNationalId,
  type StudentHistoryEntryView,
  type StudentHistoryKind,
  type StudentPlacementPayload,
  type StudentView,
} from '@app/contracts';
import { currentRequestId } from '@app/logging';
import type { SchoolClassEntity } from '../classes/school-class.entity.js';
import type { StudentHistoryEntity } from './student-history.entity.js';
import type { StudentEntity } from './student.entity.js';

/** Where a student is. */
export type Placement = Pick<StudentEntity, 'schoolId' | 'classId' | 'grade'>;

/** Who made a change: a person, or an import started by one. */
export interface ChangeAuthor {
  accountId: string | null;
  organisationId: string | null;
  importJobId?: string | null;
}

export type NewHistoryEntry = Omit<StudentHistoryEntity, 'seq'>;

export function historyEntry(
  kind: StudentHistoryKind,
  studentId: string,
  author: ChangeAuthor,
  from: Placement | null,
  to: Placement | null,
  at: Date,
  extra: { reason?: string | null; changedFields?: string[] } = {},
): NewHistoryEntry {
  return {
    studentId,
    kind,
    occurredAt: at,
    actorAccountId: author.accountId,
    actorOrganisationId: author.organisationId,
    fromSchoolId: from?.schoolId ?? null,
    fromClassId: from?.classId ?? null,
    fromGrade: from?.grade ?? null,
    toSchoolId: to?.schoolId ?? null,
    toClassId: to?.classId ?? null,
    toGrade: to?.grade ?? null,
    reason: extra.reason ?? null,
    changedFields: extra.changedFields ? JSON.stringify(extra.changedFields) : null,
    importJobId: author.importJobId ?? null,
    requestId: currentRequestId() ?? null,
  };
}

/** What every roster event says: placement, name, student number, class name; never the national ID. */
export function placementPayload(
  student: Pick<StudentEntity, 'id' | 'schoolId' | 'classId' | 'grade' | 'name' | 'studentNumber'>,
  schoolClass: Pick<SchoolClassEntity, 'schoolYear' | 'name'> | null | undefined,
): StudentPlacementPayload {
  return {
    studentId: student.id,
    schoolId: student.schoolId,
    classId: student.classId,
    grade: student.grade,
    schoolYear: schoolClass?.schoolYear ?? null,
    name: student.name,
    studentNumber: student.studentNumber,
    className: schoolClass?.name ?? null,
  };
}

export function toStudentView(
  student: StudentEntity,
  schoolClass: SchoolClassEntity | null | undefined,
): StudentView {
  return {
    id: student.id,
    schoolId: student.schoolId,
    studentNumber: student.studentNumber,
    name: student.name,
    gender: student.gender,
    dateOfBirth: student.dateOfBirth,
    grade: student.grade,
    classId: student.classId,
    className: schoolClass?.name ?? null,
    schoolYear: schoolClass?.schoolYear ?? null,
    status: student.status,
    nationalIdMasked: student.nationalIdLast4 ? maskNationalId(student.nationalIdLast4) : null,
    enrolledAt: student.enrolledAt.toISOString(),
    withdrawnAt: student.withdrawnAt?.toISOString() ?? null,
    updatedAt: student.updatedAt.toISOString(),
  };
}

export function toHistoryView(entry: StudentHistoryEntity): StudentHistoryEntryView {
  return {
    id: String(entry.seq),
    kind: entry.kind,
    occurredAt: entry.occurredAt.toISOString(),
    actorAccountId: entry.actorAccountId,
    fromSchoolId: entry.fromSchoolId,
    fromClassId: entry.fromClassId,
    fromGrade: entry.fromGrade,
    toSchoolId: entry.toSchoolId,
    toClassId: entry.toClassId,
    toGrade: entry.toGrade,
    reason: entry.reason,
    changedFields: entry.changedFields ? (JSON.parse(entry.changedFields) as string[]) : [],
    importJobId: entry.importJobId,
  };
}
