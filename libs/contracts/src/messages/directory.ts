import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
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
  @ApiProperty({ example: 'teacher@school.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  // Never a demo account's password: /docs is published as it is (docs/security.md).
  @ApiProperty({ example: 'correct-Horse-battery-7', maxLength: 200 })
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

/** The body of `POST /auth/login`: the gateway adds the client address. */
export class LoginBody extends OmitType(LoginCommand, ['clientAddress'] as const) {}

export class LoginReply {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({
    type: Number,
    example: 900,
    description: 'Seconds until the access token expires',
  })
  expiresIn!: number;

  /** Opaque, single use: exchange it at /auth/refresh for a new pair before it expires. */
  @ApiProperty({
    example: '9b2f1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg',
    description:
      'Single use: POST it to /auth/refresh for a new pair; using it twice revokes the login',
  })
  refreshToken!: string;

  @ApiProperty({
    type: Number,
    example: 1209600,
    description: 'Seconds until the refresh token expires',
  })
  refreshExpiresIn!: number;
}

/** `directory.auth.refresh`: a refresh token for a new pair; a token used twice revokes its family. */
export class RefreshCommand {
  @ApiProperty({
    example: '9b2f1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg',
  })
  @IsString()
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken!: string;
}

/** `directory.auth.logout`: revokes the refresh token and every token rotated from it. */
export class LogoutCommand extends ActorMessage {
  @ApiProperty({
    example: '9b2f1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg',
  })
  @IsString()
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken!: string;
}

/** The body of `POST /auth/logout`. */
export class LogoutBody extends OmitType(LogoutCommand, ['actor'] as const) {}

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
  @ApiProperty({ example: 'wang.li@school.example.cn', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Spring-Field-2026', description: PASSWORD_RULE_TEXT })
  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_TEXT })
  password!: string;

  @ApiProperty({ example: '王丽', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({
    enum: ROLES,
    example: 'school_staff',
    description:
      'bureau_admin → a bureau; school_staff, student → a school; venue_staff → a venue; career_centre_staff, mentor, graduate → a university; platform_admin → none',
  })
  @IsIn(ROLES)
  role!: Role;

  /** Null only for a platform admin. */
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11',
    description: 'The organisation; null or absent only for a platform admin',
  })
  @IsOptional()
  @IsUUID()
  organisationId!: string | null;

  /** For a student account only: the roster student it is, enrolled at its school. */
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      "Student accounts only: the roster student (enrolled at the account's school) this account is. Quotas and bookings then know the student.",
    example: '01938a7e-5b7c-7d2e-9f10-3c4d5e6f7a8b',
  })
  @IsOptional()
  @IsUUID()
  studentId?: string | null;
}

/** The body of `POST /accounts`. */
export class CreateAccountBody extends OmitType(CreateAccountCommand, ['actor'] as const) {}

export const ACCOUNT_STATUSES = ['active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** `directory.accounts.list`: accounts inside the actor's scope. */
export class ListAccountsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only accounts of this organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  /** Part of the email or the display name, case-insensitive. */
  @ApiPropertyOptional({
    description: 'Part of the email or the display name, any case',
    example: 'wang',
    minLength: 1,
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

/** The query of `GET /accounts`. */
export class ListAccountsParams extends OmitType(ListAccountsQuery, ['actor'] as const) {}

/**
 * `directory.accounts.change-own-password`: the signed-in account changes its password. A
 * wrong current password counts like a wrong login from that address (same lockout).
 */
export class ChangeOwnPasswordCommand extends ActorMessage {
  @ApiProperty({ example: 'correct-Horse-battery-7', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ example: 'Autumn-Leaves-2027', description: PASSWORD_RULE_TEXT })
  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_TEXT.replace('password', 'newPassword') })
  newPassword!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  clientAddress?: string;
}

/** The body of `POST /me/password`: the gateway adds the actor and the client address. */
export class ChangeOwnPasswordBody extends OmitType(ChangeOwnPasswordCommand, [
  'actor',
  'clientAddress',
] as const) {}

/** `directory.accounts.update`: an admin of the account's subtree edits its name or role. */
export class UpdateAccountCommand extends ActorMessage {
  @IsUUID()
  accountId!: string;

  @ApiPropertyOptional({ example: '王丽', minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    example: 'mentor',
    description:
      "Must fit the account's organisation, as at creation (a university: career_centre_staff, mentor, graduate; a school: school_staff, student); never above your own role, never your own account's. Revokes the account's sessions",
  })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

/** The body of `PATCH /accounts/{id}`. */
export class UpdateAccountBody extends OmitType(UpdateAccountCommand, [
  'actor',
  'accountId',
] as const) {}

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

export class AccountView {
  @ApiProperty({ format: 'uuid', example: '3f0e0a57-3c1e-4a4b-9d7e-2b8d4f8a6c11' })
  id!: string;

  @ApiProperty({ example: 'teacher@school.example' })
  email!: string;

  @ApiProperty({ example: 'Demo platform admin' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'platform_admin' })
  role!: Role;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null })
  organisationId!: string | null;

  /** A student account's roster student, if linked. */
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    example: null,
    description: "A student account's roster student, if linked",
  })
  studentId!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-28T13:00:00.000Z' })
  createdAt!: string;

  /** The latest running lock of a client address after too many wrong passwords, if any. */
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    example: null,
    description:
      'Until when a client address is locked out after 5 wrong passwords (the latest such lock); other addresses can still sign in',
  })
  lockedUntil!: string | null;

  /** A deactivated account cannot sign in; its tokens were revoked. */
  @ApiProperty({
    enum: ACCOUNT_STATUSES,
    example: 'active',
    description: 'A deactivated account cannot sign in; its tokens stopped working',
  })
  status!: AccountStatus;

  /** Set by an admin's password reset: the account must choose a new password first. */
  @ApiProperty({
    type: Boolean,
    example: false,
    description:
      'After an admin reset the password: until the owner sets a new one (POST /me/password), only /me, /me/password and /auth/logout answer',
  })
  mustChangePassword!: boolean;
}

/** The answer to `POST /accounts/{id}/password-reset`. */
export class PasswordResetView {
  @ApiProperty({ type: () => AccountView })
  account!: AccountView;

  @ApiProperty({
    example: 'Hq7m-tX3e-9kPz-Rw2c',
    description:
      'Shown this once and stored nowhere: give it to the owner, who must replace it at POST /me/password before anything else',
  })
  temporaryPassword!: string;
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
