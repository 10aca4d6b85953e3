import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { AccountCreatedPayload } from '../events/directory.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../messages/organisations.js';

/**
 * `directory.organisation.created.v1` as employment aid reads it (an OrganisationView).
 * Belongs next to the directory's other event classes (libs/contracts/src/events/directory.ts);
 * kept here until that file's owner moves it.
 */
export class OrganisationCreatedPayload {
  @IsUUID()
  id!: string;

  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @IsString()
  name!: string;

  @IsOptional()
  @IsUUID()
  parentId!: string | null;

  @IsOptional()
  @IsString()
  regionCode?: string;

  @IsOptional()
  @IsString()
  level?: string | null;

  @IsOptional()
  @IsString()
  stage?: string | null;

  @IsOptional()
  @IsString()
  operator?: string | null;

  @IsOptional()
  @IsString()
  careerCentreName?: string | null;

  @IsOptional()
  @IsString()
  createdAt?: string;
}

export class OrganisationCreatedEnvelope {
  @IsUUID()
  id!: string;

  @IsString()
  type!: string;

  @IsString()
  occurredAt!: string;

  @IsString()
  producer!: string;

  @IsOptional()
  @IsString()
  correlationId!: string | null;

  @IsString()
  key!: string;

  @ValidateNested()
  @Type(() => OrganisationCreatedPayload)
  payload!: OrganisationCreatedPayload;
}

/** `directory.account.created.v1` in its envelope, as employment aid validates it. */
export class AccountCreatedEnvelope {
  @IsUUID()
  id!: string;

  @IsString()
  type!: string;

  @IsString()
  occurredAt!: string;

  @IsString()
  producer!: string;

  @IsOptional()
  @IsString()
  correlationId!: string | null;

  @IsString()
  key!: string;

  @ValidateNested()
  @Type(() => AccountCreatedPayload)
  payload!: AccountCreatedPayload;
}
