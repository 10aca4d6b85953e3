import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Topics, type LoginReply } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { LoginRequestDto, LoginResponseDto } from './auth.dto.js';
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
  @ApiResponse({ status: 429, type: ErrorBodyDto, description: 'RATE_LIMITED' })
  login(@Body() body: LoginRequestDto): Promise<LoginReply> {
    return this.rpc.send<LoginReply>(Topics.directory.login, body);
  }
}
