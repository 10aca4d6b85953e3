import { Type } from 'class-transformer';
import {
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from '../messages/roles.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../messages/organisations.js';
import { CALENDAR_CHANGE_KINDS, type CalendarChangeKind } from '../calendar/messages.js';

/** The envelope's own fields, validated; each event class adds its typed `payload`. */
export class EventEnvelopeFields {
  @IsUUID() id!: string;
  @IsString() type!: string;
  @IsString() occurredAt!: string;
  @IsString() producer!: string;
  @IsOptional() @IsString() correlationId!: string | null;
  @IsString() key!: string;
}

/** `directory.account.created.v1` */
export class AccountCreatedPayload {
  @IsUUID()
  accountId!: string;

  @IsEmail()
  email!: string;

  @IsIn(ROLES)
  role!: Role;

  /** Absent in events written before accounts carried it. */
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  /** A student account's roster student, if linked when created. */
  @IsOptional()
  @IsUUID()
  studentId?: string | null;
}

export class AccountCreatedEnvelope extends EventEnvelopeFields {
  @ValidateNested() @Type(() => AccountCreatedPayload) payload!: AccountCreatedPayload;
}

/** `directory.organisation.created.v1`: the whole OrganisationView, as consumers read it. */
export class OrganisationCreatedPayload {
  @IsUUID() id!: string;
  @IsIn(ORGANISATION_KINDS) kind!: OrganisationKind;
  @IsString() name!: string;
  @Matches(/^\d{6}$/) regionCode!: string;
  @IsOptional() @IsUUID() parentId!: string | null;
  @IsOptional() @IsString() level!: string | null;
  @IsOptional() @IsString() stage!: string | null;
  @IsOptional() @IsString() operator!: string | null;
  @IsOptional() @IsString() careerCentreName!: string | null;
  @IsOptional() @IsString() createdAt!: string;
}

export class OrganisationCreatedEnvelope extends EventEnvelopeFields {
  @ValidateNested() @Type(() => OrganisationCreatedPayload) payload!: OrganisationCreatedPayload;
}

/**
 * `directory.calendar.changed.v1`, as its consumers validate it: the record shapes differ per
 * kind, so each read model checks the records it reads field by field.
 */
export class CalendarChangedEventPayload {
  @Matches(/^\d{6}$/) areaCode!: string;
  @IsIn(['upserted', 'deleted']) action!: 'upserted' | 'deleted';
  @IsIn(CALENDAR_CHANGE_KINDS) kind!: CalendarChangeKind;
  @IsArray() @IsString({ each: true }) ids!: string[];
  @IsString() from!: string;
  @IsString() to!: string;
  @IsArray() @IsObject({ each: true }) records!: Record<string, unknown>[];
  @IsOptional() @IsArray() @IsString({ each: true }) dates?: string[];
}

export class CalendarChangedEnvelope extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => CalendarChangedEventPayload)
  payload!: CalendarChangedEventPayload;
}

/**
 * `directory.session.revoked.v1`, keyed by session id: a logout or a reused refresh token
 * revoked a login. Each gateway keeps the id until `expiresAt` (when every access token of
 * the session has expired anyway) and refuses tokens whose `sid` it holds.
 */
export class SessionRevokedPayload {
  @IsUUID() sessionId!: string;
  @IsUUID() accountId!: string;
  @IsISO8601() revokedAt!: string;
  @IsISO8601() expiresAt!: string;
}

export class SessionRevokedEnvelope extends EventEnvelopeFields {
  @ValidateNested() @Type(() => SessionRevokedPayload) payload!: SessionRevokedPayload;
}
