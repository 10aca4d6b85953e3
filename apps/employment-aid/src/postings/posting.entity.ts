import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PostingKind, PostingStatus } from '@app/contracts';

@Entity({ name: 'aid_postings' })
export class PostingEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'university_id' })
  universityId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: PostingKind;

  @Column({ type: 'varchar', length: 200 })
  employer!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  location!: string;

  @Column({ type: 'int', name: 'wage_min' })
  wageMin!: number;

  @Column({ type: 'int', name: 'wage_max' })
  wageMax!: number;

  @Column({ type: 'longtext' })
  requirements!: string;

  @Column({ type: 'date', name: 'expires_on', utc: true })
  expiresOn!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: PostingStatus;

  @Column({ type: 'char', length: 36, name: 'created_by' })
  createdBy!: string;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'char', length: 36, name: 'reviewed_by', nullable: true })
  reviewedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'varchar', length: 1000, name: 'review_note', nullable: true })
  reviewNote!: string | null;
}
