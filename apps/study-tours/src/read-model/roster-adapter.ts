import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RosterPlacement, RosterReadModelAdapter } from '@app/messaging';
import { DemoSeed } from '../demo/demo-seed.js';
import { ReadModelRepository } from './read-model.repository.js';

/**
 * The study-tours side of the shared roster read model: placements go to `st_students`, and
 * the demo seed, which waits for the demo students, is tried again once they are committed.
 */
@Injectable()
export class StudyToursRosterAdapter implements RosterReadModelAdapter {
  constructor(
    private readonly readModel: ReadModelRepository,
    private readonly demo: DemoSeed,
  ) {}

  placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void> {
    return this.readModel.placeStudents(manager, placements);
  }

  placementsApplied(): void {
    this.demo.tryToSeed();
  }
}
