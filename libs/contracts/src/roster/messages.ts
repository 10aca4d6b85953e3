import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
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
import { ActorMessage, PageOf, PageQuery, type Page } from '../messages/common.js';
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

const STUDENT_NUMBER_MESSAGE = 'studentNumber must be 1–32 letters, digits, "-" or "_"';

// Examples of the OpenAPI document.
const SCHOOL_ID = '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d';
const CLASS_ID = '9a7e2c41-0b3d-4f6a-8e5c-1d2b3a4c5e6f';
const STUDENT_ID = '3c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const GRADE = { type: Number, minimum: 1, maximum: 12, example: 3 } as const;

// ---------------------------------------------------------------- classes

/** `directory.roster.classes.create`: a class of a school for one school year. */
export class CreateClassCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: SCHOOL_ID, description: 'Your school' })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty(GRADE)
  @IsInt()
  @Min(1)
  @Max(12)
  grade!: number;

  @ApiProperty({
    example: '三年级2班',
    minLength: 1,
    maxLength: 50,
    description: 'Unique per school and year',
  })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

/** The body of `POST /roster/classes`. */
export class CreateClassBody extends OmitType(CreateClassCommand, ['actor'] as const) {}

/** `directory.roster.classes.get` */
export class GetClassQuery extends ActorMessage {
  @IsUUID()
  classId!: string;
}

/** `directory.roster.classes.list`: classes in the actor's scope, newest school year first. */
export class ListClassesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;

  @ApiPropertyOptional(GRADE)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

/** The query of `GET /roster/classes`. */
export class ListClassesParams extends OmitType(ListClassesQuery, ['actor'] as const) {}

/** `directory.roster.classes.rename` */
export class RenameClassCommand extends ActorMessage {
  @IsUUID()
  classId!: string;

  @ApiProperty({ example: '三年级(2)班', minLength: 1, maxLength: 50 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

/** The body of `PATCH /roster/classes/{id}`. */
export class RenameClassBody extends OmitType(RenameClassCommand, ['actor', 'classId'] as const) {}

/** `directory.roster.classes.delete`: only a class no student is placed in. */
export class DeleteClassCommand extends ActorMessage {
  @IsUUID()
  classId!: string;
}

export class ClassView {
  @ApiProperty({ format: 'uuid', example: CLASS_ID })
  id!: string;

  @ApiProperty({ format: 'uuid', example: SCHOOL_ID })
  schoolId!: string;

  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty(GRADE)
  grade!: number;

  @ApiProperty({ example: '三年级2班' })
  name!: string;

  @ApiProperty({ format: 'date-time', example: '2026-08-20T02:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-08-20T02:00:00.000Z' })
  updatedAt!: string;
}

// ---------------------------------------------------------------- students

/** `directory.roster.students.enrol`: a new student, placed in a class of the actor's school. */
export class EnrolStudentCommand extends ActorMessage {
  @ApiProperty({
    format: 'uuid',
    example: CLASS_ID,
    description: 'A class of your school; sets the grade',
  })
  @IsUUID()
  classId!: string;

  @ApiProperty({
    example: '2026030201',
    pattern: STUDENT_NUMBER_PATTERN.source,
    description: 'Unique per school (compared upper-cased); the key of imports',
  })
  @Transform(studentNumber)
  @Matches(STUDENT_NUMBER_PATTERN, { message: STUDENT_NUMBER_MESSAGE })
  studentNumber!: string;

  @ApiProperty({ example: '王小明', minLength: 1, maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: GENDERS, example: 'male' })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({ format: 'date', example: '2017-05-14', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  dateOfBirth!: string;

  /** Optional; stored encrypted, never returned unmasked but by the sensitive read. */
  @ApiPropertyOptional({
    example: '370102201705140012',
    description:
      'Optional. 18 characters, GB 11643 check digit. Stored encrypted; responses show it masked',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normaliseNationalId(value) : value,
  )
  @IsNationalId()
  nationalId?: string;
}

/** The body of `POST /roster/students`. */
export class EnrolStudentBody extends OmitType(EnrolStudentCommand, ['actor'] as const) {}

/** `directory.roster.students.get` */
export class GetStudentQuery extends ActorMessage {
  @IsUUID()
  studentId!: string;
}

/** `directory.roster.students.list`: students in the actor's scope, active ones by default. */
export class ListStudentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: CLASS_ID })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional(GRADE)
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;

  @ApiPropertyOptional({ enum: STUDENT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(STUDENT_STATUSES)
  status?: StudentStatus;

  @ApiPropertyOptional({ example: '2026030201', pattern: STUDENT_NUMBER_PATTERN.source })
  @IsOptional()
  @Transform(studentNumber)
  @Matches(STUDENT_NUMBER_PATTERN, { message: STUDENT_NUMBER_MESSAGE })
  studentNumber?: string;
}

/** The query of `GET /roster/students`. */
export class ListStudentsParams extends OmitType(ListStudentsQuery, ['actor'] as const) {}

/** `directory.roster.students.move`: to another class of the same school. */
export class MoveStudentCommand extends ActorMessage {
  @IsUUID()
  studentId!: string;

  @ApiProperty({
    format: 'uuid',
    example: CLASS_ID,
    description: 'Another class of the same school',
  })
  @IsUUID()
  toClassId!: string;

  @ApiPropertyOptional({ example: '分班调整', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** The body of `POST /roster/students/{id}/move`. */
export class MoveStudentBody extends OmitType(MoveStudentCommand, [
  'actor',
  'studentId',
] as const) {}

/**
 * `directory.roster.students.transfer`: to another school. Staff of the student's school
 * transfer towards schools under the same county bureau; bureau admins inside their subtree.
 */
export class TransferStudentCommand extends ActorMessage {
  @IsUUID()
  studentId!: string;

  @ApiProperty({
    format: 'uuid',
    example: SCHOOL_ID,
    description:
      'School staff: a school under the same county bureau as yours. Bureau admins: a school in their subtree',
  })
  @IsUUID()
  toSchoolId!: string;

  /** A class of the receiving school the actor can see; else the student arrives unplaced. */
  @ApiPropertyOptional({
    format: 'uuid',
    example: CLASS_ID,
    description:
      'A class of the receiving school you can see (admins); otherwise the student arrives without a class',
  })
  @IsOptional()
  @IsUUID()
  toClassId?: string;

  /** The number at the receiving school; the current one when omitted. */
  @ApiPropertyOptional({
    example: '2026040117',
    pattern: STUDENT_NUMBER_PATTERN.source,
    description: 'The number at the receiving school; the current one when omitted',
  })
  @IsOptional()
  @Transform(studentNumber)
  @Matches(STUDENT_NUMBER_PATTERN, { message: STUDENT_NUMBER_MESSAGE })
  studentNumber?: string;

  @ApiPropertyOptional({ example: '随父母工作调动转学', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** The body of `POST /roster/students/{id}/transfer`. */
export class TransferStudentBody extends OmitType(TransferStudentCommand, [
  'actor',
  'studentId',
] as const) {}

/** `directory.roster.students.withdraw` */
export class WithdrawStudentCommand extends ActorMessage {
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: '随家庭迁往省外', minLength: 1, maxLength: 500 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

/** The body of `POST /roster/students/{id}/withdraw`. */
export class WithdrawStudentBody extends OmitType(WithdrawStudentCommand, [
  'actor',
  'studentId',
] as const) {}

/** `directory.roster.students.history`: every change of a student, oldest first. */
export class StudentHistoryQuery extends PageQuery {
  @IsUUID()
  studentId!: string;
}

/** The query of `GET /roster/students/{id}/history`. */
export class StudentHistoryParams extends OmitType(StudentHistoryQuery, [
  'actor',
  'studentId',
] as const) {}

/** `directory.roster.students.sensitive`: the full national ID, for staff of the student's school. */
export class ReadStudentSensitiveQuery extends ActorMessage {
  @IsUUID()
  studentId!: string;
}

const NULLABLE_UUID = { nullable: true, type: String, format: 'uuid' } as const;
const NULLABLE_GRADE = {
  nullable: true,
  type: Number,
  minimum: 1,
  maximum: 12,
  example: 3,
} as const;

export class StudentView {
  @ApiProperty({ format: 'uuid', example: STUDENT_ID })
  id!: string;

  @ApiProperty({ format: 'uuid', example: SCHOOL_ID })
  schoolId!: string;

  @ApiProperty({ example: '2026030201' })
  studentNumber!: string;

  @ApiProperty({ example: '王小明' })
  name!: string;

  @ApiProperty({ enum: GENDERS, example: 'male' })
  gender!: Gender;

  @ApiProperty({ format: 'date', example: '2017-05-14' })
  dateOfBirth!: string;

  @ApiProperty(GRADE)
  grade!: number;

  @ApiProperty({ ...NULLABLE_UUID, example: CLASS_ID, description: 'Null while unplaced' })
  classId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '三年级2班' })
  className!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2026-2027' })
  schoolYear!: string | null;

  @ApiProperty({ enum: STUDENT_STATUSES, example: 'active' })
  status!: StudentStatus;

  /** `**************123X`, or null when no national ID is recorded. */
  @ApiProperty({
    nullable: true,
    type: String,
    example: '**************0012',
    description: 'Never the full number: see GET /roster/students/{id}/sensitive',
  })
  nationalIdMasked!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-09-01T01:00:00.000Z' })
  enrolledAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  withdrawnAt!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-09-01T01:00:00.000Z' })
  updatedAt!: string;
}

export class StudentHistoryEntryView {
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ enum: STUDENT_HISTORY_KINDS, example: 'moved' })
  kind!: StudentHistoryKind;

  @ApiProperty({ format: 'date-time', example: '2026-09-15T03:20:00.000Z' })
  occurredAt!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11',
    description: 'The account that made the change',
  })
  actorAccountId!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, example: SCHOOL_ID })
  fromSchoolId!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, example: CLASS_ID })
  fromClassId!: string | null;

  @ApiProperty(NULLABLE_GRADE)
  fromGrade!: number | null;

  @ApiProperty({ ...NULLABLE_UUID, example: SCHOOL_ID })
  toSchoolId!: string | null;

  @ApiProperty({ ...NULLABLE_UUID, example: CLASS_ID })
  toClassId!: string | null;

  @ApiProperty(NULLABLE_GRADE)
  toGrade!: number | null;

  @ApiProperty({ nullable: true, type: String, example: '分班调整' })
  reason!: string | null;

  /** For `updated`: which fields changed (values are in the student record). */
  @ApiProperty({ type: [String], example: [], description: 'For `updated`: the fields changed' })
  changedFields!: string[];

  @ApiProperty({ ...NULLABLE_UUID, example: null, description: 'Set when an import made it' })
  importJobId!: string | null;
}

export class StudentSensitiveView {
  @ApiProperty({ format: 'uuid', example: STUDENT_ID })
  studentId!: string;

  @ApiProperty({ format: 'uuid', example: SCHOOL_ID })
  schoolId!: string;

  @ApiProperty({ nullable: true, type: String, example: '370102201705140012' })
  nationalId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '**************0012' })
  nationalIdMasked!: string | null;
}

// ---------------------------------------------------------------- imports

/** `directory.roster.imports.start`: opens an import job; the file follows in chunks. */
export class StartRosterImportCommand extends ActorMessage {
  @ApiProperty({ format: 'uuid', example: SCHOOL_ID, description: 'Your school' })
  @IsUUID()
  schoolId!: string;

  /** The school year whose classes the rows name; the current one when omitted. */
  @ApiPropertyOptional({
    example: '2026-2027',
    description:
      'Whose classes the class_name column names; the current school year (from 1 August, Asia/Shanghai) when omitted',
  })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

/** The query of `POST /roster/imports` (the file is the body). */
export class StartRosterImportParams extends OmitType(StartRosterImportCommand, [
  'actor',
] as const) {}

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

/** The query of `GET /roster/imports/{jobId}`: a page of rejected lines. */
export class GetRosterImportParams extends OmitType(GetRosterImportQuery, [
  'actor',
  'jobId',
] as const) {}

export class RosterImportRejection {
  /** Line in the file where the row starts (the header is line 1). */
  @ApiProperty({ type: Number, example: 43, description: 'Line in the file; the header is line 1' })
  line!: number;

  @ApiProperty({ nullable: true, type: String, example: '2026030241' })
  studentNumber!: string | null;

  @ApiProperty({ example: 'INVALID_DATE' })
  code!: string;

  @ApiProperty({ example: 'date_of_birth "2017-02-30" is not a date (YYYY-MM-DD)' })
  reason!: string;
}

export class RosterImportProgress {
  @ApiProperty({ type: Number, example: 1500, description: 'Data rows done' })
  processed!: number;

  @ApiProperty({ nullable: true, type: Number, example: 2000, description: 'Null until counted' })
  total!: number | null;
}

export class RosterImportCounts {
  @ApiProperty({ type: Number, example: 1990 })
  created!: number;

  @ApiProperty({ type: Number, example: 3, description: 'Known students whose class changed' })
  moved!: number;

  @ApiProperty({ type: Number, example: 2, description: 'Known students whose details changed' })
  updated!: number;

  @ApiProperty({ type: Number, example: 0 })
  unchanged!: number;

  @ApiProperty({ type: Number, example: 5 })
  rejected!: number;
}

export class RosterImportJobView {
  @ApiProperty({ format: 'uuid', example: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: SCHOOL_ID })
  schoolId!: string;

  @ApiProperty({ example: '2026-2027' })
  schoolYear!: string;

  @ApiProperty({ enum: ROSTER_IMPORT_STATUSES, example: 'done' })
  status!: RosterImportStatus;

  @ApiProperty({ nullable: true, type: String, enum: ['utf-8', 'gbk'], example: 'utf-8' })
  encoding!: 'utf-8' | 'gbk' | null;

  @ApiProperty({ type: Number, example: 131072 })
  fileBytes!: number;

  @ApiProperty({ type: () => RosterImportProgress })
  progress!: RosterImportProgress;

  @ApiProperty({ type: () => RosterImportCounts })
  counts!: RosterImportCounts;

  /** Why the whole job failed (a bad header, an unreadable file); null otherwise. */
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'Why the whole file failed (e.g. a header without class_name)',
  })
  error!: string | null;

  @ApiProperty({ example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11', description: 'The account' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time', example: '2026-08-25T02:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-08-25T02:00:00.120Z',
  })
  startedAt!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-08-25T02:00:01.900Z',
  })
  finishedAt!: string | null;

  @ApiProperty({
    type: () => PageOf(RosterImportRejection),
    description: 'Rejected lines, paginated',
  })
  rejected!: Page<RosterImportRejection>;
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
