import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import {
  EventEnvelopeFields,
  StudentEnrolledPayload,
  StudentMovedPayload,
  StudentTransferredPayload,
  StudentWithdrawnPayload,
  Topics,
} from '@app/contracts';

/** The directory's roster events, validated (extra fields are refused, so one class each). */
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

/** Each roster topic: its event class, and whether the student is enrolled after it. */
export const ROSTER_EVENTS = {
  [Topics.events.studentEnrolled]: { type: StudentEnrolledEvent, enrolled: true },
  [Topics.events.studentMoved]: { type: StudentMovedEvent, enrolled: true },
  [Topics.events.studentTransferred]: { type: StudentTransferredEvent, enrolled: true },
  [Topics.events.studentWithdrawn]: { type: StudentWithdrawnEvent, enrolled: false },
} as const;

export const ROSTER_TOPICS = Object.keys(ROSTER_EVENTS);
