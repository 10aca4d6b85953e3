import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type AccountChangeReply,
  type AccountView,
  type Page,
  type UpdateAccountCommand,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  AccountPageDto,
  CreateAccountDto,
  ListAccountsQueryDto,
  PasswordResetResponseDto,
  UpdateAccountDto,
} from './accounts.dto.js';
import { AccountResponseDto } from './me.dto.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly revocations: SessionRevocations,
  ) {}

  @Post()
  @ApiCreatedResponse({
    type: AccountResponseDto,
    description: 'Administrators create accounts inside their own subtree',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED or ROLE_NOT_ALLOWED (role does not fit the organisation)',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: not an administrator' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ORGANISATION_NOT_FOUND (or outside your subtree)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'EMAIL_TAKEN; STUDENT_ACCOUNT_EXISTS (the student already has an account); STUDENT_NOT_ACTIVE',
  })
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateAccountDto,
  ): Promise<AccountView> {
    return this.rpc.send(Topics.directory.createAccount, {
      ...body,
      organisationId: body.organisationId ?? null,
      studentId: body.studentId ?? null,
      actor: actorOf(user),
    });
  }

  @Get()
  @ApiOkResponse({
    type: AccountPageDto,
    description:
      'Accounts inside your scope, by email, filtered by role, organisation, status and text (email or name)',
  })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ORGANISATION_NOT_FOUND: organisationId outside your scope',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListAccountsQueryDto,
  ): Promise<Page<AccountView>> {
    return this.rpc.send(Topics.directory.listAccounts, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOkResponse({ type: AccountResponseDto })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND (or outside your scope)',
  })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AccountView> {
    return this.rpc.send(Topics.directory.getAccount, { accountId: id, actor: actorOf(user) });
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOkResponse({
    type: AccountResponseDto,
    description:
      'The locks of every client address are lifted and their counts of wrong passwords reset',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: not an administrator' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND (or outside your subtree)',
  })
  unlock(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AccountView> {
    return this.rpc.send(Topics.directory.unlockAccount, { accountId: id, actor: actorOf(user) });
  }

  @Patch(':id')
  @ApiOkResponse({
    type: AccountResponseDto,
    description:
      "The account renamed or given another role; a role change revokes the account's sessions (their tokens carry the old role)",
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      "VALIDATION_FAILED (nothing to change), or ROLE_NOT_ALLOWED (the role does not fit the account's organisation, or the account is a linked student)",
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'FORBIDDEN: not an administrator, or a role above your own',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND (or outside your subtree)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'OWN_ACCOUNT_CHANGE: the role of your own account',
  })
  async update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateAccountDto,
  ): Promise<AccountView> {
    const command: UpdateAccountCommand = { ...body, accountId: id, actor: actorOf(user) };
    return this.applied(
      await this.rpc.send<AccountChangeReply>(Topics.directory.updateAccount, command),
    );
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({
    type: PasswordResetResponseDto,
    description:
      'A temporary password, shown once. The account must change it before anything else (every other route answers 403 PASSWORD_CHANGE_REQUIRED); its sessions are revoked and its client addresses unlocked',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: not an administrator' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND (or outside your subtree)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'OWN_ACCOUNT_CHANGE: use POST /me/password for your own',
  })
  async resetPassword(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<PasswordResetResponseDto> {
    const reply = await this.rpc.send<AccountChangeReply>(Topics.directory.resetPassword, {
      accountId: id,
      actor: actorOf(user),
    });
    this.revocations.revokeAll(reply.revokedSessions);
    return { account: reply.account, temporaryPassword: reply.temporaryPassword! };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({
    type: AccountResponseDto,
    description:
      'Deactivated: it cannot log in or refresh (the 401 of a wrong password) and its access tokens stop working at once. Deactivating it again changes nothing',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: not an administrator' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND (or outside your subtree)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'OWN_ACCOUNT_CHANGE (your own account), or LAST_PLATFORM_ADMIN',
  })
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
  @ApiOkResponse({
    type: AccountResponseDto,
    description:
      'Active again: the owner logs in anew. Reactivating an active account changes nothing',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: not an administrator' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND (or outside your subtree)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'OWN_ACCOUNT_CHANGE: your own account',
  })
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
