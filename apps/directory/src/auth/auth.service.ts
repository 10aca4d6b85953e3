import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import type { AccessTokenClaims, Actor, LoginReply } from '@app/contracts';
import { AppError } from '@app/errors';
import type { AccountEntity } from '../accounts/account.entity.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { DirectoryConfig } from '../config.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

const invalidCredentials = (): AppError =>
  new AppError('INVALID_CREDENTIALS', 'unauthenticated', 'Email or password is wrong');
const accountLocked = (until: Date): AppError =>
  new AppError('ACCOUNT_LOCKED', 'locked', 'Too many wrong passwords: the account is locked', {
    lockedUntil: until.toISOString(),
  });
const invalidRefreshToken = (): AppError =>
  new AppError(
    'INVALID_REFRESH_TOKEN',
    'unauthenticated',
    'The refresh token is unknown, expired or revoked',
  );

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash('not-a-password', { type: argon2.argon2id });

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginReply> {
    const account = await this.accounts.findByEmail(email);
    const now = new Date();
    if (account?.lockedUntil && account.lockedUntil > now) throw accountLocked(account.lockedUntil);
    const hash = account?.passwordHash ?? (await this.dummyHash);
    const passwordMatches = await argon2.verify(hash, password);
    if (!account) throw invalidCredentials();
    if (!passwordMatches) {
      await this.accounts.recordFailedLogin(
        account.id,
        this.config.LOCKOUT_THRESHOLD,
        this.config.LOCKOUT_MINUTES,
      );
      throw invalidCredentials();
    }
    if (account.failedLoginCount > 0 || account.lockedUntil)
      await this.accounts.clearFailedLogins(account.id);
    return this.issueTokens(account, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair (rotation). A token presented a second time
   * means it was copied: the whole family is revoked and the caller must log in again.
   */
  async refresh(refreshToken: string): Promise<LoginReply> {
    const [id, secret] = refreshToken.split('.') as [string, string];
    const outcome = await this.refreshTokens.transaction(async (manager) => {
      const row = await this.refreshTokens.lockById(manager, id);
      if (!row || !timingSafeEqual(Buffer.from(row.secretHash), Buffer.from(sha256(secret))))
        return 'invalid' as const;
      if (row.usedAt || row.revokedAt) {
        await this.refreshTokens.revokeFamily(manager, row.familyId);
        return 'reused' as const;
      }
      if (row.expiresAt <= new Date()) return 'invalid' as const;
      await this.refreshTokens.markUsed(manager, row.id);
      return row;
    });
    if (outcome === 'invalid') throw invalidRefreshToken();
    if (outcome === 'reused') {
      throw new AppError(
        'REFRESH_TOKEN_REUSED',
        'unauthenticated',
        'This refresh token was already used; log in again',
      );
    }
    const account = await this.accounts.findById(outcome.accountId);
    if (!account) throw invalidRefreshToken();
    if (account.lockedUntil && account.lockedUntil > new Date())
      throw accountLocked(account.lockedUntil);
    return this.issueTokens(account, outcome.familyId);
  }

  /** Revokes the refresh token and all tokens of its family. Idempotent. */
  async logout(actor: Actor, refreshToken: string): Promise<void> {
    const [id, secret] = refreshToken.split('.') as [string, string];
    await this.refreshTokens.transaction(async (manager) => {
      const row = await this.refreshTokens.lockById(manager, id);
      const valid = row && row.accountId === actor.accountId && row.secretHash === sha256(secret);
      if (!valid) throw invalidRefreshToken();
      await this.refreshTokens.revokeFamily(manager, row.familyId);
    });
  }

  private async issueTokens(account: AccountEntity, familyId: string): Promise<LoginReply> {
    const claims: AccessTokenClaims = {
      sub: account.id,
      role: account.role,
      org: account.organisationId,
      stu: account.studentId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.refreshTokens.insert({
      id,
      accountId: account.id,
      familyId,
      secretHash: sha256(secret),
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: `${id}.${secret}`,
      refreshExpiresIn: this.config.REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}
