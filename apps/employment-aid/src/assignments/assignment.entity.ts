import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'aid_assignments' })
export class AssignmentEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'graduate_id' })
  graduateId!: string;

  @Column({ type: 'char', length: 36, name: 'mentor_id' })
  mentorId!: string;

  /** 1 while active, NULL once ended: unique with the graduate id, so one active at most. */
  @Column({ type: 'tinyint', name: 'active_flag', nullable: true })
  activeFlag!: number | null;

  @Column({ type: 'datetime', precision: 3, name: 'assigned_at' })
  assignedAt!: Date;

  @Column({ type: 'char', length: 36, name: 'assigned_by' })
  assignedBy!: string;

  @Column({ type: 'datetime', precision: 3, name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, name: 'end_reason', nullable: true })
  endReason!: string | null;
}
