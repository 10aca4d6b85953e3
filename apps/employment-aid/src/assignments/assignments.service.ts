import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  AssignMentorCommand,
  AssignmentView,
  MentorSuggestionView,
} from '@app/contracts';
import { isDuplicateKeyError, withDbRetry } from '@app/database';
import { Clock } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import {
  graduateAlreadyHasMentor,
  graduateNotFound,
  mentorAlreadyAssigned,
  mentorAtCapacity,
  mentorNotFound,
  reassignmentReasonRequired,
} from '../employment-aid.errors.js';
import { GraduatesRepository } from '../graduates/graduates.repository.js';
import { intentionsOf } from '../graduates/graduate-views.js';
import { MentorsRepository } from '../mentors/mentors.repository.js';
import { toMentorView } from '../mentors/mentors.service.js';
import type { AssignmentEntity } from './assignment.entity.js';
import { AssignmentsRepository } from './assignments.repository.js';
import { rankMentors } from './mentor-fit.js';

const toAssignmentView = (a: AssignmentEntity): AssignmentView => ({
  id: a.id,
  graduateId: a.graduateId,
  mentorId: a.mentorId,
  active: a.activeFlag !== null,
  assignedAt: a.assignedAt.toISOString(),
  assignedBy: a.assignedBy,
  endedAt: a.endedAt?.toISOString() ?? null,
  endReason: a.endReason,
});

/** One-to-one assignment of mentors, its history and suggestions. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly graduates: GraduatesRepository,
    private readonly mentors: MentorsRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
  ) {}

  /**
   * Two guards, both in the database: the graduate's row lock orders concurrent assignments
   * of one graduate (the second sees the first's result), and the unique key on
   * (graduate_id, active_flag) refuses a second active row whatever happens. The mentor's
   * place is taken by a conditional update, so capacity holds across graduates too.
   */
  async assign(command: AssignMentorCommand): Promise<AssignmentView> {
    const { actor } = command;
    this.access.staffUniversity(actor);
    const now = this.clock.now();
    try {
      // Two reassignments that swap mentors lock mentor rows in opposite orders: retry a deadlock.
      return await withDbRetry(() =>
        this.graduates.transaction(async (manager) => {
          const graduate = await this.graduates.lockById(manager, command.graduateId);
          if (!graduate || !this.access.isStaffOf(actor, graduate.universityId)) {
            throw graduateNotFound();
          }
          const mentor = await this.mentors.findById(command.mentorId, manager);
          if (!mentor || mentor.universityId !== graduate.universityId) throw mentorNotFound();
          const current = await this.assignments.activeOf(graduate.id, manager);
          if (current?.mentorId === mentor.id) throw mentorAlreadyAssigned();
          if (current && !command.reason) throw reassignmentReasonRequired();
          if (!(await this.mentors.takePlace(manager, mentor.id))) {
            throw mentorAtCapacity(mentor.capacity);
          }
          if (current) {
            await this.assignments.end(manager, current.id, now, command.reason ?? '');
            await this.mentors.releasePlace(manager, current.mentorId);
          }
          const assignment: AssignmentEntity = {
            id: randomUUID(),
            graduateId: graduate.id,
            mentorId: mentor.id,
            activeFlag: 1,
            assignedAt: now,
            assignedBy: actor.accountId,
            endedAt: null,
            endReason: null,
          };
          await this.assignments.insert(manager, assignment);
          return toAssignmentView(assignment);
        }),
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw graduateAlreadyHasMentor();
      throw error;
    }
  }

  async history(actor: Actor, graduateId: string): Promise<AssignmentView[]> {
    const graduate = await this.access.graduateForStaff(actor, graduateId);
    return (await this.assignments.historyOf(graduate.id)).map(toAssignmentView);
  }

  async suggest(actor: Actor, graduateId: string): Promise<MentorSuggestionView[]> {
    const graduate = await this.access.graduateForStaff(actor, graduateId);
    const intentions = intentionsOf(graduate);
    const current = await this.assignments.activeOf(graduate.id);
    const candidates = (await this.mentors.allOfUniversity(graduate.universityId))
      .filter((m) => m.id !== current?.mentorId)
      .map(toMentorView);
    return rankMentors(
      { major: graduate.major, industries: intentions.industries, cities: intentions.cities },
      candidates,
    );
  }
}
