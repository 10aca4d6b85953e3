import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import type { AccessTokenClaims, LoginReply } from '@app/contracts';
import { AppError } from '@app/errors';
import { AccountsRepository } from '../accounts/accounts.repository.js';
import { DirectoryConfig } from '../config.js';

const invalidCredentials = (): AppError =>
  new AppError('INVALID_CREDENTIALS', 'unauthenticated', 'Email or password is wrong');

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash('not-a-password', { type: argon2.argon2id });

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginReply> {
    const account = await this.accounts.findByEmail(email);
    const hash = account?.passwordHash ?? (await this.dummyHash);
    const passwordMatches = await argon2.verify(hash, password);
    if (!account || !passwordMatches) throw invalidCredentials();
    const claims: AccessTokenClaims = {
      sub: account.id,
      role: account.role,
      org: account.organisationId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }
}
