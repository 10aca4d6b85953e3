import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import {
  EventEnvelopeFields,
  StudentEnrolledPayload,
  StudentMovedPayload,
  StudentTransferredPayload,
  StudentWithdrawnPayload,
} from '@app/contracts';

/** Roster events as this service validates them (the payload classes are the directory's). */
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
