import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GoalStatus, ReferralResult } from '@app/contracts';

@Entity({ name: 'aid_goals' })
export class GoalEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'graduate_id' })
  graduateId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'date', name: 'due_on', nullable: true, utc: true })
  dueOn!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: GoalStatus;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'char', length: 36, name: 'created_by' })
  createdBy!: string;
}

@Entity({ name: 'aid_referrals' })
export class ReferralEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'graduate_id' })
  graduateId!: string;

  @Column({ type: 'char', length: 36, name: 'posting_id', nullable: true })
  postingId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  employer!: string;

  @Column({ type: 'varchar', length: 200 })
  position!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 20 })
  result!: ReferralResult;

  @Column({ type: 'char', length: 36, name: 'referred_by' })
  referredBy!: string;

  @Column({ type: 'datetime', precision: 3, name: 'referred_at' })
  referredAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at' })
  updatedAt!: Date;
}
