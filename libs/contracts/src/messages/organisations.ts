import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
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
import { ActorMessage, PageQuery } from './common.js';

export const ORGANISATION_KINDS = ['bureau', 'school', 'venue', 'university'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const BUREAU_LEVELS = ['province', 'city', 'county'] as const;
export type BureauLevel = (typeof BUREAU_LEVELS)[number];

export const SCHOOL_STAGES = [
  'primary',
  'junior_secondary',
  'senior_secondary',
  'nine_year',
  'twelve_year',
  'special_education',
] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

/** `directory.organisations.create`: a bureau, school, venue or university under a parent. */
export class CreateOrganisationCommand extends ActorMessage {
  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'school' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ example: '济南市历下区第一实验小学', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  /** Null only for a province bureau, created by a platform admin. */
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    example: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d',
    description: 'The bureau above; null only for a province bureau',
  })
  @IsOptional()
  @IsUUID()
  parentId!: string | null;

  /** The administrative region code (6 digits, GB/T 2260), e.g. 370102 for Jinan's Lixia district. */
  @ApiProperty({
    example: '370102',
    pattern: '^\\d{6}$',
    description: 'Administrative region code, 6 digits',
  })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative region code' })
  regionCode!: string;

  @ApiPropertyOptional({ enum: BUREAU_LEVELS, description: 'Bureaus only (required for them)' })
  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'bureau')
  @IsIn(BUREAU_LEVELS)
  level?: BureauLevel;

  @ApiPropertyOptional({
    enum: SCHOOL_STAGES,
    example: 'primary',
    description: 'Schools only (required for them)',
  })
  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'school')
  @IsIn(SCHOOL_STAGES)
  stage?: SchoolStage;

  @ApiPropertyOptional({
    example: '济南市文化和旅游局',
    minLength: 2,
    maxLength: 200,
    description: 'Venues only (required for them): who runs the venue',
  })
  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'venue')
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  operator?: string;

  @ApiPropertyOptional({
    example: '山东大学就业指导中心',
    minLength: 2,
    maxLength: 200,
    description: 'Universities only (required for them)',
  })
  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'university')
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  careerCentreName?: string;
}

/** The body of `POST /organisations`. */
export class CreateOrganisationBody extends OmitType(CreateOrganisationCommand, [
  'actor',
] as const) {}

/** `directory.organisations.get` */
export class GetOrganisationQuery extends ActorMessage {
  @IsUUID()
  organisationId!: string;
}

/** `directory.organisations.list`: the organisations inside the actor's scope. */
export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the direct children of this organisation',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

/** The query of `GET /organisations`. */
export class ListOrganisationsParams extends OmitType(ListOrganisationsQuery, ['actor'] as const) {}

export class OrganisationView {
  @ApiProperty({ format: 'uuid', example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' })
  id!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'school' })
  kind!: OrganisationKind;

  @ApiProperty({ example: '济南市历下区第一实验小学' })
  name!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    example: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d',
  })
  parentId!: string | null;

  @ApiProperty({ example: '370102' })
  regionCode!: string;

  @ApiProperty({ nullable: true, enum: BUREAU_LEVELS, example: null, description: 'Bureaus only' })
  level!: BureauLevel | null;

  @ApiProperty({
    nullable: true,
    enum: SCHOOL_STAGES,
    example: 'primary',
    description: 'Schools only',
  })
  stage!: SchoolStage | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Venues only' })
  operator!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'Universities only' })
  careerCentreName!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-28T13:00:00.000Z' })
  createdAt!: string;
}
