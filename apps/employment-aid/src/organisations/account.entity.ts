import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@app/contracts';

/** Read model of the directory's accounts, from `directory.account.created.v1`. */
@Entity({ name: 'aid_accounts' })
export class AccountEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 40 })
  role!: Role;

  /** Null for accounts announced before the event carried it: such an account is never trusted. */
  @Column({ type: 'char', length: 36, name: 'organisation_id', nullable: true })
  organisationId!: string | null;
}
