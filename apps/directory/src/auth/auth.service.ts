import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import {
  Topics,
  type AccessTokenClaims,
  type Actor,
  type LoginReply,
  type LogoutReply,
  type RevokedSession,
  type SessionRevokedPayload,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import type { EntityManager } from 'typeorm';
import type { AccountEntity } from '../accounts/account.entity.js';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { DirectoryConfig } from '../config.js';
import { clientKeyOf } from './client-key.js';
import { LoginFailuresRepository } from './login-failures.repository.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

/** Where logins come from when the caller names no address: one shared bucket. */
const UNKNOWN_ADDRESS = 'unknown';

export const invalidCredentials = (): AppError =>
  new AppError('INVALID_CREDENTIALS', 'unauthenticated', 'Email or password is wrong');
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
    private readonly loginFailures: LoginFailuresRepository,
    private readonly jwt: JwtService,
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
  ) {}

  /**
   * Checks a password. A wrong password, an unknown email and a locked-out address all get
   * the same 401 INVALID_CREDENTIALS after the same work (one argon2 verify), so nobody
   * learns which emails exist or that an address is locked. Wrong passwords are counted per
   * account and client address (an IPv6 client by its /64, see clientKeyOf): an attacker
   * locks out only its own address.
   */
  async login(
    email: string,
    password: string,
    clientAddress: string = UNKNOWN_ADDRESS,
  ): Promise<LoginReply> {
    const client = clientKeyOf(clientAddress);
    const account = await this.accounts.findByEmail(email);
    const [passwordMatches, failures] = await Promise.all([
      argon2.verify(account?.passwordHash ?? (await this.dummyHash), password),
      account ? this.loginFailures.find(account.id, client) : Promise.resolve(null),
    ]);
    if (!account) throw invalidCredentials();
    if (failures?.lockedUntil && failures.lockedUntil > new Date()) throw invalidCredentials();
    if (!passwordMatches) {
      await this.loginFailures.recordFailure(
        account.id,
        client,
        this.config.LOCKOUT_THRESHOLD,
        this.config.LOCKOUT_MINUTES,
      );
      throw invalidCredentials();
    }
    // A deactivated account answers like a wrong password, after the same work.
    if (account.deactivatedAt) throw invalidCredentials();
    if (failures) await this.loginFailures.clear(account.id, client);
    const tokens = await this.refreshTokens.transaction(async (manager) => {
      // Under the account's row lock: a deactivation or a password change that began
      // meanwhile is seen here, and one that begins now waits and revokes this session too.
      const current = await this.accounts.lockById(manager, account.id);
      if (!current || current.deactivatedAt || current.passwordHash !== account.passwordHash)
        return null;
      return this.issueTokens(current, randomUUID(), manager);
    });
    if (!tokens) throw invalidCredentials();
    return tokens;
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
        await this.revokeSession(manager, row.familyId, row.accountId);
        return 'reused' as const;
      }
      if (row.expiresAt <= new Date()) return 'invalid' as const;
      // No lockout check: a lock stops password guessing from an address, and a refresh
      // token cannot be guessed (locking it out would let anyone end anyone's session).
      const account = await this.accounts.findById(row.accountId);
      if (!account || account.deactivatedAt) return 'invalid' as const;
      await this.refreshTokens.markUsed(manager, row.id);
      // The next token joins the family before the lock is released: a revocation of the
      // family waiting for this lock then revokes it too, instead of missing it.
      return this.issueTokens(account, row.familyId, manager);
    });
    if (outcome === 'invalid') throw invalidRefreshToken();
    if (outcome === 'reused') {
      this.relay.wake();
      throw new AppError(
        'REFRESH_TOKEN_REUSED',
        'unauthenticated',
        'This refresh token was already used; log in again',
      );
    }
    return outcome;
  }

  /**
   * Revokes the refresh token and all tokens of its family, and publishes the session's
   * revocation so that gateways refuse its access tokens at once. Idempotent.
   */
  async logout(actor: Actor, refreshToken: string): Promise<LogoutReply> {
    const [id, secret] = refreshToken.split('.') as [string, string];
    const revoked = await this.refreshTokens.transaction(async (manager) => {
      const row = await this.refreshTokens.lockById(manager, id);
      const valid = row && row.accountId === actor.accountId && row.secretHash === sha256(secret);
      if (!valid) throw invalidRefreshToken();
      return this.revokeSession(manager, row.familyId, row.accountId);
    });
    this.relay.wake();
    return { revoked: true, sessionId: revoked.sessionId, expiresAt: revoked.expiresAt };
  }

  /**
   * Revokes a refresh-token family and, in the same transaction, writes the
   * `session.revoked` event (only when something was still live: a repeat publishes nothing).
   * Its access tokens were all issued before now, so none outlives now + their lifetime.
   */
  private async revokeSession(
    manager: EntityManager,
    sessionId: string,
    accountId: string,
  ): Promise<SessionRevokedPayload> {
    const now = new Date();
    const revocation: SessionRevokedPayload = {
      sessionId,
      accountId,
      revokedAt: now.toISOString(),
      expiresAt: new Date(
        now.getTime() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000,
      ).toISOString(),
    };
    const revokedTokens = await this.refreshTokens.revokeFamily(manager, sessionId);
    if (revokedTokens > 0) {
      await this.outbox.append(manager, {
        topic: Topics.events.sessionRevoked,
        key: sessionId,
        payload: revocation,
      });
    }
    return revocation;
  }

  /**
   * Revokes every session of the account that may still have a live access token (a
   * deactivation, a reset, a password or role change), one `session.revoked` event each, in
   * the caller's transaction, which holds the account's row lock.
   */
  async revokeAccountSessions(
    manager: EntityManager,
    accountId: string,
  ): Promise<RevokedSession[]> {
    const notExpiredBefore = new Date(Date.now() - this.config.ACCESS_TOKEN_TTL_SECONDS * 1000);
    const families = await this.refreshTokens.lockLiveFamiliesOf(
      manager,
      accountId,
      notExpiredBefore,
    );
    const revoked: RevokedSession[] = [];
    for (const familyId of families) {
      const { sessionId, expiresAt } = await this.revokeSession(manager, familyId, accountId);
      revoked.push({ sessionId, expiresAt });
    }
    return revoked;
  }

  /** A new session (refresh-token family) for the account, in the caller's transaction if any. */
  async issueTokens(
    account: AccountEntity,
    familyId: string,
    manager?: EntityManager,
  ): Promise<LoginReply> {
    const claims: AccessTokenClaims = {
      sub: account.id,
      role: account.role,
      org: account.organisationId,
      stu: account.studentId,
      sid: familyId,
      ...(account.mustChangePassword ? { pwc: true as const } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const now = new Date();
    await this.refreshTokens.insert(manager, {
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
