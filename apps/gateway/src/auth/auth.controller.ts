import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  LoginBody,
  LoginReply,
  LogoutBody,
  RefreshCommand,
  Topics,
  type AccessTokenClaims,
  type LoginCommand,
  type LogoutReply,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { ApiErrors } from '../http/api-errors.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { actorOf } from './actor.js';
import { CurrentUser } from './current-user.decorator.js';
import { AllowedWhilePasswordChangeRequired } from './password-change.decorator.js';
import { Public } from './public.decorator.js';
import { SessionRevocations } from './session-revocations.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly revocations: SessionRevocations,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'A wrong password, an unknown email, a deactivated account and a client address locked out ' +
      'after 5 wrong passwords all answer 401 INVALID_CREDENTIALS alike. Wrong passwords count per ' +
      'account and client address: failures from one address never lock the owner out from another.',
  })
  @ApiOkResponse({
    type: LoginReply,
    description: 'A short-lived access token and a refresh token',
  })
  @ApiErrors('INVALID_CREDENTIALS')
  login(@Body() body: LoginBody, @Req() request: Request): Promise<LoginReply> {
    // Wrong passwords count per account and client address (req.ip, as the trusted-proxy
    // setting makes it), so an attacker's failures never lock the owner out elsewhere.
    const command: LoginCommand = { ...body, clientAddress: request.ip?.slice(0, 64) };
    return this.rpc.send<LoginReply>(Topics.directory.login, command);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @RateLimit('login')
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'A refresh token is single use: presenting one a second time answers 401 REFRESH_TOKEN_REUSED ' +
      'and revokes the whole login.',
  })
  @ApiOkResponse({
    type: LoginReply,
    description: 'A new access token and a new refresh token',
  })
  @ApiErrors('INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED')
  refresh(@Body() body: RefreshCommand): Promise<LoginReply> {
    return this.rpc.send<LoginReply>(Topics.directory.refresh, body);
  }

  @Post('logout')
  @HttpCode(204)
  @AllowedWhilePasswordChangeRequired()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: revoke a login' })
  @ApiNoContentResponse({
    description:
      'The refresh token, every token rotated from it and the access tokens of that login are revoked',
  })
  @ApiErrors('INVALID_REFRESH_TOKEN')
  async logout(@CurrentUser() user: AccessTokenClaims, @Body() body: LogoutBody): Promise<void> {
    const reply = await this.rpc.send<LogoutReply>(Topics.directory.logout, {
      ...body,
      actor: actorOf(user),
    });
    // At once on this instance; the others learn it from directory.session.revoked.v1.
    this.revocations.revoke(reply.sessionId, reply.expiresAt);
  }
}
