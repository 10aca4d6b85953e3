import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import {
  Topics,
  type AccountCreatedPayload,
  type AccountView,
  type Actor,
  type CreateAccountCommand,
  type ListAccountsQuery,
  type OrganisationKind,
  type Page,
  type Role,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { AccessScope } from '../organisations/access-scope.js';
import { LoginFailuresRepository } from '../auth/login-failures.repository.js';
import { AccountEntity } from './account.entity.js';
import { AccountsRepository } from './accounts.repository.js';
import { StudentsRepository } from '../roster/students/students.repository.js';
import { studentNotActive, studentNotFound } from '../roster/roster.errors.js';
import {
  accountNotFound,
  emailTaken,
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
    const account = await this.accountInScope(actor, accountId);
    if (account.organisationId)
      await this.scope.administeredOrganisation(actor, account.organisationId);
    else if (actor.role !== 'platform_admin') throw accountNotFound(accountId);
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
