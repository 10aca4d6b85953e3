import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  HOLIDAY_KINDS,
  IsAreaCode,
  IsHolidayName,
  IsCalendarDate,
  IsMakeupWorkdayDate,
  MAX_IMPORT_CSV_LENGTH,
  MAX_IMPORT_ROWS,
  NAME_MAX_LENGTH,
  type HolidayKind,
} from '@app/contracts';
import { AreaQueryDto } from './area-query.dto.js';

export const HOLIDAY_CSV_DOC =
  `CSV text, UTF-8 (a byte-order mark is allowed), LF or CRLF line ends. The first line is the ` +
  `header \`date,kind,name\`; then one row per date, at most ${MAX_IMPORT_ROWS}: \`date\` ` +
  'YYYY-MM-DD; `kind` holiday or makeup_workday (a Saturday or Sunday worked in exchange, 调休); ' +
  '`name` required for a holiday, optional for a make-up day (the holiday it makes up for). Cells ' +
  'may be quoted with "…". Blank lines are skipped. All or nothing: if any row is wrong, nothing is ' +
  'imported and the 400 HOLIDAY_IMPORT_INVALID lists every bad row as { line, reason } (the header ' +
  'is line 1). Rows are upserted by area and date: importing the same file again changes nothing.';

export class SetHolidayDto {
  @ApiProperty({ example: '370000', description: 'The area the entry applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ example: '2026-10-01', description: 'Local date (Asia/Shanghai)' })
  @IsCalendarDate()
  @IsMakeupWorkdayDate()
  date!: string;

  @ApiProperty({
    enum: HOLIDAY_KINDS,
    example: 'holiday',
    description: 'holiday, or makeup_workday (调休上班: a Saturday or Sunday that is worked)',
  })
  @IsIn(HOLIDAY_KINDS)
  kind!: HolidayKind;

  @ApiPropertyOptional({
    example: '国庆节',
    maxLength: NAME_MAX_LENGTH,
    description: 'Required for a holiday; for a make-up day, the holiday it makes up for',
  })
  @IsHolidayName()
  name?: string | null;
}

export class ImportHolidaysDto {
  @ApiProperty({ example: '370000', description: 'The area every row applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({
    description: HOLIDAY_CSV_DOC,
    maxLength: MAX_IMPORT_CSV_LENGTH,
    example:
      'date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-02,holiday,国庆节\n2026-10-10,makeup_workday,国庆节\n',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_IMPORT_CSV_LENGTH)
  csv!: string;
}

export class ListHolidaysQueryDto extends AreaQueryDto {
  @ApiProperty({ example: 2026, description: 'Calendar year' })
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(9999)
  year!: number;
}

export class HolidayResponseDto {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }) id!: string;
  @ApiProperty({ example: '370000', description: 'The area that defined it' }) areaCode!: string;
  @ApiProperty({ example: '2026-10-01' }) date!: string;
  @ApiProperty({ enum: HOLIDAY_KINDS, example: 'holiday' }) kind!: HolidayKind;
  @ApiProperty({ nullable: true, type: String, example: '国庆节' }) name!: string | null;
  @ApiProperty({ example: '2026-11-28T13:00:00.000Z' }) updatedAt!: string;
}

export class HolidayListDto {
  @ApiProperty({ example: '370102', description: 'The area asked about' }) areaCode!: string;
  @ApiProperty({ type: [HolidayResponseDto] }) items!: HolidayResponseDto[];
}

export class HolidayImportReportDto {
  @ApiProperty({ example: '370000' }) areaCode!: string;
  @ApiProperty({ example: 3, description: 'Data rows in the file' }) rows!: number;
  @ApiProperty({ example: 2 }) created!: number;
  @ApiProperty({ example: 1, description: 'Dates whose kind or name changed' }) updated!: number;
  @ApiProperty({ example: 0, description: 'Rows equal to what was there' }) unchanged!: number;
}
