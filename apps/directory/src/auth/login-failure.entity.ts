import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Wrong passwords for one account from one client address. At the threshold that address
 * is locked out of that account for a while; other addresses are not (the owner elsewhere
 * still signs in). A successful login from the address deletes its row.
 */
@Entity({ name: 'login_failures' })
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'char', length: 36, name: 'account_id' })
  accountId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, name: 'client_address' })
  clientAddress!: string;

  @Column({ type: 'int', name: 'failure_count' })
  failureCount!: number;

  @Column({ type: 'datetime', precision: 3, name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'last_failed_at' })
  lastFailedAt!: Date;
}
