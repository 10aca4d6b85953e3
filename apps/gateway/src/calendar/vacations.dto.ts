import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  IsAreaCode,
  IsInSchoolYear,
  IsCalendarDate,
  IsOnOrAfter,
  IsSchoolYear,
  NAME_MAX_LENGTH,
  VACATION_KINDS,
  type VacationKind,
} from '@app/contracts';
import { AreaQueryDto } from './area-query.dto.js';

export class CreateVacationDto {
  @ApiProperty({ example: '370000', description: 'The area the vacation applies to (6 digits)' })
  @IsAreaCode()
  areaCode!: string;

  @ApiProperty({
    example: '2026-2027',
    description: 'The school year it belongs to: winter 2027 and summer 2027 are in 2026-2027',
  })
  @IsSchoolYear()
  schoolYear!: string;

  @ApiProperty({ enum: VACATION_KINDS, example: 'winter' })
  @IsIn(VACATION_KINDS)
  kind!: VacationKind;

  @ApiPropertyOptional({ example: '2027年寒假', maxLength: NAME_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(NAME_MAX_LENGTH)
  name?: string;

  @ApiProperty({ example: '2027-01-23' })
  @IsCalendarDate()
  @IsInSchoolYear()
  startsOn!: string;

  @ApiProperty({
    example: '2027-02-21',
    description: 'Last day (belongs to the vacation), ≥ startsOn',
  })
  @IsCalendarDate()
  @IsInSchoolYear()
  @IsOnOrAfter('startsOn')
  endsOn!: string;
}

export class ListVacationsQueryDto extends AreaQueryDto {
  @ApiPropertyOptional({ example: '2026-2027', description: 'Only this school year' })
  @IsOptional()
  @IsSchoolYear()
  schoolYear?: string;
}

export class VacationResponseDto {
  @ApiProperty({ example: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d' }) id!: string;
  @ApiProperty({ example: '370000', description: 'The area that defined it' }) areaCode!: string;
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: VACATION_KINDS, example: 'winter' }) kind!: VacationKind;
  @ApiProperty({ nullable: true, type: String, example: '2027年寒假' }) name!: string | null;
  @ApiProperty({ example: '2027-01-23' }) startsOn!: string;
  @ApiProperty({ example: '2027-02-21' }) endsOn!: string;
  @ApiProperty({ example: '2026-11-28T13:00:00.000Z' }) createdAt!: string;
}

export class VacationListDto {
  @ApiProperty({ example: '370102', description: 'The area asked about' }) areaCode!: string;
  @ApiProperty({ type: [VacationResponseDto] }) items!: VacationResponseDto[];
}
