import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  CreateMentorCommand,
  ListMentorsQuery,
  MentorView,
  Page,
  UpdateMentorCommand,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { Clock } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import {
  accountNotFound,
  forbidden,
  invalidCapacity,
  mentorAccountNotEligible,
  mentorAccountTaken,
  mentorNotFound,
} from '../employment-aid.errors.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import type { MentorEntity } from './mentor.entity.js';
import { MentorsRepository } from './mentors.repository.js';

export const toMentorView = (m: MentorEntity): MentorView => ({
  id: m.id,
  universityId: m.universityId,
  accountId: m.accountId,
  displayName: m.displayName,
  kind: m.kind,
  industries: JSON.parse(m.industries) as string[],
  majors: JSON.parse(m.majors) as string[],
  cities: JSON.parse(m.cities) as string[],
  capacity: m.capacity,
  activeMentees: m.activeCount,
  availability: m.availability,
  sharedContact: m.sharedContact,
  createdAt: m.createdAt.toISOString(),
});

/** Mentor profiles, kept by the career centre of their university. */
@Injectable()
export class MentorsService {
  constructor(
    private readonly mentors: MentorsRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
    private readonly directory: OrganisationsRepository,
  ) {}

  /**
   * The account's role and university are checked against the read model of accounts when
   * its event has arrived; one created a moment ago may not be known yet and is taken on
   * trust (it grants nothing outside its own university anyway: mentors read only graduates of
   * the university in their token). An account of another university answers 404.
   */
  async create(command: CreateMentorCommand): Promise<MentorView> {
    const universityId = this.access.staffUniversity(command.actor);
    const account = await this.directory.findAccountById(command.accountId);
    if (account?.organisationId && account.organisationId !== universityId) {
      throw accountNotFound();
    }
    if (account && account.role !== 'mentor' && account.role !== 'career_centre_staff') {
      throw mentorAccountNotEligible(account.role);
    }
    return this.insert(universityId, command);
  }

  /** Also used by the demo seed. */
  async insert(universityId: string, command: Omit<CreateMentorCommand, 'actor'>) {
    const mentor: MentorEntity = {
      id: randomUUID(),
      universityId,
      accountId: command.accountId,
      displayName: command.displayName,
      kind: command.kind,
      industries: JSON.stringify(command.industries),
      majors: JSON.stringify(command.majors),
      cities: JSON.stringify(command.cities),
      capacity: command.capacity,
      activeCount: 0,
      availability: command.availability ?? null,
      sharedContact: command.sharedContact || null,
      createdAt: this.clock.now(),
    };
    try {
      await this.mentors.insert(mentor);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw mentorAccountTaken();
      throw error;
    }
    return toMentorView(mentor);
  }

  /** Staff of the mentor's university, or the mentor themself. */
  async get(actor: Actor, mentorId: string): Promise<MentorView> {
    const mentor = await this.mentors.findById(mentorId);
    if (!mentor) throw mentorNotFound();
    const own = mentor.accountId === actor.accountId;
    if (!own && !this.access.isStaffOf(actor, mentor.universityId)) throw mentorNotFound();
    return toMentorView(mentor);
  }

  async list(query: ListMentorsQuery): Promise<Page<MentorView>> {
    const universityId = this.access.staffUniversity(query.actor);
    const [rows, total] = await this.mentors.listOfUniversity(
      universityId,
      query.page,
      query.pageSize,
    );
    return { items: rows.map(toMentorView), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * Staff of the mentor's university change anything; the mentor themself only what they
   * share: their availability and the contact their mentees see.
   */
  async update(command: UpdateMentorCommand): Promise<MentorView> {
    const mentor = await this.mentors.findById(command.mentorId);
    if (!mentor) throw mentorNotFound();
    const own = mentor.accountId === command.actor.accountId;
    if (!own || this.access.isStaffOf(command.actor, mentor.universityId)) {
      this.access.assertStaffOf(command.actor, mentor.universityId, mentorNotFound);
    } else if (
      command.capacity !== undefined ||
      command.industries ||
      command.majors ||
      command.cities
    ) {
      throw forbidden('A mentor changes only their availability and shared contact');
    }
    const change: Partial<MentorEntity> = {};
    if (command.sharedContact !== undefined) change.sharedContact = command.sharedContact || null;
    if (command.capacity !== undefined) change.capacity = command.capacity;
    if (command.availability !== undefined) change.availability = command.availability;
    if (command.industries) change.industries = JSON.stringify(command.industries);
    if (command.majors) change.majors = JSON.stringify(command.majors);
    if (command.cities) change.cities = JSON.stringify(command.cities);
    if (Object.keys(change).length && !(await this.mentors.update(mentor.id, change))) {
      throw invalidCapacity((await this.mentors.findById(mentor.id))?.activeCount ?? 0);
    }
    const updated = await this.mentors.findById(mentor.id);
    if (!updated) throw mentorNotFound();
    return toMentorView(updated);
  }
}
