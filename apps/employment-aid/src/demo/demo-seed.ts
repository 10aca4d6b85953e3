import { Injectable, Logger } from '@nestjs/common';
import type { Actor, OrganisationCreatedPayload, RegisterGraduateCommand } from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { AppError } from '@app/errors';
import { Clock, DAY_MS, shanghaiDateOf } from '@app/time';
import { AssignmentsService } from '../assignments/assignments.service.js';
import { EmploymentAidConfig } from '../config.js';
import { GraduatesRepository } from '../graduates/graduates.repository.js';
import { GraduatesService } from '../graduates/graduates.service.js';
import { MentorsRepository } from '../mentors/mentors.repository.js';
import { MentorsService } from '../mentors/mentors.service.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { PlansService } from '../plans/plans.service.js';
import { SessionsService } from '../sessions/sessions.service.js';

export const DEMO_UNIVERSITY_NAME = '山东大学';
/** The directory's demo career-centre account; it also mentors, which its role allows. */
export const DEMO_MENTOR_EMAIL = 'careers@studentpass.local';
/** The directory's demo graduate account, linked to the first demo graduate (李明). */
export const DEMO_GRADUATE_EMAIL = 'graduate@studentpass.local';
/** No person registered them; a fixed id marks the seed as their author. */
const SEED_ACCOUNT_ID = '00000000-0000-4000-8000-000000000001';

type DemoGraduate = Omit<RegisterGraduateCommand, 'actor'> & { key: string };

const DEMO_GRADUATES: DemoGraduate[] = [
  {
    key: 'sdu-graduate-1',
    name: '李明',
    major: '计算机科学与技术',
    degree: 'bachelor',
    graduationYear: 2026,
    contact: '138-0000-0001',
    intentions: {
      industries: ['软件', '互联网'],
      cities: ['济南', '青岛'],
      expectedMonthlySalary: 6000,
    },
    willingToWork: true,
    difficultyCategories: ['low_income'],
  },
  {
    key: 'sdu-graduate-2',
    name: '王芳',
    major: '会计学',
    degree: 'bachelor',
    graduationYear: 2026,
    contact: '138-0000-0002',
    intentions: { industries: ['金融'], cities: ['济南'], expectedMonthlySalary: 5000 },
    willingToWork: true,
    difficultyCategories: ['zero_employment_household'],
  },
];

/**
 * Demo data when SEED_DEMO=true: two graduates in need at 山东大学 (learned from the
 * directory's organisation event; idempotent by a demo key) and, once both the university and
 * the demo career-centre account are known (their events may come in either order), a mentor
 * profile for that account with the first graduate assigned to it.
 */
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly config: EmploymentAidConfig,
    private readonly graduates: GraduatesService,
    private readonly graduateRows: GraduatesRepository,
    private readonly mentors: MentorsService,
    private readonly mentorRows: MentorsRepository,
    private readonly assignments: AssignmentsService,
    private readonly directory: OrganisationsRepository,
    private readonly sessions: SessionsService,
    private readonly plans: PlansService,
    private readonly clock: Clock,
  ) {}

  async onAccount(): Promise<void> {
    if (!this.config.SEED_DEMO) return;
    await this.seedMentor();
    await this.linkGraduateAccount();
  }

  async onOrganisation(organisation: OrganisationCreatedPayload): Promise<void> {
    if (!this.config.SEED_DEMO) return;
    if (organisation.kind !== 'university' || organisation.name !== DEMO_UNIVERSITY_NAME) return;
    for (const { key, ...graduate } of DEMO_GRADUATES) {
      if (await this.graduateRows.findDemo(key)) continue;
      await this.graduates.insert(
        organisation.id,
        { ...graduate, actor: { accountId: SEED_ACCOUNT_ID } },
        key,
      );
      this.logger.log({ msg: 'demo graduate seeded', key });
    }
    await this.seedMentor();
    await this.linkGraduateAccount();
  }

  /** The demo graduate account sees 李明's record on GET /employment-aid/me. */
  private async linkGraduateAccount(): Promise<void> {
    const university = await this.directory.findByKindAndName('university', DEMO_UNIVERSITY_NAME);
    const account = await this.directory.findAccountByEmail(DEMO_GRADUATE_EMAIL);
    const first = await this.graduateRows.findDemo(DEMO_GRADUATES[0].key);
    if (!university || !account || !first || first.accountId) return;
    if (account.role !== 'graduate' || account.organisationId !== university.id) return;
    try {
      if (await this.graduateRows.linkAccount(first.id, account.id)) {
        this.logger.log({ msg: 'demo graduate account linked', email: DEMO_GRADUATE_EMAIL });
      }
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /** Each step is skipped when already done, so either event may run it, any number of times. */
  private async seedMentor(): Promise<void> {
    const university = await this.directory.findByKindAndName('university', DEMO_UNIVERSITY_NAME);
    const account = await this.directory.findAccountByEmail(DEMO_MENTOR_EMAIL);
    if (!university || !account) return;
    try {
      const mentor =
        (await this.mentorRows.findByAccount(account.id)) ??
        (await this.mentors.insert(university.id, {
          accountId: account.id,
          displayName: '就业指导中心老师',
          kind: 'teacher',
          industries: ['软件', '互联网', '金融'],
          majors: ['计算机科学与技术', '会计学'],
          cities: ['济南'],
          capacity: 5,
          availability: '工作日 9:00-17:00',
          sharedContact: '0531-8836-0000（就业指导中心）',
        }));
      const first = await this.graduateRows.findDemo(DEMO_GRADUATES[0].key);
      if (
        !first ||
        (await this.assignments.history(this.actorOf(account.id, university.id), first.id)).length
      ) {
        return;
      }
      const actor = this.actorOf(account.id, university.id);
      await this.assignments.assign({ graduateId: first.id, mentorId: mentor.id, actor });
      // Only the delivery whose assignment went through gets here: the plan is seeded once.
      await this.plans.addGoal({ graduateId: first.id, title: '完成简历修改', actor });
      await this.sessions.log({
        graduateId: first.id,
        channel: 'phone',
        durationMinutes: 30,
        contactMade: true,
        notes: '求职焦虑，面试经验不足，需多鼓励（仅工作人员可见）',
        nextStep: '推荐浪潮集团见习岗',
        followUpOn: shanghaiDateOf(new Date(this.clock.now().getTime() + 7 * DAY_MS)),
        sharedSummary: '已沟通求职意向，请本周内把修改后的简历发给我。',
        actor,
      });
      this.logger.log({ msg: 'demo mentor seeded and assigned', email: DEMO_MENTOR_EMAIL });
    } catch (error) {
      // Another delivery did it first (MENTOR_ACCOUNT_TAKEN, GRADUATE_ALREADY_HAS_MENTOR ...).
      if (!(error instanceof AppError)) throw error;
    }
  }

  private actorOf(accountId: string, universityId: string): Actor {
    return { accountId, role: 'career_centre_staff', organisationId: universityId };
  }
}
