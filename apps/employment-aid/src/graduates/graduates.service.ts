import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  AlertDigestView,
  AlertView,
  GraduateRef,
  GraduateSensitiveView,
  GraduateView,
  LinkGraduateAccountCommand,
  ListGraduatesQuery,
  Page,
  RegisterGraduateCommand,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { AuditLog } from '@app/sensitive-data';
import { Clock } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import { AssignmentsRepository } from '../assignments/assignments.repository.js';
import { MentorsRepository } from '../mentors/mentors.repository.js';
import { EmploymentAidConfig } from '../config.js';
import {
  accountNotFound,
  graduateAccountNotEligible,
  graduateAccountTaken,
  graduateAlreadyLinked,
} from '../employment-aid.errors.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { CategoryProtector } from '../protection/category-protector.js';
import type { GraduateEntity } from './graduate.entity.js';
import { toAlertView, toGraduateView } from './graduate-views.js';
import { GraduatesRepository } from './graduates.repository.js';

/** Registration of graduates in need, their reads, the audited category read and alerts. */
@Injectable()
export class GraduatesService {
  constructor(
    private readonly graduates: GraduatesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly access: AidAccess,
    private readonly protector: CategoryProtector,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly config: EmploymentAidConfig,
    private readonly mentors: MentorsRepository,
    private readonly directory: OrganisationsRepository,
  ) {}

  async register(command: RegisterGraduateCommand): Promise<GraduateView> {
    const universityId = this.access.staffUniversity(command.actor);
    if (command.accountId) await this.assertGraduateAccount(universityId, command.accountId);
    return this.insert(universityId, command, null);
  }

  /** Career-centre staff link the graduate's own directory account, once. */
  async linkAccount(command: LinkGraduateAccountCommand): Promise<GraduateView> {
    const graduate = await this.access.graduateForStaff(command.actor, command.graduateId);
    await this.assertGraduateAccount(graduate.universityId, command.accountId);
    try {
      if (!(await this.graduates.linkAccount(graduate.id, command.accountId))) {
        throw graduateAlreadyLinked();
      }
    } catch (error) {
      if (isDuplicateKeyError(error)) throw graduateAccountTaken();
      throw error;
    }
    return this.get(command.actor, graduate.id);
  }

  /** Undoes a wrong link; the account then sees nothing until linked again. */
  async unlinkAccount(command: GraduateRef): Promise<GraduateView> {
    const graduate = await this.access.graduateForStaff(command.actor, command.graduateId);
    await this.graduates.unlinkAccount(graduate.id);
    return this.get(command.actor, graduate.id);
  }

  /**
   * Unlike a mentor's, a graduate's account must be known with its university before it is
   * linked: the link opens the record to whoever holds the account, so nothing is taken on trust.
   */
  private async assertGraduateAccount(universityId: string, accountId: string): Promise<void> {
    const account = await this.directory.findAccountById(accountId);
    if (!account || account.organisationId !== universityId) throw accountNotFound();
    if (account.role !== 'graduate') throw graduateAccountNotEligible(account.role);
  }

  /** Also used by the demo seed, which acts for no one in particular. */
  async insert(
    universityId: string,
    command: Omit<RegisterGraduateCommand, 'actor'> & { actor: Pick<Actor, 'accountId'> },
    demoKey: string | null,
  ): Promise<GraduateView> {
    const id = randomUUID();
    const graduate: GraduateEntity = {
      id,
      universityId,
      name: command.name,
      major: command.major,
      degree: command.degree,
      graduationYear: command.graduationYear,
      contact: command.contact,
      intentions: JSON.stringify({
        industries: command.intentions.industries,
        cities: command.intentions.cities,
        expectedMonthlySalary: command.intentions.expectedMonthlySalary ?? null,
      }),
      willingToWork: command.willingToWork,
      categoriesCiphertext: this.protector.seal([...new Set(command.difficultyCategories)], id),
      registeredAt: this.clock.now(),
      registeredBy: command.actor.accountId,
      lastContactAt: null,
      followUpOn: null,
      accountId: command.accountId ?? null,
      demoKey,
    };
    try {
      await this.graduates.insert(graduate);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw graduateAccountTaken();
      throw error;
    }
    return this.view(graduate, null);
  }

  async get(actor: Actor, graduateId: string): Promise<GraduateView> {
    const { graduate } = await this.access.graduateToRead(actor, graduateId);
    const active = await this.assignments.activeOf(graduate.id);
    return this.view(graduate, active?.mentorId ?? null);
  }

  /** Staff: every graduate of their university; a mentor: their current mentees. */
  async list(query: ListGraduatesQuery): Promise<Page<GraduateView>> {
    let views = await this.visibleTo(query.actor);
    if (query.flaggedOnly) views = views.filter((v) => toAlertView(v) !== null);
    const start = (query.page - 1) * query.pageSize;
    return {
      items: views.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: views.length,
    };
  }

  async alerts(actor: Actor): Promise<AlertView[]> {
    return (await this.visibleTo(actor)).map(toAlertView).filter((a): a is AlertView => a !== null);
  }

  /** For career-centre staff: the week's alerts grouped by mentor (the weekly digest). */
  async digest(actor: Actor): Promise<AlertDigestView> {
    const universityId = this.access.staffUniversity(actor);
    const alerts = await this.alerts(actor);
    const mentors = new Map(
      (await this.mentors.allOfUniversity(universityId)).map((m) => [m.id, m.displayName]),
    );
    const byMentor = new Map<string, AlertView[]>();
    for (const alert of alerts) {
      if (alert.mentorId)
        byMentor.set(alert.mentorId, [...(byMentor.get(alert.mentorId) ?? []), alert]);
    }
    return {
      universityId,
      generatedAt: this.clock.now().toISOString(),
      alertWindowDays: this.config.FOLLOW_UP_ALERT_DAYS,
      total: alerts.length,
      byMentor: [...byMentor].map(([mentorId, list]) => ({
        mentorId,
        displayName: mentors.get(mentorId) ?? '',
        alerts: list,
      })),
      withoutMentor: alerts.filter((a) => !a.mentorId),
    };
  }

  /** Career-centre staff of the graduate's university only; the audit row comes first. */
  async readSensitive(actor: Actor, graduateId: string): Promise<GraduateSensitiveView> {
    const graduate = await this.access.graduateForStaff(actor, graduateId);
    const auditId = await this.audit.record({
      actor,
      action: 'graduate.categories.read',
      subjectType: 'graduate',
      subjectId: graduate.id,
      subjectOrganisationId: graduate.universityId,
      fields: ['difficultyCategories'],
    });
    return {
      graduateId: graduate.id,
      difficultyCategories: this.protector.open(graduate.categoriesCiphertext, graduate.id),
      auditId,
    };
  }

  private async visibleTo(actor: Actor): Promise<GraduateView[]> {
    let rows: GraduateEntity[];
    if (actor.role === 'career_centre_staff' && actor.organisationId) {
      rows = await this.graduates.allOfUniversity(actor.organisationId);
    } else {
      const mentor = await this.access.mentorProfileOf(actor);
      if (!mentor || mentor.universityId !== actor.organisationId) return [];
      const ids = (await this.assignments.activeOfMentor(mentor.id)).map((a) => a.graduateId);
      rows = await this.graduates.findByIds(ids);
    }
    const active = new Map(
      (await this.assignments.activeOfGraduates(rows.map((g) => g.id))).map((a) => [
        a.graduateId,
        a.mentorId,
      ]),
    );
    return rows.map((g) => this.view(g, active.get(g.id) ?? null));
  }

  private view(graduate: GraduateEntity, mentorId: string | null): GraduateView {
    return toGraduateView(graduate, mentorId, this.clock.now(), this.config.FOLLOW_UP_ALERT_DAYS);
  }
}
