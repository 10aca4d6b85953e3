import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import {
  PASSWORD_RULE,
  Topics,
  type AccountChange,
  type AccountChangeReply,
  type AccountCreatedPayload,
  type AccountUpdatedPayload,
  type AccountView,
  type Actor,
  type ChangeOwnPasswordCommand,
  type ChangeOwnPasswordReply,
  type CreateAccountCommand,
  type ListAccountsQuery,
  type OrganisationKind,
  type Page,
  type Role,
  type UpdateAccountCommand,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { AccessScope } from '../organisations/access-scope.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { AuthService, invalidCredentials } from '../auth/auth.service.js';
import { clientKeyOf } from '../auth/client-key.js';
import { LoginFailuresRepository } from '../auth/login-failures.repository.js';
import { DirectoryConfig } from '../config.js';
import { AccountEntity } from './account.entity.js';
import { AccountsRepository } from './accounts.repository.js';
import { StudentsRepository } from '../roster/students/students.repository.js';
import { studentNotActive, studentNotFound } from '../roster/roster.errors.js';
import {
  accountNotFound,
  emailTaken,
  lastPlatformAdmin,
  nothingToUpdate,
  ownAccountChange,
  passwordUnchanged,
  roleAboveOwn,
  roleNotAllowed,
  studentAccountExists,
} from './accounts.errors.js';

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  studentId?: string | null;
}

/** The kind of organisation each role belongs to (a platform admin belongs to none). */
const ORGANISATION_KIND_OF_ROLE: Record<Role, OrganisationKind | null> = {
  platform_admin: null,
  bureau_admin: 'bureau',
  school_staff: 'school',
  student: 'school',
  venue_staff: 'venue',
  career_centre_staff: 'university',
  mentor: 'university',
  graduate: 'university',
};

/** How far a role reaches: nobody gives a role that reaches further than their own. */
const RANK_OF_ROLE = (role: Role): number =>
  role === 'platform_admin' ? 2 : role === 'bureau_admin' ? 1 : 0;

/** Letters and digits that cannot be mistaken for one another when read out or copied. */
const TEMPORARY_PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password of four groups of four (about 92 bits), fitting the password rule. */
export function temporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from(
        { length: 4 },
        () => TEMPORARY_PASSWORD_ALPHABET[randomInt(TEMPORARY_PASSWORD_ALPHABET.length)],
      ).join(''),
    );
    const candidate = groups.join('-');
    if (PASSWORD_RULE.test(candidate)) return candidate;
  }
}

/** A new role must fit the organisation the account belongs to, as at creation. */
function checkRoleFits(
  account: AccountEntity,
  organisation: OrganisationEntity | null,
  role: Role,
): void {
  if (account.studentId)
    throw roleNotAllowed('An account linked to a roster student stays a student account');
  const expectedKind = ORGANISATION_KIND_OF_ROLE[role];
  if (expectedKind === null)
    throw roleNotAllowed('A platform admin belongs to no organisation: create one instead');
  if (!organisation) throw roleNotAllowed(`A ${role} account needs an organisation`);
  if (organisation.kind !== expectedKind) {
    throw roleNotAllowed(
      `A ${role} account belongs to a ${expectedKind}, not a ${organisation.kind}`,
    );
  }
}

/** `lockedUntil`: the latest running lock of any client address (see LoginFailuresRepository). */
export function toAccountView(
  account: AccountEntity,
  lockedUntil: Date | null = null,
): AccountView {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    organisationId: account.organisationId,
    studentId: account.studentId,
    createdAt: account.createdAt.toISOString(),
    lockedUntil: lockedUntil?.toISOString() ?? null,
    status: account.deactivatedAt ? 'deactivated' : 'active',
    mustChangePassword: account.mustChangePassword,
  };
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly scope: AccessScope,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly students: StudentsRepository,
    private readonly loginFailures: LoginFailuresRepository,
    private readonly auth: AuthService,
    @Inject(DirectoryConfig) private readonly config: DirectoryConfig,
  ) {}

  /** The view of one account, with the lock an admin may lift. */
  private async viewOf(account: AccountEntity): Promise<AccountView> {
    const locks = await this.loginFailures.activeLocks([account.id]);
    return toAccountView(account, locks.get(account.id) ?? null);
  }

  async getMe(accountId: string): Promise<AccountView> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw accountNotFound(accountId);
    return this.viewOf(account);
  }

  /** An admin creates an account for an organisation inside its subtree. */
  async createByAdmin(command: CreateAccountCommand): Promise<AccountView> {
    const { actor } = command;
    const expectedKind = ORGANISATION_KIND_OF_ROLE[command.role];
    if (expectedKind === null) {
      if (actor.role !== 'platform_admin')
        throw roleNotAllowed('Only a platform admin creates platform admins');
      if (command.organisationId)
        throw roleNotAllowed('A platform admin belongs to no organisation');
    } else {
      if (!command.organisationId)
        throw roleNotAllowed(`A ${command.role} account needs an organisation`);
      const organisation = await this.scope.administeredOrganisation(actor, command.organisationId);
      if (organisation.kind !== expectedKind) {
        throw roleNotAllowed(
          `A ${command.role} account belongs to a ${expectedKind}, not a ${organisation.kind}`,
        );
      }
    }
    if (command.studentId) await this.checkStudentLink(command);
    return this.createAccount(command);
  }

  /** A student account may name its roster student: one enrolled at the account's school. */
  private async checkStudentLink(command: CreateAccountCommand): Promise<void> {
    const studentId = command.studentId!;
    if (command.role !== 'student') {
      throw roleNotAllowed('Only a student account is linked to a roster student');
    }
    const student = await this.students.findById(studentId);
    if (!student || student.schoolId !== command.organisationId) throw studentNotFound();
    if (student.status !== 'active') throw studentNotActive();
  }

  /** Links an existing student account to its roster student (demo data). */
  async linkStudent(accountId: string, studentId: string): Promise<void> {
    await this.accounts.linkStudent(accountId, studentId);
  }

  async list(query: ListAccountsQuery): Promise<Page<AccountView>> {
    const filter = await this.scope.listFilter(query.actor);
    if (query.organisationId)
      await this.scope.organisationInScope(query.actor, query.organisationId);
    const [rows, total] = await this.accounts.list(
      {
        pathPrefix: filter.pathPrefix,
        organisationId: query.organisationId ?? filter.organisationId,
        role: query.role,
        status: query.status,
        text: query.q,
      },
      query.page,
      query.pageSize,
    );
    const locks = await this.loginFailures.activeLocks(rows.map((a) => a.id));
    return {
      items: rows.map((a) => toAccountView(a, locks.get(a.id) ?? null)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async get(actor: Actor, accountId: string): Promise<AccountView> {
    return this.viewOf(await this.accountInScope(actor, accountId));
  }

  /** An admin lifts the locks of every client address before they end, and resets the counts. */
  async unlock(actor: Actor, accountId: string): Promise<AccountView> {
    const { account } = await this.administeredAccount(actor, accountId);
    await this.loginFailures.clearAll(account.id);
    return toAccountView(account);
  }

  /** Creates an account and its `account.created` event in one transaction. */
  async createAccount(input: NewAccount): Promise<AccountView> {
    const account: AccountEntity = {
      id: randomUUID(),
      email: input.email.toLowerCase(),
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      displayName: input.displayName,
      role: input.role,
      organisationId: input.organisationId,
      studentId: input.studentId ?? null,
      createdAt: new Date(),
      deactivatedAt: null,
      mustChangePassword: false,
      updatedAt: null,
    };
    try {
      await this.accounts.transaction(async (manager) => {
        await this.accounts.insert(manager, account);
        await this.outbox.append<AccountCreatedPayload>(manager, {
          topic: Topics.events.accountCreated,
          key: account.id,
          payload: {
            accountId: account.id,
            email: account.email,
            role: account.role,
            organisationId: account.organisationId,
            studentId: account.studentId,
          },
        });
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        if (account.studentId && String(error).includes('ux_accounts_student')) {
          throw studentAccountExists(account.studentId);
        }
        throw emailTaken(account.email);
      }
      throw error;
    }
    this.relay.wake();
    return toAccountView(account);
  }

  /**
   * The signed-in account changes its password. A wrong current password counts like a
   * wrong login from the same address (same threshold, same lock, same 401), so a stolen
   * access token cannot guess it any faster, and nobody else's address is ever locked.
   * Every session of the account is revoked, the caller's included; the reply is a new one.
   */
  async changeOwnPassword(command: ChangeOwnPasswordCommand): Promise<ChangeOwnPasswordReply> {
    const accountId = command.actor.accountId;
    const client = clientKeyOf(command.clientAddress ?? 'unknown');
    const account = await this.accounts.findById(accountId);
    if (!account || account.deactivatedAt) throw invalidCredentials();
    const [matches, failures] = await Promise.all([
      argon2.verify(account.passwordHash, command.currentPassword),
      this.loginFailures.find(accountId, client),
    ]);
    if (failures?.lockedUntil && failures.lockedUntil > new Date()) throw invalidCredentials();
    if (!matches) {
      await this.loginFailures.recordFailure(
        accountId,
        client,
        this.config.LOCKOUT_THRESHOLD,
        this.config.LOCKOUT_MINUTES,
      );
      throw invalidCredentials();
    }
    if (command.newPassword === command.currentPassword) throw passwordUnchanged();
    const passwordHash = await argon2.hash(command.newPassword, { type: argon2.argon2id });
    const reply = await this.accounts.transactionWithRetry(async (manager) => {
      const current = await this.accounts.lockById(manager, accountId);
      // Changed or deactivated since it was checked: the current password no longer holds.
      if (!current || current.deactivatedAt || current.passwordHash !== account.passwordHash)
        throw invalidCredentials();
      current.passwordHash = passwordHash;
      current.mustChangePassword = false;
      current.updatedAt = new Date();
      await this.accounts.save(manager, current);
      const revokedSessions = await this.auth.revokeAccountSessions(manager, accountId);
      await this.appendUpdated(manager, current, 'password_changed', command.actor);
      const tokens = await this.auth.issueTokens(current, randomUUID(), manager);
      return { tokens, revokedSessions };
    });
    if (failures) await this.loginFailures.clear(accountId, client);
    this.relay.wake();
    return reply;
  }

  /**
   * An admin of the account's subtree sets a temporary password, shown once in the reply
   * and stored only as its hash. The account must change it before anything else; every
   * session is revoked and every client address unlocked.
   */
  async resetPassword(actor: Actor, accountId: string): Promise<AccountChangeReply> {
    await this.administeredAccount(actor, accountId, 'reset the password of');
    const password = temporaryPassword();
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    const reply = await this.change(actor, accountId, 'password_reset', async (account) => {
      account.passwordHash = passwordHash;
      account.mustChangePassword = true;
      return Promise.resolve({ revokeSessions: true });
    });
    await this.loginFailures.clearAll(accountId);
    return { ...reply, temporaryPassword: password };
  }

  /** Deactivated: no login, no refresh, and its access tokens stop at once (sessions revoked). */
  async deactivate(actor: Actor, accountId: string): Promise<AccountChangeReply> {
    await this.administeredAccount(actor, accountId, 'deactivate');
    return this.change(actor, accountId, 'deactivated', async (account, manager) => {
      if (account.deactivatedAt) return { unchanged: true };
      if (account.role === 'platform_admin') {
        const active = await this.accounts.lockActivePlatformAdmins(manager);
        if (!active.some((id) => id !== account.id)) throw lastPlatformAdmin();
      }
      account.deactivatedAt = new Date();
      return { revokeSessions: true };
    });
  }

  /** Active again: the owner signs in anew (the revoked sessions stay revoked). */
  async reactivate(actor: Actor, accountId: string): Promise<AccountChangeReply> {
    await this.administeredAccount(actor, accountId, 'reactivate');
    return this.change(actor, accountId, 'reactivated', (account) => {
      if (!account.deactivatedAt) return Promise.resolve({ unchanged: true });
      account.deactivatedAt = null;
      return Promise.resolve({});
    });
  }

  /**
   * An admin of the account's subtree renames it or changes its role: a role that fits the
   * organisation's kind (as at creation), never above the admin's own, never the admin's
   * own role. A role change revokes the sessions, whose tokens carry the old role.
   */
  async update(command: UpdateAccountCommand): Promise<AccountChangeReply> {
    const { actor, accountId, displayName, role } = command;
    if (displayName === undefined && role === undefined) throw nothingToUpdate();
    const { account, organisation } = await this.administeredAccount(actor, accountId);
    if (role !== undefined && role !== account.role) {
      if (account.id === actor.accountId) throw ownAccountChange('change the role of');
      if (RANK_OF_ROLE(role) > RANK_OF_ROLE(actor.role)) throw roleAboveOwn();
      checkRoleFits(account, organisation, role);
    }
    let previousRole: Role | null = null;
    const changedFields: string[] = [];
    return this.change(
      actor,
      accountId,
      'updated',
      (current) => {
        if (displayName !== undefined && displayName !== current.displayName) {
          current.displayName = displayName;
          changedFields.push('displayName');
        }
        if (role !== undefined && role !== current.role) {
          previousRole = current.role;
          current.role = role;
          changedFields.push('role');
        }
        if (changedFields.length === 0) return Promise.resolve({ unchanged: true });
        return Promise.resolve({ revokeSessions: previousRole !== null });
      },
      () => ({ changedFields, previousRole }),
    );
  }

  /**
   * The account, if the actor administers it: 404 outside the actor's scope, 403 inside it
   * for anyone but an admin; with `ownAction`, 409 for the actor's own account.
   */
  private async administeredAccount(
    actor: Actor,
    accountId: string,
    ownAction?: string,
  ): Promise<{ account: AccountEntity; organisation: OrganisationEntity | null }> {
    const account = await this.accountInScope(actor, accountId);
    let organisation: OrganisationEntity | null = null;
    if (account.organisationId)
      organisation = await this.scope.administeredOrganisation(actor, account.organisationId);
    else if (actor.role !== 'platform_admin') throw accountNotFound(accountId);
    if (ownAction && account.id === actor.accountId) throw ownAccountChange(ownAction);
    return { account, organisation };
  }

  /**
   * One change of an account in one transaction: its row locked, the change applied, its
   * sessions revoked if asked, and the `account.updated` event written with it.
   */
  private async change(
    actor: Actor,
    accountId: string,
    kind: AccountChange,
    apply: (
      account: AccountEntity,
      manager: EntityManager,
    ) => Promise<{ unchanged?: boolean; revokeSessions?: boolean }>,
    details: () => Pick<AccountUpdatedPayload, 'changedFields' | 'previousRole'> = () => ({
      changedFields: [],
      previousRole: null,
    }),
  ): Promise<AccountChangeReply> {
    const reply = await this.accounts.transactionWithRetry(async (manager) => {
      const account = await this.accounts.lockById(manager, accountId);
      if (!account) throw accountNotFound(accountId);
      const outcome = await apply(account, manager);
      if (outcome.unchanged) return { account, revokedSessions: [] };
      account.updatedAt = new Date();
      await this.accounts.save(manager, account);
      const revokedSessions = outcome.revokeSessions
        ? await this.auth.revokeAccountSessions(manager, accountId)
        : [];
      await this.appendUpdated(manager, account, kind, actor, details());
      return { account, revokedSessions };
    });
    this.relay.wake();
    return { account: await this.viewOf(reply.account), revokedSessions: reply.revokedSessions };
  }

  private async appendUpdated(
    manager: EntityManager,
    account: AccountEntity,
    change: AccountChange,
    actor: Actor,
    details: Pick<AccountUpdatedPayload, 'changedFields' | 'previousRole'> = {
      changedFields: [],
      previousRole: null,
    },
  ): Promise<void> {
    await this.outbox.append<AccountUpdatedPayload>(manager, {
      topic: Topics.events.accountUpdated,
      key: account.id,
      payload: {
        accountId: account.id,
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        organisationId: account.organisationId,
        studentId: account.studentId,
        status: account.deactivatedAt ? 'deactivated' : 'active',
        mustChangePassword: account.mustChangePassword,
        change,
        ...details,
        changedBy: actor.accountId,
        changedAt: (account.updatedAt ?? new Date()).toISOString(),
      },
    });
  }

  /** The account, if it belongs to an organisation inside the actor's scope (else 404). */
  private async accountInScope(actor: Actor, accountId: string): Promise<AccountEntity> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw accountNotFound(accountId);
    if (account.id === actor.accountId) return account;
    if (!account.organisationId) {
      if (actor.role === 'platform_admin') return account;
      throw accountNotFound(accountId);
    }
    if (!['platform_admin', 'bureau_admin'].includes(actor.role)) throw accountNotFound(accountId);
    await this.scope.organisationInScope(actor, account.organisationId, () =>
      accountNotFound(accountId),
    );
    return account;
  }
}
