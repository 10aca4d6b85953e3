import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
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
  IsCalendarDate,
  PERIOD_KEY,
  QUOTA_KINDS,
  QUOTA_PERIODS,
  SCHOOL_STAGES,
  type QuotaKind,
  type QuotaPeriod,
  type SchoolStage,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';
import { REPORT_FORMATS, type ReportFormat } from '../http/report-format.js';

const SCHOOL_ID = '3c5e7a9b-1d3f-4a5c-8e7a-9c1e3f5a7b9d';
const CLASS_ID = '5e7a9c1e-3f5a-4b7d-9f1b-3d5f7a9c1e3f';
const PERIOD_MESSAGE = 'period must be like 2026-2027-T1 (a term) or 2026-2027 (a school year)';

export class CreateQuotaRuleDto {
  @ApiProperty({ example: '每学年至少参加1次研学实践', minLength: 2, maxLength: 100 })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: QUOTA_KINDS, example: 'study_tour' })
  @IsIn(QUOTA_KINDS)
  kind!: QuotaKind;

  @ApiProperty({ enum: QUOTA_PERIODS, example: 'school_year' })
  @IsIn(QUOTA_PERIODS)
  period!: QuotaPeriod;

  @ApiPropertyOptional({ example: 1, minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minimum?: number;

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  maximum?: number;

  @ApiPropertyOptional({ enum: SCHOOL_STAGES, isArray: true, example: ['junior_secondary'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(SCHOOL_STAGES, { each: true })
  stages?: SchoolStage[];

  @ApiPropertyOptional({ example: 7, minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  minGrade?: number;

  @ApiPropertyOptional({ example: 9, minimum: 1, maximum: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  maxGrade?: number;

  @ApiPropertyOptional({
    example: '370102',
    description: "Schools inside this area; default: the bureau's own area",
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'areaCode must be a 6-digit administrative region code' })
  areaCode?: string;
}

/** One of classId, schoolId, areaCode (none: your own school or area). */
export class QuotaScopeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: 每学期至少观看2部优秀影片' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @ApiProperty({ example: '2026-2027-T1', description: 'A term (`-T1`, `-T2`) or a school year' })
  @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ format: 'uuid', example: CLASS_ID })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '370102', description: 'A county (370102) or city (370100)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'areaCode must be a 6-digit administrative region code' })
  areaCode?: string;
}

export class ComplianceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @ApiProperty({ example: '2026-2027-T1' })
  @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiPropertyOptional({ format: 'uuid', example: CLASS_ID })
  @IsOptional()
  @IsUUID()
  classId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: SCHOOL_ID })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ example: '370100' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'areaCode must be a 6-digit administrative region code' })
  areaCode?: string;

  @ApiPropertyOptional({ enum: ['short', 'all'], default: 'short' })
  @IsOptional()
  @IsIn(['short', 'all'])
  list?: 'short' | 'all';

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class StandingQueryDto {
  @ApiProperty({ example: '2026-2027-T1' })
  @Matches(PERIOD_KEY, { message: PERIOD_MESSAGE })
  period!: string;
}

export class ConsistencyCheckDto {
  @ApiProperty({ format: 'uuid', example: SCHOOL_ID })
  @IsUUID()
  schoolId!: string;

  @ApiProperty({ example: '2026-09-01', description: 'First local date (Asia/Shanghai)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2027-01-20', description: 'Last local date, included' })
  @IsCalendarDate()
  to!: string;
}
