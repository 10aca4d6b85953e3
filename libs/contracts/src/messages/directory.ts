import { IsEmail, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

import type { Role } from './roles.js';

/** `directory.auth.login`: check a password; the reply carries the signed tokens. */
export class LoginCommand {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export interface LoginReply {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** `directory.accounts.me`: the signed-in account's own profile. */
export class GetMeQuery {
  @IsUUID()
  accountId!: string;
}

export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  createdAt: string;
}

/** `directory.health.ping`: proves the service reads its queue and its database answers. */
export class PingQuery {
  @IsString()
  @MaxLength(64)
  from!: string;
}

export interface PingReply {
  service: string;
  database: 'up';
  at: string;
}

/** The claims of an access token; the gateway scopes every request by them. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string | null;
}
