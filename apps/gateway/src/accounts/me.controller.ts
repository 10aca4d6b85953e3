import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type AccountView } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { AccountResponseDto } from './me.dto.js';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('me')
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
}
