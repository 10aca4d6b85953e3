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
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  /** Null only for a province bureau, created by a platform admin. */
  @IsOptional()
  @IsUUID()
  parentId!: string | null;

  /** The administrative region code (6 digits, GB/T 2260), e.g. 370102 for Jinan's Lixia district. */
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative region code' })
  regionCode!: string;

  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'bureau')
  @IsIn(BUREAU_LEVELS)
  level?: BureauLevel;

  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'school')
  @IsIn(SCHOOL_STAGES)
  stage?: SchoolStage;

  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'venue')
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  operator?: string;

  @ValidateIf((o: CreateOrganisationCommand) => o.kind === 'university')
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  careerCentreName?: string;
}

/** `directory.organisations.get` */
export class GetOrganisationQuery extends ActorMessage {
  @IsUUID()
  organisationId!: string;
}

/** `directory.organisations.list`: the organisations inside the actor's scope. */
export class ListOrganisationsQuery extends PageQuery {
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  parentId: string | null;
  regionCode: string;
  level: BureauLevel | null;
  stage: SchoolStage | null;
  operator: string | null;
  careerCentreName: string | null;
  createdAt: string;
}
