import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  IsSchoolYear,
  MAX_SCREENING_SEATS,
  SCREENING_PLACE_KINDS,
  SCREENING_TIME,
  type ScreeningPlaceKind,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';

export class CreateFilmDto {
  @ApiProperty({ example: '闪闪的红星' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 1974, description: 'Release year' })
  @IsInt()
  @Min(1895)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: 95, description: 'Minutes; a screening ends after it plus a buffer' })
  @IsInt()
  @Min(1)
  @Max(600)
  runningMinutes!: number;

  @ApiProperty({ example: [1, 2, 3, 4, 5, 6, 7, 8, 9], description: 'Grades 1–12 it suits' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  grades!: number[];

  @ApiProperty({ example: '红军长征后，少年潘冬子在白色恐怖中成长，最终成为一名红军战士。' })
  @IsString()
  @MaxLength(2000)
  synopsis!: string;

  @ApiProperty({ example: '普通话' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  language!: string;

  @ApiProperty({ example: true, description: 'Subtitled: suits deaf and hard-of-hearing students' })
  @IsBoolean()
  subtitles!: boolean;

  @ApiProperty({
    example: false,
    description: 'Audio description (无障碍版): suits blind students',
  })
  @IsBoolean()
  audioDescription!: boolean;
}

export class ListFilmsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 3, description: 'Only films suiting this grade' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;

  @ApiPropertyOptional({ example: '红星', description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string;
}

export class FilmApprovalDto {
  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiPropertyOptional({
    example: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d',
    description: 'The approving bureau: your own (bureau admins); platform admins name it',
  })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
}

export class ApprovedFilmsQueryDto extends PageQueryDto {
  @ApiProperty({ example: '2026-2027' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiPropertyOptional({ description: 'Defaults to your own school (school staff)' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  grade?: number;
}

export class CreateScreeningDto {
  @ApiProperty({ example: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' })
  @IsUUID()
  filmId!: string;

  @ApiProperty({ example: '2026-12-04', description: 'Local date, Asia/Shanghai' })
  @IsCalendarDate()
  localDate!: string;

  @ApiProperty({ example: '14:00', description: 'Local start time, Asia/Shanghai' })
  @Matches(SCREENING_TIME, { message: 'startTime must be a local time HH:mm (Asia/Shanghai)' })
  startTime!: string;

  @ApiProperty({ example: 300, maximum: MAX_SCREENING_SEATS })
  @IsInt()
  @Min(1)
  @Max(MAX_SCREENING_SEATS)
  seats!: number;

  @ApiProperty({ enum: SCREENING_PLACE_KINDS, example: 'school_hall' })
  @IsIn(SCREENING_PLACE_KINDS)
  placeKind!: ScreeningPlaceKind;

  @ApiPropertyOptional({
    description: 'The partner cinema (a venue organisation), placeKind cinema',
  })
  @IsOptional()
  @IsUUID()
  venueOrganisationId?: string;

  @ApiProperty({ example: '学校礼堂' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  hallName!: string;

  @ApiPropertyOptional({
    description: 'Platform admins name the school; school staff schedule for their own',
  })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({
    example: false,
    description:
      'A screening on a day that is not a school day of the school’s area (statutory holiday, ' +
      'weekend that is not a make-up working day, vacation) is refused with ' +
      'SCREENING_NOT_ON_SCHOOL_DAY unless this is true (one organised on purpose)',
  })
  @IsOptional()
  @IsBoolean()
  allowNonSchoolDay?: boolean;
}

export class ListScreeningsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() schoolId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() filmId?: string;
  @ApiPropertyOptional({ example: '2026-09-01' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2027-01-22' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class CancelScreeningDto {
  @ApiProperty({ example: '礼堂设备检修' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class BookClassDto {
  @ApiProperty({ example: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d' })
  @IsUUID()
  classId!: string;

  @ApiPropertyOptional({ description: 'Some of the class’s current students; absent: all of them' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCREENING_SEATS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  studentIds?: string[];
}

export class AttendanceMarkDto {
  @ApiProperty({ example: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  present!: boolean;
}

export class RollCallDto {
  @ApiProperty({ type: [AttendanceMarkDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCREENING_SEATS)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  marks!: AttendanceMarkDto[];
}

export class ScreeningCheckInDto {
  @ApiProperty({ example: '7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' })
  @IsUUID()
  studentId!: string;
}

export class AttendanceDigestQueryDto {
  @ApiProperty() @IsUUID() schoolId!: string;
  @ApiProperty({ example: '2026-09-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2027-01-22' }) @IsCalendarDate() to!: string;
}
