import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionChannel } from '@app/contracts';

@Entity({ name: 'aid_sessions' })
export class SessionEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'graduate_id' })
  graduateId!: string;

  @Column({ type: 'char', length: 36, name: 'mentor_account_id' })
  mentorAccountId!: string;

  @Column({ type: 'datetime', precision: 3, name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  channel!: SessionChannel;

  @Column({ type: 'int', name: 'duration_minutes' })
  durationMinutes!: number;

  @Column({ type: 'boolean', name: 'contact_made' })
  contactMade!: boolean;

  @Column({ type: 'longtext' })
  notes!: string;

  @Column({ type: 'varchar', length: 1000, name: 'next_step', nullable: true })
  nextStep!: string | null;

  @Column({ type: 'date', name: 'follow_up_on', nullable: true, utc: true })
  followUpOn!: string | null;

  /** Written for the graduate, who reads it on their own view; the notes stay private. */
  @Column({ type: 'varchar', length: 1000, name: 'shared_summary', nullable: true })
  sharedSummary!: string | null;

  /** When it was logged: the edit window runs from here. */
  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}

/** The notes as they were before each edit. */
@Entity({ name: 'aid_session_revisions' })
export class SessionRevisionEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'session_id' })
  sessionId!: string;

  @Column({ type: 'longtext' })
  notes!: string;

  @Column({ type: 'varchar', length: 1000, name: 'next_step', nullable: true })
  nextStep!: string | null;

  @Column({ type: 'varchar', length: 1000, name: 'shared_summary', nullable: true })
  sharedSummary!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'edited_at' })
  editedAt!: Date;

  @Column({ type: 'char', length: 36, name: 'edited_by' })
  editedBy!: string;
}
