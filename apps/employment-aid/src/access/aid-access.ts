import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import type { AppError } from '@app/errors';
import { AssignmentsRepository } from '../assignments/assignments.repository.js';
import { forbidden, graduateNotFound, graduateNotLinked } from '../employment-aid.errors.js';
import type { GraduateEntity } from '../graduates/graduate.entity.js';
import { GraduatesRepository } from '../graduates/graduates.repository.js';
import type { MentorEntity } from '../mentors/mentor.entity.js';
import { MentorsRepository } from '../mentors/mentors.repository.js';

export interface GraduateAccess {
  graduate: GraduateEntity;
  /** Career-centre staff of the graduate's university (may see the categories, audited). */
  asStaff: boolean;
  /** The actor's mentor profile when they read as the graduate's active mentor. */
  mentor: MentorEntity | null;
}

/**
 * The one place that decides what an actor may see and change in employment aid. Staff
 * act on their own university; a mentor sees only their current mentees. Outside that,
 * things answer 404, never 403, so nobody learns what another university or mentor holds;
 * 403 means "your role may not do this at all".
 */
@Injectable()
export class AidAccess {
  constructor(
    private readonly graduates: GraduatesRepository,
    private readonly mentors: MentorsRepository,
    private readonly assignments: AssignmentsRepository,
  ) {}

  /** The university whose career centre the actor works for; 403 for any other role. */
  staffUniversity(actor: Actor): string {
    if (actor.role !== 'career_centre_staff' || !actor.organisationId) {
      throw forbidden('Only career-centre staff may do this');
    }
    return actor.organisationId;
  }

  isStaffOf(actor: Actor, universityId: string): boolean {
    return actor.role === 'career_centre_staff' && actor.organisationId === universityId;
  }

  /** Something of a university, for its staff; 404 to everybody else. */
  assertStaffOf(actor: Actor, universityId: string, notFound: () => AppError): void {
    this.staffUniversity(actor);
    if (!this.isStaffOf(actor, universityId)) throw notFound();
  }

  async graduateForStaff(actor: Actor, graduateId: string): Promise<GraduateEntity> {
    this.staffUniversity(actor);
    const graduate = await this.graduates.findById(graduateId);
    if (!graduate || !this.isStaffOf(actor, graduate.universityId)) throw graduateNotFound();
    return graduate;
  }

  /** Staff of the graduate's university, or the graduate's current mentor. */
  async graduateToRead(actor: Actor, graduateId: string): Promise<GraduateAccess> {
    const graduate = await this.graduates.findById(graduateId);
    if (!graduate) throw graduateNotFound();
    if (this.isStaffOf(actor, graduate.universityId)) {
      return { graduate, asStaff: true, mentor: await this.mentors.findByAccount(actor.accountId) };
    }
    const mentor = await this.currentMentorOf(actor, graduate);
    if (!mentor) throw graduateNotFound();
    return { graduate, asStaff: false, mentor };
  }

  /** Only the graduate's current mentor (logging sessions, recording outcomes). */
  async graduateForMentor(actor: Actor, graduateId: string): Promise<GraduateAccess> {
    const access = await this.graduateToRead(actor, graduateId);
    const mentor = access.mentor ?? null;
    const active = await this.assignments.activeOf(graduateId);
    if (!mentor || !active || active.mentorId !== mentor.id) {
      if (access.asStaff) throw forbidden("Only the graduate's current mentor may do this");
      throw graduateNotFound();
    }
    return { ...access, mentor };
  }

  /** The actor's mentor profile if they are the graduate's active mentor right now. */
  private async currentMentorOf(
    actor: Actor,
    graduate: GraduateEntity,
  ): Promise<MentorEntity | null> {
    if (actor.organisationId !== graduate.universityId) return null;
    const mentor = await this.mentors.findByAccount(actor.accountId);
    if (!mentor || mentor.universityId !== graduate.universityId) return null;
    const active = await this.assignments.activeOf(graduate.id);
    return active?.mentorId === mentor.id ? mentor : null;
  }

  /**
   * The graduate record linked to the signed-in graduate's account, of the university in
   * their token; 403 for any other role, 404 when none is linked.
   */
  async ownGraduate(actor: Actor): Promise<GraduateEntity> {
    if (actor.role !== 'graduate') throw forbidden('Only a graduate has their own view');
    const graduate = await this.graduates.findByAccount(actor.accountId);
    if (!graduate || graduate.universityId !== actor.organisationId) throw graduateNotLinked();
    return graduate;
  }

  /** The actor's own mentor profile (mentors listing their mentees). */
  mentorProfileOf(actor: Actor): Promise<MentorEntity | null> {
    return this.mentors.findByAccount(actor.accountId);
  }
}
