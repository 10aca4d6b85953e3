import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationCreatedEnvelope, Topics, type StudentPlacementPayload } from '@app/contracts';
import { applyOnce, ConsumeEvent } from '@app/messaging';
import { DemoSeed } from '../demo/demo-seed.js';
import { ReadModelRepository } from './read-model.repository.js';
import {
  StudentEnrolledEvent,
  StudentMovedEvent,
  StudentTransferredEvent,
  StudentWithdrawnEvent,
} from './roster-events.js';

const CONSUMER = 'study-tours-read-model';

/**
 * Keeps the copy of directory data: organisations (bases are venue organisations, bureaus
 * give levels and areas) and the roster (school, class and grade of each student). Roster
 * events are keyed by student id, so one student's events arrive in order.
 */
@Controller()
export class ReadModelController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
    private readonly demo: DemoSeed,
  ) {}

  @ConsumeEvent(Topics.events.organisationCreated, Topics.deadLetters.studyTours)
  async onOrganisationCreated(@Payload() event: OrganisationCreatedEnvelope): Promise<void> {
    const o = event.payload;
    await applyOnce(this.dataSource, CONSUMER, event.id, (manager) =>
      this.readModel.saveOrganisation(manager, {
        id: o.id,
        kind: o.kind,
        name: o.name,
        regionCode: o.regionCode,
        level: o.level ?? null,
        parentId: o.parentId ?? null,
      }),
    );
    this.demo.tryToSeed();
  }

  @ConsumeEvent(Topics.events.studentEnrolled, Topics.deadLetters.studyTours)
  onEnrolled(@Payload() event: StudentEnrolledEvent): Promise<void> {
    return this.place(event.payload, true);
  }

  @ConsumeEvent(Topics.events.studentMoved, Topics.deadLetters.studyTours)
  onMoved(@Payload() event: StudentMovedEvent): Promise<void> {
    return this.place(event.payload, true);
  }

  @ConsumeEvent(Topics.events.studentTransferred, Topics.deadLetters.studyTours)
  onTransferred(@Payload() event: StudentTransferredEvent): Promise<void> {
    return this.place(event.payload, true);
  }

  @ConsumeEvent(Topics.events.studentWithdrawn, Topics.deadLetters.studyTours)
  onWithdrawn(@Payload() event: StudentWithdrawnEvent): Promise<void> {
    return this.place(event.payload, false);
  }

  /**
   * One upsert, outside any transaction and without a processed-event row: a roster import
   * publishes tens of thousands of events, and this consumer also answers the service's
   * requests, so it must keep up. The upsert is idempotent, and a redelivery replays a
   * student's events in order (same key, same partition), ending at the latest placement.
   */
  private async place(placement: StudentPlacementPayload, enrolled: boolean): Promise<void> {
    await this.readModel.placeStudent(this.dataSource.manager, placement, enrolled);
    this.demo.tryToSeed();
  }
}
