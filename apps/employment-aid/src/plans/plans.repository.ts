import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GoalEntity, ReferralEntity } from './plan.entities.js';

@Injectable()
export class PlansRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertGoal(goal: GoalEntity): Promise<void> {
    await this.dataSource.manager.insert(GoalEntity, goal);
  }

  findGoal(id: string): Promise<GoalEntity | null> {
    return this.dataSource.manager.findOneBy(GoalEntity, { id });
  }

  async updateGoal(id: string, change: Partial<GoalEntity>): Promise<void> {
    await this.dataSource.manager.update(GoalEntity, { id }, change);
  }

  goalsOf(graduateId: string): Promise<GoalEntity[]> {
    return this.dataSource.manager.find(GoalEntity, {
      where: { graduateId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insertReferral(referral: ReferralEntity): Promise<void> {
    await this.dataSource.manager.insert(ReferralEntity, referral);
  }

  findReferral(id: string): Promise<ReferralEntity | null> {
    return this.dataSource.manager.findOneBy(ReferralEntity, { id });
  }

  async updateReferral(id: string, change: Partial<ReferralEntity>): Promise<void> {
    await this.dataSource.manager.update(ReferralEntity, { id }, change);
  }

  referralsOf(graduateId: string): Promise<ReferralEntity[]> {
    return this.dataSource.manager.find(ReferralEntity, {
      where: { graduateId },
      order: { referredAt: 'ASC', id: 'ASC' },
    });
  }
}
