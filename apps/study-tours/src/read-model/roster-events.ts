import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import {
  EventEnvelopeFields,
  StudentEnrolledPayload,
  StudentMovedPayload,
  StudentTransferredPayload,
  StudentWithdrawnPayload,
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
