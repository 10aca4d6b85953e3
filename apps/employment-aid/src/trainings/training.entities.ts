import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'aid_trainings' })
export class TrainingEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'university_id' })
  universityId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'datetime', precision: 3, name: 'starts_at' })
  startsAt!: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location!: string | null;

  @Column({ type: 'int' })
  capacity!: number;

  /** Changed only by a conditional update that keeps it within capacity. */
  @Column({ type: 'int', name: 'enrolled_count' })
  enrolledCount!: number;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}

@Entity({ name: 'aid_training_enrolments' })
export class TrainingEnrolmentEntity {
  @PrimaryColumn({ type: 'char', length: 36, name: 'training_id' })
  trainingId!: string;

  @PrimaryColumn({ type: 'char', length: 36, name: 'graduate_id' })
  graduateId!: string;

  @Column({ type: 'datetime', precision: 3, name: 'enrolled_at' })
  enrolledAt!: Date;

  @Column({ type: 'boolean', nullable: true })
  attended!: boolean | null;
}
