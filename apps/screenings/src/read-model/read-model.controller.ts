import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationCreatedEnvelope, Topics, type StudentPlacementPayload } from '@app/contracts';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import {
  StudentEnrolledEvent,
  StudentMovedEvent,
  StudentTransferredEvent,
  StudentWithdrawnEvent,
} from './directory-events.js';
import { ReadModelRepository } from './read-model.repository.js';

const CONSUMER = 'screenings-read-model';
const DEAD_LETTERS = Topics.deadLetters.screenings;

/** Keeps the copy of directory data: organisations (scope, venues) and the roster (bookings). */
@Controller()
export class ReadModelController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, DEAD_LETTERS)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    const o = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveOrganisation(manager, {
        id: o.id,
        kind: o.kind,
        name: o.name,
        regionCode: o.regionCode,
        parentId: o.parentId ?? null,
      }),
    );
  }

  @ConsumeEvent(Topics.events.studentEnrolled, DEAD_LETTERS)
  onStudentEnrolled(@Payload() event: StudentEnrolledEvent): Promise<void> {
    return this.place(event.occurredAt, event.payload, true);
  }

  @ConsumeEvent(Topics.events.studentMoved, DEAD_LETTERS)
  onStudentMoved(@Payload() event: StudentMovedEvent): Promise<void> {
    return this.place(event.occurredAt, event.payload, true);
  }

  @ConsumeEvent(Topics.events.studentTransferred, DEAD_LETTERS)
  onStudentTransferred(@Payload() event: StudentTransferredEvent): Promise<void> {
    return this.place(event.occurredAt, event.payload, true);
  }

  @ConsumeEvent(Topics.events.studentWithdrawn, DEAD_LETTERS)
  onStudentWithdrawn(@Payload() event: StudentWithdrawnEvent): Promise<void> {
    return this.place(event.occurredAt, event.payload, false);
  }

  /**
   * One statement, no processed-event row: the placement is idempotent by itself (a
   * redelivered or older event never overwrites a newer placement), and a roster import
   * sends thousands of these events, which must not hold up the service's requests.
   */
  private async place(
    occurredAt: string,
    placement: StudentPlacementPayload,
    active: boolean,
  ): Promise<void> {
    const at = new Date(occurredAt);
    await this.readModel.placeStudent(
      this.dataSource.manager,
      placement,
      active,
      Number.isNaN(at.getTime()) ? new Date() : at,
    );
  }
}
