import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type MyAidView,
  type MySessionView,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { MyAidResponseDto, MySessionPageDto } from './employment-aid-responses.dto.js';

const GRADUATE_ONLY = {
  status: 403,
  type: ErrorBodyDto,
  description: 'FORBIDDEN: graduate accounts only',
} as const;
const NOT_LINKED = {
  status: 404,
  type: ErrorBodyDto,
  description: 'GRADUATE_NOT_LINKED: the career centre has not linked your account to a record',
} as const;

/** A graduate in need's own view of their support (role graduate, linked by the centre). */
@ApiTags('employment-aid')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('employment-aid/me')
export class MyAidController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOkResponse({
    type: MyAidResponseDto,
    description:
      "Your registration, current mentor, plan, recent sessions, verified outcome and the postings you were referred to; never the difficulty categories, never the mentor's private notes",
  })
  @ApiResponse(GRADUATE_ONLY)
  @ApiResponse(NOT_LINKED)
  get(@CurrentUser() user: AccessTokenClaims): Promise<MyAidView> {
    return this.rpc.send(Topics.employmentAid.getMyAid, { actor: actorOf(user) });
  }

  @Get('sessions')
  @ApiOkResponse({
    type: MySessionPageDto,
    description: 'Your support sessions, latest first, with what the mentor shared with you',
  })
  @ApiResponse(GRADUATE_ONLY)
  @ApiResponse(NOT_LINKED)
  sessions(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: PageQueryDto,
  ): Promise<Page<MySessionView>> {
    return this.rpc.send(Topics.employmentAid.listMySessions, { ...query, actor: actorOf(user) });
  }
}
