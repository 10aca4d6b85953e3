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
  StudentEnrolledPayload,
  StudentMovedPayload,
  StudentTransferredPayload,
  StudentWithdrawnPayload,
  type CalendarChangeKind,
} from '@app/contracts';

/** `directory.student.enrolled.v1` (every roster event carries the placement quotas reads). */
export class StudentEnrolledEvent extends EventEnvelopeFields {
  @ValidateNested() @Type(() => StudentEnrolledPayload) payload!: StudentEnrolledPayload;
}

export class StudentMovedEvent extends EventEnvelopeFields {
  @ValidateNested() @Type(() => StudentMovedPayload) payload!: StudentMovedPayload;
}

export class StudentTransferredEvent extends EventEnvelopeFields {
  @ValidateNested() @Type(() => StudentTransferredPayload) payload!: StudentTransferredPayload;
}

export class StudentWithdrawnEvent extends EventEnvelopeFields {
  @ValidateNested() @Type(() => StudentWithdrawnPayload) payload!: StudentWithdrawnPayload;
}

export type StudentPlacementEvent =
  StudentEnrolledEvent | StudentMovedEvent | StudentTransferredEvent | StudentWithdrawnEvent;

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
