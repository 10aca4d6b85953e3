import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@app/contracts';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 200, name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100, name: 'display_name' })
  displayName!: string;

  @Column({ type: 'varchar', length: 40 })
  role!: Role;

  @Column({ type: 'char', length: 36, name: 'organisation_id', nullable: true })
  organisationId!: string | null;

  /** For a student account: the roster student it is (one account per student at most). */
  @Column({ type: 'char', length: 36, name: 'student_id', nullable: true })
  studentId!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  /** Set while the account is deactivated: it cannot sign in, its sessions were revoked. */
  @Column({ type: 'datetime', precision: 3, name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;

  /** After an admin's reset: only /me, /me/password and logout until a new password is set. */
  @Column({ type: 'boolean', name: 'must_change_password', default: false })
  mustChangePassword!: boolean;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at', nullable: true })
  updatedAt!: Date | null;
}
