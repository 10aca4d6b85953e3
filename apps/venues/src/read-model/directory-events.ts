import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  CALENDAR_CHANGE_KINDS,
  ORGANISATION_KINDS,
  type CalendarChangeKind,
  type OrganisationKind,
} from '@app/contracts';

/** The envelope fields every event has (the payload is declared by each subclass). */
class EnvelopeFields {
  @IsUUID() id!: string;
  @IsString() type!: string;
  @IsString() occurredAt!: string;
  @IsString() producer!: string;
  @IsOptional() @IsString() correlationId!: string | null;
  @IsString() key!: string;
}

/**
 * The fields of `OrganisationView` this service reads; the others are declared optional so
 * the strict validation pipe accepts the whole view.
 */
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

export class OrganisationCreatedEvent extends EnvelopeFields {
  @ValidateNested() @Type(() => OrganisationCreatedPayload) payload!: OrganisationCreatedPayload;
}

/**
 * `directory.calendar.changed.v1`: the record shapes differ per kind, so the records are
 * checked field by field by the read model (see `calendar-records.ts`).
 */
export class CalendarChangedPayloadMessage {
  @Matches(/^\d{6}$/) areaCode!: string;
  @IsIn(['upserted', 'deleted']) action!: 'upserted' | 'deleted';
  @IsIn(CALENDAR_CHANGE_KINDS) kind!: CalendarChangeKind;
  @IsArray() @IsString({ each: true }) ids!: string[];
  @IsString() from!: string;
  @IsString() to!: string;
  @IsArray() @IsObject({ each: true }) records!: Record<string, unknown>[];
  @IsOptional() @IsArray() @IsString({ each: true }) dates?: string[];
}

export class CalendarChangedEvent extends EnvelopeFields {
  @ValidateNested()
  @Type(() => CalendarChangedPayloadMessage)
  payload!: CalendarChangedPayloadMessage;
}
