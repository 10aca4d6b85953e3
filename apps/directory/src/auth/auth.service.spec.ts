import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { loadConfig } from '@app/config';
import type { AccountEntity } from '../accounts/account.entity.js';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import { DirectoryConfig } from '../config.js';
import type { RefreshTokenEntity } from './refresh-token.entity.js';
import type { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { AuthService } from './auth.service.js';

function newAuthService(accounts: AccountEntity[]) {
  const failedLogins: string[] = [];
  const repository = {
    findByEmail: (email: string) =>
      Promise.resolve(accounts.find((a) => a.email === email.toLowerCase()) ?? null),
    recordFailedLogin: (id: string) => Promise.resolve(void failedLogins.push(id)),
    clearFailedLogins: () => Promise.resolve(),
  } as unknown as AccountsRepository;
  const issued: RefreshTokenEntity[] = [];
  const refreshTokens = {
    insert: (token: RefreshTokenEntity) => Promise.resolve(void issued.push(token)),
  } as unknown as RefreshTokensRepository;
  const config = loadConfig(DirectoryConfig, { JWT_SECRET: 'unit-secret-0123456789abcdef' });
  const jwt = new JwtService({ secret: config.JWT_SECRET });
  return {
    sut: new AuthService(repository, refreshTokens, jwt, config),
    jwt,
    issued,
    failedLogins,
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
  failedLoginCount: 0,
  lockedUntil: null,
});

describe('AuthService.login', () => {
  it('signs a token whose claims carry the account, its role and its organisation', async () => {
    const teacher = await account();
    const { sut, jwt, issued } = newAuthService([teacher]);
    const reply = await sut.login('Teacher@School.example', 'Correct-Horse-1');
    expect(reply).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const claims = jwt.verify<{ sub: string; role: string; org: string; exp: number; iat: number }>(
      reply.accessToken,
    );
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
  });

  it('refuses a wrong password and an unknown email with the same INVALID_CREDENTIALS', async () => {
    const teacher = await account();
    const { sut, failedLogins } = newAuthService([teacher]);
    await expect(sut.login('teacher@school.example', 'wrong')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      kind: 'unauthenticated',
    });
    expect(failedLogins).toEqual([teacher.id]);
    await expect(sut.login('nobody@school.example', 'wrong')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      kind: 'unauthenticated',
    });
  });
});
