import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A refresh token: only its SHA-256 is stored. Tokens rotated from one login share a
 * family; using a token twice revokes the whole family (a stolen token is then useless).
 */
@Entity({ name: 'refresh_tokens' })
export class RefreshTokenEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'account_id' })
  accountId!: string;

  @Column({ type: 'char', length: 36, name: 'family_id' })
  familyId!: string;

  @Column({ type: 'char', length: 64, name: 'secret_hash' })
  secretHash!: string;

  @Column({ type: 'datetime', precision: 3, name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
