import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MentorKind } from '@app/contracts';

@Entity({ name: 'aid_mentors' })
export class MentorEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'university_id' })
  universityId!: string;

  @Column({ type: 'char', length: 36, name: 'account_id' })
  accountId!: string;

  @Column({ type: 'varchar', length: 100, name: 'display_name' })
  displayName!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: MentorKind;

  /** JSON arrays. */
  @Column({ type: 'longtext' })
  industries!: string;

  @Column({ type: 'longtext' })
  majors!: string;

  @Column({ type: 'longtext' })
  cities!: string;

  @Column({ type: 'int' })
  capacity!: number;

  /** Active mentees; changed only by conditional updates that keep it within capacity. */
  @Column({ type: 'int', name: 'active_count' })
  activeCount!: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  availability!: string | null;

  /** What the mentor chose to show their mentees; null shares nothing. */
  @Column({ type: 'varchar', length: 200, name: 'shared_contact', nullable: true })
  sharedContact!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
