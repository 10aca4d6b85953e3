import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  Topics,
  type AccessTokenClaims,
  type AccountView,
  type ChangeOwnPasswordCommand,
  type ChangeOwnPasswordReply,
  type LoginReply,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { LoginResponseDto } from '../auth/auth.dto.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AllowedWhilePasswordChangeRequired } from '../auth/password-change.decorator.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { AccountResponseDto, ChangeOwnPasswordDto } from './me.dto.js';

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
  @ApiOkResponse({ type: AccountResponseDto, description: 'The signed-in account' })
  @ApiResponse({
    status: 401,
    type: ErrorBodyDto,
    description: 'UNAUTHENTICATED: missing, forged or expired token',
  })
  @ApiResponse({
    status: 504,
    type: ErrorBodyDto,
    description: 'UPSTREAM_TIMEOUT: the directory did not answer in time',
  })
  getMe(@CurrentUser() user: AccessTokenClaims): Promise<AccountView> {
    return this.rpc.send<AccountView>(Topics.directory.me, { accountId: user.sub });
  }

  @Post('me/password')
  @HttpCode(200)
  @RateLimit('login')
  @AllowedWhilePasswordChangeRequired()
  @ApiOkResponse({
    type: LoginResponseDto,
    description:
      'The password is changed. Every session of the account is revoked, this one included (its access token stops working); the reply is a new login to continue with',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED (newPassword: 10 to 200 characters with a letter and a digit), or PASSWORD_UNCHANGED',
  })
  @ApiResponse({
    status: 401,
    type: ErrorBodyDto,
    description:
      'INVALID_CREDENTIALS: the current password is wrong. It counts like a wrong login from this client address: 5 lock this address out (of login too), never any other',
  })
  @ApiResponse({ status: 429, type: ErrorBodyDto, description: 'RATE_LIMITED' })
  async changeOwnPassword(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: ChangeOwnPasswordDto,
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
