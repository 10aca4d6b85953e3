import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { loadConfig } from '@app/config';
import type { OutboxRelay, OutboxWriter } from '@app/messaging';
import type { AccountEntity } from '../accounts/account.entity.js';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import { DirectoryConfig } from '../config.js';
import type { LoginFailureEntity } from './login-failure.entity.js';
import type { LoginFailuresRepository } from './login-failures.repository.js';
import type { RefreshTokenEntity } from './refresh-token.entity.js';
import type { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { AuthService } from './auth.service.js';

const THRESHOLD = 5;

/** In-memory login failures with the repository's rule: locked at the threshold. */
function newLoginFailures() {
  const rows = new Map<string, LoginFailureEntity>();
  const key = (accountId: string, address: string) => `${accountId}|${address}`;
  const repository = {
    find: (accountId: string, address: string) =>
      Promise.resolve(rows.get(key(accountId, address)) ?? null),
    recordFailure: (accountId: string, address: string, threshold: number, minutes: number) => {
      const row = rows.get(key(accountId, address)) ?? {
        accountId,
        clientAddress: address,
        failureCount: 0,
        lockedUntil: null,
        lastFailedAt: new Date(),
      };
      row.failureCount += 1;
      if (row.failureCount >= threshold) row.lockedUntil = new Date(Date.now() + minutes * 60_000);
      rows.set(key(accountId, address), row);
      return Promise.resolve();
    },
    clear: (accountId: string, address: string) =>
      Promise.resolve(void rows.delete(key(accountId, address))),
  } as unknown as LoginFailuresRepository;
  return { repository, rows };
}

function newAuthService(accounts: AccountEntity[]) {
  const repository = {
    findByEmail: (email: string) =>
      Promise.resolve(accounts.find((a) => a.email === email.toLowerCase()) ?? null),
    lockById: (_manager: unknown, id: string) =>
      Promise.resolve(accounts.find((a) => a.id === id) ?? null),
  } as unknown as AccountsRepository;
  const issued: RefreshTokenEntity[] = [];
  const refreshTokens = {
    insert: (_manager: unknown, token: RefreshTokenEntity) =>
      Promise.resolve(void issued.push(token)),
    transaction: <T>(work: (manager: unknown) => Promise<T>) => work({}),
  } as unknown as RefreshTokensRepository;
  const failures = newLoginFailures();
  const config = loadConfig(DirectoryConfig, {
    JWT_SECRET: 'unit-secret-0123456789abcdef',
    LOCKOUT_THRESHOLD: String(THRESHOLD),
  });
  const jwt = new JwtService({ secret: config.JWT_SECRET });
  return {
    sut: new AuthService(
      repository,
      refreshTokens,
      failures.repository,
      jwt,
      config,
      {} as OutboxWriter,
      { wake: () => undefined } as unknown as OutboxRelay,
    ),
    jwt,
    issued,
    failures: failures.rows,
  };
}

const account = async (): Promise<AccountEntity> => ({
  id: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11',
  email: 'teacher@school.example',
  passwordHash: await argon2.hash('Correct-Horse-1'),
  displayName: 'A teacher',
  role: 'school_staff',
  organisationId: '5d2c1b5a-8f4e-4c3b-9a1d-2e3f4a5b6c7d',
  studentId: null,
  createdAt: new Date(),
  deactivatedAt: null,
  mustChangePassword: false,
  updatedAt: null,
});

describe('AuthService.login', () => {
  it('signs a token whose claims carry the account, its role, its organisation and its session', async () => {
    const teacher = await account();
    const { sut, jwt, issued } = newAuthService([teacher]);
    const reply = await sut.login('Teacher@School.example', 'Correct-Horse-1', '198.51.100.1');
    expect(reply).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const claims = jwt.verify<{
      sub: string;
      role: string;
      org: string;
      sid: string;
      exp: number;
      iat: number;
    }>(reply.accessToken);
    expect(claims).toMatchObject({
      sub: teacher.id,
      role: 'school_staff',
      org: teacher.organisationId,
    });
    expect(claims.exp - claims.iat).toBe(900);
    // The refresh token is `<id>.<secret>`; only the secret's hash is stored.
    const [id, secret] = reply.refreshToken.split('.');
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ id, accountId: teacher.id });
    expect(issued[0].secretHash).not.toContain(secret);
    // The session id is the refresh-token family: revoking the family ends the token.
    expect(claims.sid).toBe(issued[0].familyId);
  });

  it('refuses a wrong password and an unknown email with the same INVALID_CREDENTIALS', async () => {
    const teacher = await account();
    const { sut, failures } = newAuthService([teacher]);
    const wrong = await sut
      .login('teacher@school.example', 'wrong', '198.51.100.1')
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS', kind: 'unauthenticated' });
    expect([...failures.values()]).toEqual([
      expect.objectContaining({ accountId: teacher.id, clientAddress: '198.51.100.1' }),
    ]);
    const unknown = await sut
      .login('nobody@school.example', 'wrong', '198.51.100.1')
      .catch((e: unknown) => e);
    expect(unknown).toEqual(wrong);
  });

  it('locks out the address that guessed, with the same answer, and not the owner elsewhere', async () => {
    const teacher = await account();
    const { sut } = newAuthService([teacher]);
    const wrong = await sut.login(teacher.email, 'wrong', '203.0.113.7').catch((e: unknown) => e);
    for (let i = 1; i < THRESHOLD; i++)
      await sut.login(teacher.email, 'wrong', '203.0.113.7').catch(() => undefined);
    const locked = await sut
      .login(teacher.email, 'Correct-Horse-1', '203.0.113.7')
      .catch((e: unknown) => e);
    expect(locked).toEqual(wrong);
    await expect(
      sut.login(teacher.email, 'Correct-Horse-1', '198.51.100.1'),
    ).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('refuses a deactivated account with the answer of a wrong password, right password or not', async () => {
    const teacher = { ...(await account()), deactivatedAt: new Date() };
    const { sut, issued } = newAuthService([teacher]);
    const wrong = await sut.login(teacher.email, 'wrong', '198.51.100.1').catch((e: unknown) => e);
    const right = await sut
      .login(teacher.email, 'Correct-Horse-1', '198.51.100.2')
      .catch((e: unknown) => e);
    expect(right).toMatchObject({ code: 'INVALID_CREDENTIALS', kind: 'unauthenticated' });
    expect(right).toEqual(wrong);
    expect(issued).toHaveLength(0);
  });

  it('marks the tokens of an account that must change its password with pwc, and only those', async () => {
    const flagged = { ...(await account()), mustChangePassword: true };
    const { sut, jwt } = newAuthService([flagged]);
    const reply = await sut.login(flagged.email, 'Correct-Horse-1', '198.51.100.1');
    expect(jwt.verify<{ pwc?: boolean }>(reply.accessToken).pwc).toBe(true);
    const plain = await account();
    const other = newAuthService([plain]);
    const normal = await other.sut.login(plain.email, 'Correct-Horse-1', '198.51.100.1');
    expect(other.jwt.verify<{ pwc?: boolean }>(normal.accessToken)).not.toHaveProperty('pwc');
  });
});
