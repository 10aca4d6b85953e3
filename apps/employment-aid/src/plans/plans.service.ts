import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  AddGoalCommand,
  AddReferralCommand,
  GoalView,
  PlanView,
  ReferralView,
  UpdateGoalCommand,
  UpdateReferralCommand,
} from '@app/contracts';
import { Clock, shanghaiDateOf } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import { goalNotFound, referralNotFound } from '../employment-aid.errors.js';
import type { GoalEntity, ReferralEntity } from './plan.entities.js';
import { PlansRepository } from './plans.repository.js';

export const toReferralView = (r: ReferralEntity): ReferralView => ({
  id: r.id,
  graduateId: r.graduateId,
  postingId: r.postingId,
  employer: r.employer,
  position: r.position,
  note: r.note,
  result: r.result,
  referredBy: r.referredBy,
  referredAt: r.referredAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** An open goal whose due date (Shanghai) has passed. */
export const isGoalOverdue = (g: GoalEntity, now: Date): boolean =>
  g.status === 'open' && g.dueOn !== null && g.dueOn < shanghaiDateOf(now);

/** The support plan: goals and tasks with due dates, job referrals with their results. */
@Injectable()
export class PlansService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
  ) {}

  async addGoal(command: AddGoalCommand): Promise<GoalView> {
    const { graduate } = await this.access.graduateToRead(command.actor, command.graduateId);
    const goal: GoalEntity = {
      id: randomUUID(),
      graduateId: graduate.id,
      title: command.title,
      dueOn: command.dueOn ?? null,
      status: 'open',
      createdAt: this.clock.now(),
      createdBy: command.actor.accountId,
    };
    await this.plans.insertGoal(goal);
    return this.goalView(goal);
  }

  async updateGoal(command: UpdateGoalCommand): Promise<GoalView> {
    const goal = await this.plans.findGoal(command.goalId);
    if (!goal) throw goalNotFound();
    await this.access.graduateToRead(command.actor, goal.graduateId).catch(() => {
      throw goalNotFound();
    });
    await this.plans.updateGoal(goal.id, { status: command.status });
    return this.goalView({ ...goal, status: command.status });
  }

  async addReferral(command: AddReferralCommand): Promise<ReferralView> {
    const { graduate } = await this.access.graduateToRead(command.actor, command.graduateId);
    const now = this.clock.now();
    const referral: ReferralEntity = {
      id: randomUUID(),
      graduateId: graduate.id,
      postingId: null,
      employer: command.employer,
      position: command.position,
      note: command.note ?? null,
      result: 'pending',
      referredBy: command.actor.accountId,
      referredAt: now,
      updatedAt: now,
    };
    await this.plans.insertReferral(referral);
    return toReferralView(referral);
  }

  async updateReferral(command: UpdateReferralCommand): Promise<ReferralView> {
    const referral = await this.plans.findReferral(command.referralId);
    if (!referral) throw referralNotFound();
    await this.access.graduateToRead(command.actor, referral.graduateId).catch(() => {
      throw referralNotFound();
    });
    const updatedAt = this.clock.now();
    await this.plans.updateReferral(referral.id, { result: command.result, updatedAt });
    return toReferralView({ ...referral, result: command.result, updatedAt });
  }

  async get(actor: Actor, graduateId: string): Promise<PlanView> {
    const { graduate } = await this.access.graduateToRead(actor, graduateId);
    const [goals, referrals] = await Promise.all([
      this.plans.goalsOf(graduate.id),
      this.plans.referralsOf(graduate.id),
    ]);
    return {
      graduateId: graduate.id,
      goals: goals.map((g) => this.goalView(g)),
      referrals: referrals.map(toReferralView),
    };
  }

  private goalView(g: GoalEntity): GoalView {
    return {
      id: g.id,
      graduateId: g.graduateId,
      title: g.title,
      dueOn: g.dueOn,
      status: g.status,
      overdue: isGoalOverdue(g, this.clock.now()),
      createdAt: g.createdAt.toISOString(),
    };
  }
}
