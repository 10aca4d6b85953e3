import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@app/contracts';

/** Read model of the directory's accounts (no organisation: the event does not carry it). */
@Entity({ name: 'aid_accounts' })
export class AccountEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 40 })
  role!: Role;
}
