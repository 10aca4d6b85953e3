import { Injectable } from '@nestjs/common';
import type {
  Actor,
  ListMySessionsQuery,
  MyAidView,
  MyGoalView,
  MyOutcomeView,
  MyPostingView,
  MyReferralView,
  MySessionView,
  Page,
} from '@app/contracts';
import { Clock, shanghaiDateOf } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import { AssignmentsRepository } from '../assignments/assignments.repository.js';
import { intentionsOf } from '../graduates/graduate-views.js';
import type { GraduateEntity } from '../graduates/graduate.entity.js';
import { MentorsRepository } from '../mentors/mentors.repository.js';
import { OutcomesRepository } from '../outcomes/outcomes.repository.js';
import type { GoalEntity, ReferralEntity } from '../plans/plan.entities.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { isGoalOverdue } from '../plans/plans.service.js';
import type { PostingEntity } from '../postings/posting.entity.js';
import { PostingsRepository } from '../postings/postings.repository.js';
import type { SessionEntity } from '../sessions/session.entities.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';

const RECENT_SESSIONS = 10;

/**
 * The graduate's own view of their support. It is built from its own narrow shapes, never by
 * trimming the staff views, so a field added for staff cannot leak here by accident: no
 * difficulty categories, no alerts, no session notes or next steps, no referral notes, no
 * account ids of staff.
 */
@Injectable()
export class SelfServiceService {
  constructor(
    private readonly access: AidAccess,
    private readonly assignments: AssignmentsRepository,
    private readonly mentors: MentorsRepository,
    private readonly plans: PlansRepository,
    private readonly sessions: SessionsRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly postings: PostingsRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<MyAidView> {
    const graduate = await this.access.ownGraduate(actor);
    const now = this.clock.now();
    const [active, goals, referrals, [sessions, sessionCount], outcomes] = await Promise.all([
      this.assignments.activeOf(graduate.id),
      this.plans.goalsOf(graduate.id),
      this.plans.referralsOf(graduate.id),
      this.sessions.pageOf(graduate.id, 1, RECENT_SESSIONS),
      this.outcomes.verifiedOfGraduates([graduate.id]),
    ]);
    const mentor = active ? await this.mentors.findById(active.mentorId) : null;
    const latest = outcomes.at(-1);
    return {
      registration: this.registration(graduate),
      mentor:
        mentor && active
          ? {
              displayName: mentor.displayName,
              kind: mentor.kind,
              sharedContact: mentor.sharedContact,
              since: active.assignedAt.toISOString(),
            }
          : null,
      nextFollowUpOn: graduate.followUpOn,
      plan: {
        goals: goals.map((g) => this.goal(g, now)),
        referrals: referrals.map((r) => this.referral(r)),
      },
      recentSessions: await this.sessionViews(sessions),
      sessionCount,
      outcome: latest?.verifiedAt
        ? ({
            kind: latest.kind,
            employer: latest.employer,
            startDate: latest.startDate,
            contractType: latest.contractType,
            verifiedAt: latest.verifiedAt.toISOString(),
          } satisfies MyOutcomeView)
        : null,
      referredPostings: await this.referredPostings(referrals, now),
    };
  }

  async listSessions(query: ListMySessionsQuery): Promise<Page<MySessionView>> {
    const graduate = await this.access.ownGraduate(query.actor);
    const [rows, total] = await this.sessions.pageOf(graduate.id, query.page, query.pageSize);
    return {
      items: await this.sessionViews(rows),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  private registration(g: GraduateEntity): MyAidView['registration'] {
    return {
      id: g.id,
      universityId: g.universityId,
      name: g.name,
      major: g.major,
      degree: g.degree,
      graduationYear: g.graduationYear,
      contact: g.contact,
      intentions: intentionsOf(g),
      willingToWork: g.willingToWork,
      registeredAt: g.registeredAt.toISOString(),
    };
  }

  private goal(g: GoalEntity, now: Date): MyGoalView {
    return {
      id: g.id,
      title: g.title,
      dueOn: g.dueOn,
      status: g.status,
      overdue: isGoalOverdue(g, now),
    };
  }

  private referral(r: ReferralEntity): MyReferralView {
    return {
      id: r.id,
      postingId: r.postingId,
      employer: r.employer,
      position: r.position,
      result: r.result,
      referredAt: r.referredAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  private async sessionViews(rows: SessionEntity[]): Promise<MySessionView[]> {
    const mentors = await this.mentors.findByAccounts([
      ...new Set(rows.map((s) => s.mentorAccountId)),
    ]);
    const names = new Map(mentors.map((m) => [m.accountId, m.displayName]));
    return rows.map((s) => ({
      id: s.id,
      occurredAt: s.occurredAt.toISOString(),
      channel: s.channel,
      durationMinutes: s.durationMinutes,
      contactMade: s.contactMade,
      followUpOn: s.followUpOn,
      sharedSummary: s.sharedSummary,
      mentorName: names.get(s.mentorAccountId) ?? null,
    }));
  }

  /** Postings of the graduate's referrals, latest referral's result per posting. */
  private async referredPostings(referrals: ReferralEntity[], now: Date): Promise<MyPostingView[]> {
    const resultOf = new Map<string, ReferralEntity['result']>();
    for (const r of referrals) if (r.postingId) resultOf.set(r.postingId, r.result);
    const postings = await this.postings.findByIds([...resultOf.keys()]);
    const today = shanghaiDateOf(now);
    return postings.map((p: PostingEntity) => ({
      id: p.id,
      kind: p.kind,
      employer: p.employer,
      title: p.title,
      location: p.location,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      requirements: p.requirements,
      expiresOn: p.expiresOn,
      open: p.status === 'published' && p.expiresOn >= today,
      referralResult: resultOf.get(p.id) ?? 'pending',
    }));
  }
}
