import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ActorMessage, PageQuery } from './common.js';
import { ROLES, type Role } from './roles.js';

/** Passwords: 10 to 200 characters with at least one letter and one digit. */
export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{10,200}$/;
export const PASSWORD_RULE_TEXT =
  'password must be 10 to 200 characters with at least one letter and one digit';

/** `directory.auth.login`: check a password; the reply carries the signed tokens. */
export class LoginCommand {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;

  /**
   * The caller's address as the gateway sees it: wrong passwords are counted per account
   * and address, so failures from one address never lock the owner out from another.
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  clientAddress?: string;
}

export interface LoginReply {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  /** Opaque, single use: exchange it at /auth/refresh for a new pair before it expires. */
  refreshToken: string;
  refreshExpiresIn: number;
}

/** `directory.auth.refresh`: a refresh token for a new pair; a token used twice revokes its family. */
export class RefreshCommand {
  @IsString()
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken!: string;
}

/** `directory.auth.logout`: revokes the refresh token and every token rotated from it. */
export class LogoutCommand extends ActorMessage {
  @IsString()
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken!: string;
}

/** The reply to a logout: the revoked session, and until when its access tokens could live. */
export interface LogoutReply {
  revoked: true;
  /** The `sid` claim of the session's access tokens (the refresh-token family). */
  sessionId: string;
  /** No access token of the session lives past this instant. */
  expiresAt: string;
}

/** `directory.accounts.create`: an admin creates an account inside its own subtree. */
export class CreateAccountCommand extends ActorMessage {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_TEXT })
  password!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @IsIn(ROLES)
  role!: Role;

  /** Null only for a platform admin. */
  @IsOptional()
  @IsUUID()
  organisationId!: string | null;

  /** For a student account only: the roster student it is, enrolled at its school. */
  @IsOptional()
  @IsUUID()
  studentId?: string | null;
}

export const ACCOUNT_STATUSES = ['active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** `directory.accounts.list`: accounts inside the actor's scope. */
export class ListAccountsQuery extends PageQuery {
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  /** Part of the email or the display name, case-insensitive. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

/**
 * `directory.accounts.change-own-password`: the signed-in account changes its password. A
 * wrong current password counts like a wrong login from that address (same lockout).
 */
export class ChangeOwnPasswordCommand extends ActorMessage {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_TEXT.replace('password', 'newPassword') })
  newPassword!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  clientAddress?: string;
}

/** `directory.accounts.update`: an admin of the account's subtree edits its name or role. */
export class UpdateAccountCommand extends ActorMessage {
  @IsUUID()
  accountId!: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** A session revoked by a change: the gateway that served it refuses its tokens at once. */
export interface RevokedSession {
  sessionId: string;
  expiresAt: string;
}

/**
 * The reply to deactivate, reactivate, update and reset: the account as it is now, and the
 * sessions the change revoked (the gateway's business only, never sent to the client).
 */
export interface AccountChangeReply {
  account: AccountView;
  revokedSessions: RevokedSession[];
  /** Reset only: the temporary password, shown once to the admin and stored nowhere. */
  temporaryPassword?: string;
}

/** The reply to a password change: a fresh login; every earlier session is revoked. */
export interface ChangeOwnPasswordReply {
  tokens: LoginReply;
  revokedSessions: RevokedSession[];
}

/** `directory.accounts.get`, `.unlock`, `.reset-password`, `.deactivate` and `.reactivate` */
export class AccountQuery extends ActorMessage {
  @IsUUID()
  accountId!: string;
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
  /** A student account's roster student, if linked. */
  studentId: string | null;
  createdAt: string;
  /** The latest running lock of a client address after too many wrong passwords, if any. */
  lockedUntil: string | null;
  /** A deactivated account cannot sign in; its tokens were revoked. */
  status: AccountStatus;
  /** Set by an admin's password reset: the account must choose a new password first. */
  mustChangePassword: boolean;
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
  /** A student account's roster student, if linked (absent in older tokens). */
  stu?: string | null;
  /**
   * The session (refresh-token family) the token belongs to: revoking it ends the token at
   * once. Absent in tokens minted outside a login (tests), which then cannot be revoked.
   */
  sid?: string;
  /**
   * Present (true) while the account must change its password (after an admin's reset):
   * the gateway then allows only /me, /me/password and /auth/logout, with no round trip.
   */
  pwc?: true;
}
