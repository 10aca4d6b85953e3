import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AccountView,
  CreateAccountBody,
  ListAccountsParams,
  PageOf,
  PasswordResetView,
  Topics,
  UpdateAccountBody,
  type AccessTokenClaims,
  type AccountChangeReply,
  type Page,
  type UpdateAccountCommand,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly revocations: SessionRevocations,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create an account',
    description:
      "Administrators create accounts inside their own subtree; the role must fit the organisation's kind.",
  })
  @ApiCreatedResponse({
    type: AccountView,
    description: 'Administrators create accounts inside their own subtree',
  })
  @ApiErrors(
    'ROLE_NOT_ALLOWED',
    'FORBIDDEN',
    'ORGANISATION_NOT_FOUND',
    'STUDENT_NOT_FOUND',
    'EMAIL_TAKEN',
    'STUDENT_ACCOUNT_EXISTS',
    'STUDENT_NOT_ACTIVE',
  )
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateAccountBody,
  ): Promise<AccountView> {
    return this.rpc.send(Topics.directory.createAccount, {
      ...body,
      organisationId: body.organisationId ?? null,
      studentId: body.studentId ?? null,
      actor: actorOf(user),
    });
  }

  @Get()
  @ApiOperation({ summary: 'List accounts' })
  @ApiOkResponse({
    type: PageOf(AccountView),
    description:
      'Accounts inside your scope, by email, filtered by role, organisation, status and text (email or name)',
  })
  @ApiErrors('ORGANISATION_NOT_FOUND')
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListAccountsParams,
  ): Promise<Page<AccountView>> {
    return this.rpc.send(Topics.directory.listAccounts, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an account' })
  @ApiOkResponse({ type: AccountView })
  @ApiErrors('ACCOUNT_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AccountView> {
    return this.rpc.send(Topics.directory.getAccount, { accountId: id, actor: actorOf(user) });
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unlock an account locked out after wrong passwords' })
  @ApiOkResponse({
    type: AccountView,
    description:
      'The locks of every client address are lifted and their counts of wrong passwords reset',
  })
  @ApiErrors('FORBIDDEN', 'ACCOUNT_NOT_FOUND')
  unlock(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AccountView> {
    return this.rpc.send(Topics.directory.unlockAccount, { accountId: id, actor: actorOf(user) });
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename an account or change its role',
    description: 'Give a displayName, a role or both (neither is a 400 VALIDATION_FAILED).',
  })
  @ApiOkResponse({
    type: AccountView,
    description:
      "The account renamed or given another role; a role change revokes the account's sessions (their tokens carry the old role)",
  })
  @ApiErrors('ROLE_NOT_ALLOWED', 'FORBIDDEN', 'ACCOUNT_NOT_FOUND', 'OWN_ACCOUNT_CHANGE')
  async update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateAccountBody,
  ): Promise<AccountView> {
    const command: UpdateAccountCommand = { ...body, accountId: id, actor: actorOf(user) };
    return this.applied(
      await this.rpc.send<AccountChangeReply>(Topics.directory.updateAccount, command),
    );
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset an account's password to a temporary one",
    description: 'Not for your own account: use POST /me/password (409 OWN_ACCOUNT_CHANGE).',
  })
  @ApiOkResponse({
    type: PasswordResetView,
    description:
      'A temporary password, shown once. The account must change it before anything else (every other route answers 403 PASSWORD_CHANGE_REQUIRED); its sessions are revoked and its client addresses unlocked',
  })
  @ApiErrors('FORBIDDEN', 'ACCOUNT_NOT_FOUND', 'OWN_ACCOUNT_CHANGE')
  async resetPassword(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<PasswordResetView> {
    const reply = await this.rpc.send<AccountChangeReply>(Topics.directory.resetPassword, {
      accountId: id,
      actor: actorOf(user),
    });
    this.revocations.revokeAll(reply.revokedSessions);
    return { account: reply.account, temporaryPassword: reply.temporaryPassword! };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate an account',
    description: 'Never your own account, nor the last active platform admin.',
  })
  @ApiOkResponse({
    type: AccountView,
    description:
      'Deactivated: it cannot log in or refresh (the 401 of a wrong password) and its access tokens stop working at once. Deactivating it again changes nothing',
  })
  @ApiErrors('FORBIDDEN', 'ACCOUNT_NOT_FOUND', 'OWN_ACCOUNT_CHANGE', 'LAST_PLATFORM_ADMIN')
  async deactivate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AccountView> {
    return this.applied(
      await this.rpc.send<AccountChangeReply>(Topics.directory.deactivateAccount, {
        accountId: id,
        actor: actorOf(user),
      }),
    );
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a deactivated account' })
  @ApiOkResponse({
    type: AccountView,
    description:
      'Active again: the owner logs in anew. Reactivating an active account changes nothing',
  })
  @ApiErrors('FORBIDDEN', 'ACCOUNT_NOT_FOUND', 'OWN_ACCOUNT_CHANGE')
  async reactivate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AccountView> {
    return this.applied(
      await this.rpc.send<AccountChangeReply>(Topics.directory.reactivateAccount, {
        accountId: id,
        actor: actorOf(user),
      }),
    );
  }

  /** This instance refuses the revoked sessions at once; the others learn it from the event. */
  private applied(reply: AccountChangeReply): AccountView {
    this.revocations.revokeAll(reply.revokedSessions);
    return reply.account;
  }
}
