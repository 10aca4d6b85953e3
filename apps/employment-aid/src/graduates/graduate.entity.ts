import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Degree } from '@app/contracts';

@Entity({ name: 'aid_graduates' })
export class GraduateEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'university_id' })
  universityId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  major!: string;

  @Column({ type: 'varchar', length: 30 })
  degree!: Degree;

  @Column({ type: 'int', name: 'graduation_year' })
  graduationYear!: number;

  @Column({ type: 'varchar', length: 200 })
  contact!: string;

  /** JSON: `{ industries, cities, expectedMonthlySalary }`. */
  @Column({ type: 'longtext' })
  intentions!: string;

  @Column({ type: 'boolean', name: 'willing_to_work' })
  willingToWork!: boolean;

  /** AES-256-GCM of the JSON list of difficulty categories (see CategoryProtector). */
  @Column({ type: 'varbinary', length: 1024, name: 'categories_ciphertext' })
  categoriesCiphertext!: Buffer;

  @Column({ type: 'datetime', precision: 3, name: 'registered_at' })
  registeredAt!: Date;

  @Column({ type: 'char', length: 36, name: 'registered_by' })
  registeredBy!: string;

  /** The last session in which contact was made. */
  @Column({ type: 'datetime', precision: 3, name: 'last_contact_at', nullable: true })
  lastContactAt!: Date | null;

  /** The follow-up date of the latest session. */
  @Column({ type: 'date', name: 'follow_up_on', nullable: true, utc: true })
  followUpOn!: string | null;

  /** The graduate's own directory account (role graduate): unique, so one graduate per account. */
  @Column({ type: 'char', length: 36, name: 'account_id', nullable: true })
  accountId!: string | null;

  /** Set for demo rows only, so seeding twice inserts nothing. */
  @Column({ type: 'varchar', length: 100, name: 'demo_key', nullable: true })
  demoKey!: string | null;
}
