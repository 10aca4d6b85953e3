import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContractType, OutcomeKind } from '@app/contracts';

@Entity({ name: 'aid_outcomes' })
export class OutcomeEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'graduate_id' })
  graduateId!: string;

  @Column({ type: 'char', length: 36, name: 'university_id' })
  universityId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: OutcomeKind;

  @Column({ type: 'varchar', length: 200, nullable: true })
  employer!: string | null;

  @Column({ type: 'date', name: 'start_date', nullable: true, utc: true })
  startDate!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'contract_type', nullable: true })
  contractType!: ContractType | null;

  /** From registration to the start date (or the day recorded); null unless in work. */
  @Column({ type: 'int', name: 'days_to_employment', nullable: true })
  daysToEmployment!: number | null;

  @Column({ type: 'char', length: 36, name: 'recorded_by' })
  recordedBy!: string;

  @Column({ type: 'datetime', precision: 3, name: 'recorded_at' })
  recordedAt!: Date;

  @Column({ type: 'char', length: 36, name: 'verified_by', nullable: true })
  verifiedBy!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;
}
