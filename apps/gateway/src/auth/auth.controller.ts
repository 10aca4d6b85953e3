import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse } from '@nestjs/swagger';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  Topics,
  type AccessTokenClaims,
  type LoginCommand,
  type LoginReply,
  type LogoutReply,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { actorOf } from './actor.js';
import { LoginRequestDto, LoginResponseDto, RefreshTokenDto } from './auth.dto.js';
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
  @ApiOkResponse({ type: LoginResponseDto, description: 'A short-lived access token' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED: malformed body',
  })
  @ApiResponse({
    status: 401,
    type: ErrorBodyDto,
    description:
      'INVALID_CREDENTIALS: wrong password, unknown email, or this client address locked out of the account after 5 wrong passwords (all three answer alike)',
  })
  @ApiResponse({ status: 429, type: ErrorBodyDto, description: 'RATE_LIMITED' })
  login(@Body() body: LoginRequestDto, @Req() request: Request): Promise<LoginReply> {
    // Wrong passwords count per account and client address (req.ip, as the trusted-proxy
    // setting makes it), so an attacker's failures never lock the owner out elsewhere.
    const command: LoginCommand = { ...body, clientAddress: request.ip?.slice(0, 64) };
    return this.rpc.send<LoginReply>(Topics.directory.login, command);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @RateLimit('login')
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'A new access token and a new refresh token',
  })
  @ApiResponse({
    status: 401,
    type: ErrorBodyDto,
    description: 'INVALID_REFRESH_TOKEN, or REFRESH_TOKEN_REUSED (the login is revoked)',
  })
  refresh(@Body() body: RefreshTokenDto): Promise<LoginReply> {
    return this.rpc.send<LoginReply>(Topics.directory.refresh, body);
  }

  @Post('logout')
  @HttpCode(204)
  @AllowedWhilePasswordChangeRequired()
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description:
      'The refresh token, every token rotated from it and the access tokens of that login are revoked',
  })
  @ApiResponse({
    status: 401,
    type: ErrorBodyDto,
    description: 'UNAUTHENTICATED or INVALID_REFRESH_TOKEN',
  })
  async logout(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: RefreshTokenDto,
  ): Promise<void> {
    const reply = await this.rpc.send<LogoutReply>(Topics.directory.logout, {
      ...body,
      actor: actorOf(user),
    });
    // At once on this instance; the others learn it from directory.session.revoked.v1.
    this.revocations.revoke(reply.sessionId, reply.expiresAt);
  }
}
