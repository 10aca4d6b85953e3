import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type AccountView, type Page } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import { AccountPageDto, CreateAccountDto, ListAccountsQueryDto } from './accounts.dto.js';
import { AccountResponseDto } from './me.dto.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly rpc: RpcClient) {}

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
  @ApiOkResponse({ type: AccountPageDto, description: 'Accounts inside your scope' })
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
}
