import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
import {
  GENDERS,
  IsCalendarDate,
  IsNationalId,
  IsSchoolYear,
  ROSTER_IMPORT_STATUSES,
  STUDENT_HISTORY_KINDS,
  STUDENT_NUMBER_PATTERN,
  STUDENT_STATUSES,
  type Gender,
  type RosterImportStatus,
  type StudentHistoryKind,
  type StudentStatus,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';

const SCHOOL_ID = '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d';
const CLASS_ID = '9a7e2c41-0b3d-4f6a-8e5c-1d2b3a4c5e6f';
const STUDENT_ID = '3c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f';
const STUDENT_NUMBER_MESSAGE = 'studentNumber must be 1–32 letters, digits, "-" or "_"';

// ---------------------------------------------------------------- classes

export class CreateClassDto {
  @ApiProperty({ example: SCHOOL_ID, description: 'Your school' })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty({ example: 3, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  grade!: number;

  @ApiProperty({ example: '三年级2班', maxLength: 50, description: 'Unique per school and year' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

export class RenameClassDto {
  @ApiProperty({ example: '三年级(2)班', maxLength: 50 })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

export class ListClassesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '2026-2027' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

export class ClassResponseDto {
  @ApiProperty({ example: CLASS_ID }) id!: string;
  @ApiProperty({ example: SCHOOL_ID }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ example: 3 }) grade!: number;
  @ApiProperty({ example: '三年级2班' }) name!: string;
  @ApiProperty({ example: '2026-08-20T02:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-08-20T02:00:00.000Z' }) updatedAt!: string;
}

export class ClassPageDto {
  @ApiProperty({ type: [ClassResponseDto] }) items!: ClassResponseDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 1 }) total!: number;
}

// ---------------------------------------------------------------- students

export class EnrolStudentDto {
  @ApiProperty({ example: CLASS_ID, description: 'A class of your school; sets the grade' })
  @IsUUID()
  classId!: string;

  @ApiProperty({ example: '2026030201', description: 'Unique per school; the key of imports' })
  @Matches(STUDENT_NUMBER_PATTERN, { message: STUDENT_NUMBER_MESSAGE })
  studentNumber!: string;

  @ApiProperty({ example: '王小明', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: GENDERS, example: 'male' })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({ example: '2017-05-14', description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  dateOfBirth!: string;

  @ApiPropertyOptional({
    example: '370102201705140012',
    description:
      'Optional. 18 characters, GB 11643 check digit. Stored encrypted; responses show it masked',
  })
  @IsOptional()
  @IsNationalId()
  nationalId?: string;
}

export class ListStudentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: CLASS_ID })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 12 })
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

  @ApiPropertyOptional({ example: '2026030201' })
  @IsOptional()
  @Matches(STUDENT_NUMBER_PATTERN, { message: STUDENT_NUMBER_MESSAGE })
  studentNumber?: string;
}

export class MoveStudentDto {
  @ApiProperty({ example: CLASS_ID, description: 'Another class of the same school' })
  @IsUUID()
  toClassId!: string;

  @ApiPropertyOptional({ example: '分班调整', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class TransferStudentDto {
  @ApiProperty({
    example: SCHOOL_ID,
    description:
      'School staff: a school under the same county bureau as yours. Bureau admins: a school in their subtree',
  })
  @IsUUID()
  toSchoolId!: string;

  @ApiPropertyOptional({
    example: CLASS_ID,
    description:
      'A class of the receiving school you can see (admins); otherwise the student arrives without a class',
  })
  @IsOptional()
  @IsUUID()
  toClassId?: string;

  @ApiPropertyOptional({
    example: '2026040117',
    description: 'The number at the receiving school; the current one when omitted',
  })
  @IsOptional()
  @Matches(STUDENT_NUMBER_PATTERN, { message: STUDENT_NUMBER_MESSAGE })
  studentNumber?: string;

  @ApiPropertyOptional({ example: '随父母工作调动转学', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class WithdrawStudentDto {
  @ApiProperty({ example: '随家庭迁往省外', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class StudentResponseDto {
  @ApiProperty({ example: STUDENT_ID }) id!: string;
  @ApiProperty({ example: SCHOOL_ID }) schoolId!: string;
  @ApiProperty({ example: '2026030201' }) studentNumber!: string;
  @ApiProperty({ example: '王小明' }) name!: string;
  @ApiProperty({ enum: GENDERS, example: 'male' }) gender!: Gender;
  @ApiProperty({ example: '2017-05-14' }) dateOfBirth!: string;
  @ApiProperty({ example: 3 }) grade!: number;
  @ApiProperty({ nullable: true, type: String, example: CLASS_ID }) classId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '三年级2班' }) className!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-2027' }) schoolYear!: string | null;
  @ApiProperty({ enum: STUDENT_STATUSES, example: 'active' }) status!: StudentStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '**************0012',
    description: 'Never the full number: see GET /roster/students/{id}/sensitive',
  })
  nationalIdMasked!: string | null;
  @ApiProperty({ example: '2026-09-01T01:00:00.000Z' }) enrolledAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) withdrawnAt!: string | null;
  @ApiProperty({ example: '2026-09-01T01:00:00.000Z' }) updatedAt!: string;
}

export class StudentPageDto {
  @ApiProperty({ type: [StudentResponseDto] }) items!: StudentResponseDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 1 }) total!: number;
}

export class StudentHistoryEntryDto {
  @ApiProperty({ example: '1042' }) id!: string;
  @ApiProperty({ enum: STUDENT_HISTORY_KINDS, example: 'moved' }) kind!: StudentHistoryKind;
  @ApiProperty({ example: '2026-09-15T03:20:00.000Z' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' })
  actorAccountId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: SCHOOL_ID }) fromSchoolId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: CLASS_ID }) fromClassId!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) fromGrade!: number | null;
  @ApiProperty({ nullable: true, type: String, example: SCHOOL_ID }) toSchoolId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: CLASS_ID }) toClassId!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) toGrade!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '分班调整' }) reason!: string | null;
  @ApiProperty({ type: [String], example: [], description: 'For `updated`: the fields changed' })
  changedFields!: string[];
  @ApiProperty({ nullable: true, type: String, example: null }) importJobId!: string | null;
}

export class StudentHistoryPageDto {
  @ApiProperty({ type: [StudentHistoryEntryDto] }) items!: StudentHistoryEntryDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 2 }) total!: number;
}

export class StudentSensitiveDto {
  @ApiProperty({ example: STUDENT_ID }) studentId!: string;
  @ApiProperty({ example: SCHOOL_ID }) schoolId!: string;
  @ApiProperty({ nullable: true, type: String, example: '370102201705140012' })
  nationalId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '**************0012' })
  nationalIdMasked!: string | null;
}

// ---------------------------------------------------------------- imports

export class StartImportQueryDto {
  @ApiProperty({ example: SCHOOL_ID, description: 'Your school' })
  @IsUUID()
  schoolId!: string;

  @ApiPropertyOptional({
    example: '2026-2027',
    description:
      'Whose classes the class_name column names; the current school year (from 1 August, Asia/Shanghai) when omitted',
  })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

export class ImportJobQueryDto extends PageQueryDto {}

export class ImportProgressDto {
  @ApiProperty({ example: 1500, description: 'Data rows done' }) processed!: number;
  @ApiProperty({ nullable: true, type: Number, example: 2000, description: 'Null until counted' })
  total!: number | null;
}

export class ImportCountsDto {
  @ApiProperty({ example: 1990 }) created!: number;
  @ApiProperty({ example: 3, description: 'Known students whose class changed' }) moved!: number;
  @ApiProperty({ example: 2, description: 'Known students whose details changed' })
  updated!: number;
  @ApiProperty({ example: 0 }) unchanged!: number;
  @ApiProperty({ example: 5 }) rejected!: number;
}

export class ImportRejectionDto {
  @ApiProperty({ example: 43, description: 'Line in the file; the header is line 1' })
  line!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026030241' })
  studentNumber!: string | null;
  @ApiProperty({ example: 'INVALID_DATE' }) code!: string;
  @ApiProperty({ example: 'date_of_birth "2017-02-30" is not a date (YYYY-MM-DD)' })
  reason!: string;
}

export class ImportRejectionPageDto {
  @ApiProperty({ type: [ImportRejectionDto] }) items!: ImportRejectionDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 5 }) total!: number;
}

export class ImportJobResponseDto {
  @ApiProperty({ example: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' }) id!: string;
  @ApiProperty({ example: SCHOOL_ID }) schoolId!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: ROSTER_IMPORT_STATUSES, example: 'done' }) status!: RosterImportStatus;
  @ApiProperty({ nullable: true, enum: ['utf-8', 'gbk'], example: 'utf-8' })
  encoding!: 'utf-8' | 'gbk' | null;
  @ApiProperty({ example: 131072 }) fileBytes!: number;
  @ApiProperty({ type: ImportProgressDto }) progress!: ImportProgressDto;
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'Why the whole file failed (e.g. a header without class_name)',
  })
  error!: string | null;
  @ApiProperty({ example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' }) createdBy!: string;
  @ApiProperty({ example: '2026-08-25T02:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-08-25T02:00:00.120Z' })
  startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-08-25T02:00:01.900Z' })
  finishedAt!: string | null;
  @ApiProperty({ type: ImportRejectionPageDto, description: 'Rejected lines, paginated' })
  rejected!: ImportRejectionPageDto;
}
