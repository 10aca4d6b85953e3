import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse } from '@nestjs/swagger';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type LoginReply } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { actorOf } from './actor.js';
import { LoginRequestDto, LoginResponseDto, RefreshTokenDto } from './auth.dto.js';
import { CurrentUser } from './current-user.decorator.js';
import { Public } from './public.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly rpc: RpcClient) {}

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
  @ApiResponse({ status: 401, type: ErrorBodyDto, description: 'INVALID_CREDENTIALS' })
  @ApiResponse({
    status: 423,
    type: ErrorBodyDto,
    description: 'ACCOUNT_LOCKED after 5 wrong passwords in a row',
  })
  @ApiResponse({ status: 429, type: ErrorBodyDto, description: 'RATE_LIMITED' })
  login(@Body() body: LoginRequestDto): Promise<LoginReply> {
    return this.rpc.send<LoginReply>(Topics.directory.login, body);
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
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description: 'The refresh token and every token rotated from it are revoked',
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
    await this.rpc.send(Topics.directory.logout, { ...body, actor: actorOf(user) });
  }
}
