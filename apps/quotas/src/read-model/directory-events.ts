import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsObject,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  CALENDAR_CHANGE_KINDS,
  EventEnvelopeFields,
  StudentPlacementPayload,
  type CalendarChangeKind,
} from '@app/contracts';

/** `directory.student.{enrolled,moved,transferred,withdrawn}.v1`: the placement fields quotas reads. */
export class StudentPlacementEvent extends EventEnvelopeFields {
  @ValidateNested() @Type(() => StudentPlacementPayload) payload!: StudentPlacementPayload;
}

/** `directory.calendar.changed.v1`; only term records are read (checked in `termRecordOf`). */
export class CalendarChangedPayloadMessage {
  @Matches(/^\d{6}$/) areaCode!: string;
  @IsIn(['upserted', 'deleted']) action!: 'upserted' | 'deleted';
  @IsIn(CALENDAR_CHANGE_KINDS) kind!: CalendarChangeKind;
  @IsArray() @IsString({ each: true }) ids!: string[];
  @IsArray() @IsObject({ each: true }) records!: Record<string, unknown>[];
}

export class CalendarChangedEvent extends EventEnvelopeFields {
  @ValidateNested()
  @Type(() => CalendarChangedPayloadMessage)
  payload!: CalendarChangedPayloadMessage;
}
