import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  BUREAU_LEVELS,
  ORGANISATION_KINDS,
  SCHOOL_STAGES,
  type BureauLevel,
  type OrganisationKind,
  type SchoolStage,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';

export class CreateOrganisationDto {
  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'school' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ example: '济南市历下区第一实验小学', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d',
    description: 'The bureau above; null only for a province bureau',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({ example: '370102', description: 'Administrative region code, 6 digits' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative region code' })
  regionCode!: string;

  @ApiPropertyOptional({ enum: BUREAU_LEVELS, description: 'Bureaus only' })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'bureau')
  @IsIn(BUREAU_LEVELS)
  level?: BureauLevel;

  @ApiPropertyOptional({ enum: SCHOOL_STAGES, example: 'primary', description: 'Schools only' })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'school')
  @IsIn(SCHOOL_STAGES)
  stage?: SchoolStage;

  @ApiPropertyOptional({
    example: '济南市文化和旅游局',
    description: 'Venues only: who runs the venue',
  })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'venue')
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  operator?: string;

  @ApiPropertyOptional({ example: '山东大学就业指导中心', description: 'Universities only' })
  @ValidateIf((o: CreateOrganisationDto) => o.kind === 'university')
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  careerCentreName?: string;
}

export class ListOrganisationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ description: 'Only the direct children of this organisation' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class OrganisationResponseDto {
  @ApiProperty({ example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' }) id!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'school' }) kind!: OrganisationKind;
  @ApiProperty({ example: '济南市历下区第一实验小学' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d' })
  parentId!: string | null;
  @ApiProperty({ example: '370102' }) regionCode!: string;
  @ApiProperty({ nullable: true, enum: BUREAU_LEVELS, example: null }) level!: BureauLevel | null;
  @ApiProperty({ nullable: true, enum: SCHOOL_STAGES, example: 'primary' })
  stage!: SchoolStage | null;
  @ApiProperty({ nullable: true, type: String, example: null }) operator!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) careerCentreName!: string | null;
  @ApiProperty({ example: '2026-11-28T13:00:00.000Z' }) createdAt!: string;
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationResponseDto] }) items!: OrganisationResponseDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 1 }) total!: number;
}
