import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Gender, StudentStatus } from '@app/contracts';

@Entity({ name: 'students' })
export class StudentEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'school_id' })
  schoolId!: string;

  /** Unique per school: the key of imports. */
  @Column({ type: 'varchar', length: 32, name: 'student_number' })
  studentNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  gender!: Gender;

  @Column({ type: 'date', name: 'date_of_birth', utc: true })
  dateOfBirth!: string;

  @Column({ type: 'tinyint', unsigned: true })
  grade!: number;

  /** Null once withdrawn, or when transferred in without a class yet. */
  @Column({ type: 'char', length: 36, name: 'class_id', nullable: true })
  classId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  status!: StudentStatus;

  /** AES-256-GCM, bound to the student id: see NationalIdProtector. */
  @Column({ type: 'varbinary', length: 64, name: 'national_id_ciphertext', nullable: true })
  nationalIdCiphertext!: Buffer | null;

  /** Keyed HMAC-SHA-256 of the number: finds duplicates without decrypting. */
  @Column({ type: 'binary', length: 32, name: 'national_id_hmac', nullable: true })
  nationalIdHmac!: Buffer | null;

  @Column({ type: 'char', length: 4, name: 'national_id_last4', nullable: true })
  nationalIdLast4!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'enrolled_at' })
  enrolledAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'withdrawn_at', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at' })
  updatedAt!: Date;

  /** The last import that named this student, and its line: finds repeats within a file. */
  @Column({ type: 'char', length: 36, name: 'import_job_id', nullable: true })
  importJobId!: string | null;

  @Column({ type: 'int', name: 'import_line', nullable: true })
  importLine!: number | null;
}
