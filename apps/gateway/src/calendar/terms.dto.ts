import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  IsAreaCode,
  IsInSchoolYear,
  IsCalendarDate,
  IsOnOrAfter,
  IsSchoolYear,
  TERM_NUMBERS,
  type TermNumber,
} from '@app/contracts';
import { AreaQueryDto } from './area-query.dto.js';

export class CreateTermDto {
  @ApiProperty({ example: '370000', description: 'The area the term applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({ example: '2026-2027', description: 'Two consecutive years' })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty({ enum: TERM_NUMBERS, example: 1 })
  @IsIn(TERM_NUMBERS)
  term!: TermNumber;

  @ApiProperty({
    example: '2026-09-01',
    description: 'First day, in one of the school year’s years',
  })
  @IsCalendarDate()
  @IsInSchoolYear()
  startsOn!: string;

  @ApiProperty({ example: '2027-01-22', description: 'Last day (belongs to the term), ≥ startsOn' })
  @IsCalendarDate()
  @IsInSchoolYear()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

export class ListTermsQueryDto extends AreaQueryDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'Only this school year' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

export class TermResponseDto {
  @ApiProperty({ example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' }) id!: string;
  @ApiProperty({ example: '370000', description: 'The area that defined it' }) areaCode!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: TERM_NUMBERS, example: 1 }) term!: TermNumber;
  @ApiProperty({ example: '2026-09-01' }) startsOn!: string;
  @ApiProperty({ example: '2027-01-22' }) endsOn!: string;
  @ApiProperty({ example: '2026-11-28T13:00:00.000Z' }) createdAt!: string;
}

export class TermListDto {
  @ApiProperty({ example: '370102', description: 'The area asked about' }) areaCode!: string;
  @ApiProperty({ type: [TermResponseDto] }) items!: TermResponseDto[];
}
