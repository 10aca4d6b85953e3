import { Transform } from 'class-transformer';
import {
  IsBase64,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ActorMessage, PageQuery, type Page } from '../messages/common.js';
import {
  IsCalendarDate,
  IsNationalId,
  IsSchoolYear,
  normaliseNationalId,
  STUDENT_NUMBER_PATTERN,
} from './validation.js';

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const STUDENT_STATUSES = ['active', 'withdrawn'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const STUDENT_HISTORY_KINDS = [
  'enrolled',
  'moved',
  'transferred',
  'withdrawn',
  'updated',
] as const;
export type StudentHistoryKind = (typeof STUDENT_HISTORY_KINDS)[number];

/** `uploading` lasts only while the gateway sends the file; a caller sees the others. */
export const ROSTER_IMPORT_STATUSES = ['uploading', 'queued', 'running', 'done', 'failed'] as const;
export type RosterImportStatus = (typeof ROSTER_IMPORT_STATUSES)[number];

/**
 * Sizes of a roster import. A file travels from the gateway to the directory in chunks,
 * each one Kafka message well under the broker's default 1 MB limit (base64 adds a third).
 */
export const RosterImportLimits = {
  /** About 250,000 rows of a typical roster. */
  maxFileBytes: 20 * 1024 * 1024,
  chunkBytes: 256 * 1024,
} as const;

const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Student numbers compare upper-cased: `g2026001` and `G2026001` are one student. */
export const normaliseStudentNumber = (value: string): string => value.trim().toUpperCase();

const studentNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? normaliseStudentNumber(value) : value;

// ---------------------------------------------------------------- classes

/** `directory.roster.classes.create`: a class of a school for one school year. */
export class CreateClassCommand extends ActorMessage {
  @IsUUID()
  schoolId!: string;

  @IsSchoolYear()
  schoolYear!: string;

  @IsInt()
  @Min(1)
  @Max(12)
  grade!: number;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

/** `directory.roster.classes.get` */
export class GetClassQuery extends ActorMessage {
  @IsUUID()
  classId!: string;
}

/** `directory.roster.classes.list`: classes in the actor's scope, newest school year first. */
export class ListClassesQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

/** `directory.roster.classes.rename` */
export class RenameClassCommand extends ActorMessage {
  @IsUUID()
  classId!: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

/** `directory.roster.classes.delete`: only a class no student is placed in. */
export class DeleteClassCommand extends ActorMessage {
  @IsUUID()
  classId!: string;
}

export interface ClassView {
  id: string;
  schoolId: string;
  schoolYear: string;
  grade: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------- students

/** `directory.roster.students.enrol`: a new student, placed in a class of the actor's school. */
export class EnrolStudentCommand extends ActorMessage {
  @IsUUID()
  classId!: string;

  @Transform(studentNumber)
  @Matches(STUDENT_NUMBER_PATTERN, {
    message: 'studentNumber must be 1–32 letters, digits, "-" or "_"',
  })
  studentNumber!: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsIn(GENDERS)
  gender!: Gender;

  @IsCalendarDate()
  dateOfBirth!: string;

  /** Optional; stored encrypted, never returned unmasked but by the sensitive read. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseNationalId(value) : value,
  )
  @IsNationalId()
  nationalId?: string;
}

/** `directory.roster.students.get` */
export class GetStudentQuery extends ActorMessage {
  @IsUUID()
  studentId!: string;
}

/** `directory.roster.students.list`: students in the actor's scope, active ones by default. */
export class ListStudentsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @IsOptional()
  @IsUUID()
  classId?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;

  @IsOptional()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;

  @IsOptional()
  @Transform(studentNumber)
  @Matches(STUDENT_NUMBER_PATTERN)
  studentNumber?: string;
}

/** `directory.roster.students.move`: to another class of the same school. */
export class MoveStudentCommand extends ActorMessage {
  @IsUUID()
  studentId!: string;

  @IsUUID()
  toClassId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/**
 * `directory.roster.students.transfer`: to another school. Staff of the student's school
 * transfer towards schools under the same county bureau; bureau admins inside their subtree.
 */
export class TransferStudentCommand extends ActorMessage {
  @IsUUID()
  studentId!: string;

  @IsUUID()
  toSchoolId!: string;

  /** A class of the receiving school the actor can see; else the student arrives unplaced. */
  @IsOptional()
  @IsUUID()
  toClassId?: string;

  /** The number at the receiving school; the current one when omitted. */
  @IsOptional()
  @Transform(studentNumber)
  @Matches(STUDENT_NUMBER_PATTERN, {
    message: 'studentNumber must be 1–32 letters, digits, "-" or "_"',
  })
  studentNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** `directory.roster.students.withdraw` */
export class WithdrawStudentCommand extends ActorMessage {
  @IsUUID()
  studentId!: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** `directory.roster.students.history`: every change of a student, oldest first. */
export class StudentHistoryQuery extends PageQuery {
  @IsUUID()
  studentId!: string;
}

/** `directory.roster.students.sensitive`: the full national ID, for staff of the student's school. */
export class ReadStudentSensitiveQuery extends ActorMessage {
  @IsUUID()
  studentId!: string;
}

export interface StudentView {
  id: string;
  schoolId: string;
  studentNumber: string;
  name: string;
  gender: Gender;
  dateOfBirth: string;
  grade: number;
  classId: string | null;
  className: string | null;
  schoolYear: string | null;
  status: StudentStatus;
  /** `**************123X`, or null when no national ID is recorded. */
  nationalIdMasked: string | null;
  enrolledAt: string;
  withdrawnAt: string | null;
  updatedAt: string;
}

export interface StudentHistoryEntryView {
  id: string;
  kind: StudentHistoryKind;
  occurredAt: string;
  actorAccountId: string | null;
  fromSchoolId: string | null;
  fromClassId: string | null;
  fromGrade: number | null;
  toSchoolId: string | null;
  toClassId: string | null;
  toGrade: number | null;
  reason: string | null;
  /** For `updated`: which fields changed (values are in the student record). */
  changedFields: string[];
  importJobId: string | null;
}

export interface StudentSensitiveView {
  studentId: string;
  schoolId: string;
  nationalId: string | null;
  nationalIdMasked: string | null;
}

// ---------------------------------------------------------------- imports

/** `directory.roster.imports.start`: opens an import job; the file follows in chunks. */
export class StartRosterImportCommand extends ActorMessage {
  @IsUUID()
  schoolId!: string;

  /** The school year whose classes the rows name; the current one when omitted. */
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

export interface RosterImportStarted {
  jobId: string;
}

/** `directory.roster.imports.chunk`: one piece of the file, in order from index 0. */
export class AppendRosterImportChunkCommand extends ActorMessage {
  @IsUUID()
  jobId!: string;

  @IsInt()
  @Min(0)
  @Max(RosterImportLimits.maxFileBytes / RosterImportLimits.chunkBytes)
  index!: number;

  @IsBase64()
  @MaxLength(Math.ceil(RosterImportLimits.chunkBytes / 3) * 4)
  data!: string;
}

/** `directory.roster.imports.commit`: all chunks sent; the job is queued. */
export class CommitRosterImportCommand extends ActorMessage {
  @IsUUID()
  jobId!: string;

  @IsInt()
  @Min(1)
  chunkCount!: number;

  @IsInt()
  @Min(1)
  @Max(RosterImportLimits.maxFileBytes)
  byteLength!: number;
}

/** `directory.roster.imports.abort`: the upload broke off; the job fails and its chunks go. */
export class AbortRosterImportCommand extends ActorMessage {
  @IsUUID()
  jobId!: string;

  @IsString()
  @MaxLength(500)
  reason!: string;
}

/** `directory.roster.imports.get`: status, progress, counts and a page of rejected lines. */
export class GetRosterImportQuery extends PageQuery {
  @IsUUID()
  jobId!: string;
}

export interface RosterImportRejection {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  studentNumber: string | null;
  code: string;
  reason: string;
}

export interface RosterImportCounts {
  created: number;
  moved: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface RosterImportJobView {
  id: string;
  schoolId: string;
  schoolYear: string;
  status: RosterImportStatus;
  encoding: 'utf-8' | 'gbk' | null;
  fileBytes: number;
  progress: { processed: number; total: number | null };
  counts: RosterImportCounts;
  /** Why the whole job failed (a bad header, an unreadable file); null otherwise. */
  error: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  rejected: Page<RosterImportRejection>;
}

// ---------------------------------------------------------------- events

/** Where a student is, and who: the payload every roster event carries. Never the national ID. */
export class StudentPlacementPayload {
  @IsUUID()
  studentId!: string;

  @IsUUID()
  schoolId!: string;

  /** Null for a student transferred in without a class yet. */
  @IsOptional()
  @IsUUID()
  classId!: string | null;

  @IsInt()
  @Min(1)
  @Max(12)
  grade!: number;

  @IsOptional()
  @IsSchoolYear()
  schoolYear!: string | null;

  /**
   * Who the student is, for the reports of the services that keep a roster copy (quotas).
   * Optional: events published before these fields existed carry none.
   */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  studentNumber?: string | null;

  /** The class's name (null without a class). */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  className?: string | null;
}

/** `directory.student.enrolled.v1` */
export class StudentEnrolledPayload extends StudentPlacementPayload {}

/** `directory.student.moved.v1`: to another class of the same school. */
export class StudentMovedPayload extends StudentPlacementPayload {
  @IsOptional()
  @IsUUID()
  fromClassId!: string | null;

  @IsInt()
  fromGrade!: number;
}

/** `directory.student.transferred.v1`: to another school. */
export class StudentTransferredPayload extends StudentPlacementPayload {
  @IsUUID()
  fromSchoolId!: string;

  @IsOptional()
  @IsUUID()
  fromClassId!: string | null;
}

/** `directory.student.withdrawn.v1`: the placement the student left. */
export class StudentWithdrawnPayload extends StudentPlacementPayload {}
