import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AccountView,
  ChangeOwnPasswordBody,
  LoginReply,
  Topics,
  type AccessTokenClaims,
  type ChangeOwnPasswordCommand,
  type ChangeOwnPasswordReply,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AllowedWhilePasswordChangeRequired } from '../auth/password-change.decorator.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { ApiErrors } from '../http/api-errors.js';
import { RateLimit } from '../http/rate-limit.guard.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly revocations: SessionRevocations,
  ) {}

  @Get('me')
  @AllowedWhilePasswordChangeRequired()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: AccountView, description: 'The signed-in account' })
  @ApiErrors('ACCOUNT_NOT_FOUND')
  getMe(@CurrentUser() user: AccessTokenClaims): Promise<AccountView> {
    return this.rpc.send<AccountView>(Topics.directory.me, { accountId: user.sub });
  }

  @Post('me/password')
  @HttpCode(200)
  @RateLimit('login')
  @AllowedWhilePasswordChangeRequired()
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'A wrong current password answers 401 INVALID_CREDENTIALS and counts like a wrong login from ' +
      'this client address: 5 lock this address out (of login too), never any other.',
  })
  @ApiOkResponse({
    type: LoginReply,
    description:
      'The password is changed. Every session of the account is revoked, this one included (its access token stops working); the reply is a new login to continue with',
  })
  @ApiErrors('PASSWORD_UNCHANGED', 'INVALID_CREDENTIALS')
  async changeOwnPassword(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: ChangeOwnPasswordBody,
    @Req() request: Request,
  ): Promise<LoginReply> {
    const command: ChangeOwnPasswordCommand = {
      ...body,
      clientAddress: request.ip?.slice(0, 64),
      actor: actorOf(user),
    };
    const reply = await this.rpc.send<ChangeOwnPasswordReply>(
      Topics.directory.changeOwnPassword,
      command,
    );
    this.revocations.revokeAll(reply.revokedSessions);
    return reply.tokens;
  }
}
