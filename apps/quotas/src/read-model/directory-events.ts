import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  CALENDAR_CHANGE_KINDS,
  EventEnvelopeFields,
  type CalendarChangeKind,
} from '@app/contracts';

/** `directory.calendar.changed.v1`; only term records are read (checked in `termRecordOf`). */
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

export class CalendarChangedEvent extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => CalendarChangedPayloadMessage)
  payload!: CalendarChangedPayloadMessage;
}
