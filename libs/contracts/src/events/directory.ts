import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
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

export const ACCOUNT_CHANGES = [
  'updated',
  'password_changed',
  'password_reset',
  'deactivated',
  'reactivated',
] as const;
export type AccountChange = (typeof ACCOUNT_CHANGES)[number];

/**
 * `directory.account.updated.v1`, keyed by account id: the account as it is after a change,
 * what changed and who changed it (the audit trail of account management). Read models of
 * accounts (employment aid, study tours) can follow roles, organisations and deactivation
 * from it; it never carries a password or a hash.
 */
export class AccountUpdatedPayload {
  @IsUUID() accountId!: string;
  @IsEmail() email!: string;
  @IsString() displayName!: string;
  @IsIn(ROLES) role!: Role;
  @IsOptional() @IsUUID() organisationId!: string | null;
  @IsOptional() @IsUUID() studentId!: string | null;
  @IsIn(['active', 'deactivated']) status!: 'active' | 'deactivated';
  @IsBoolean() mustChangePassword!: boolean;
  @IsIn(ACCOUNT_CHANGES) change!: AccountChange;
  /** The fields an `updated` change touched (`role`, `displayName`); empty otherwise. */
  @IsArray() @IsString({ each: true }) changedFields!: string[];
  /** The role before an `updated` change of the role; null otherwise. */
  @IsOptional() @IsIn(ROLES) previousRole!: Role | null;
  /** The account that made the change (itself for a password change). */
  @IsUUID() changedBy!: string;
  @IsISO8601() changedAt!: string;
}

export class AccountUpdatedEnvelope extends EventEnvelopeFields {
  @ValidateNested() @Type(() => AccountUpdatedPayload) payload!: AccountUpdatedPayload;
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
