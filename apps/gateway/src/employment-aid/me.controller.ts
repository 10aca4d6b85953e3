import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListMySessionsHttpQuery,
  MyAidView,
  MySessionView,
  PageOf,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';

/** A graduate in need's own view of their support (role graduate, linked by the centre). */
@ApiTags('employment-aid')
@ApiBearerAuth()
@ApiErrors('FORBIDDEN', 'GRADUATE_NOT_LINKED')
@Controller('employment-aid/me')
export class MyAidController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'Get my employment aid',
    description:
      'Graduate accounts only, once the career centre linked the account to a record (else GRADUATE_NOT_LINKED).',
  })
  @ApiOkResponse({
    type: MyAidView,
    description:
      "Your registration, current mentor, plan, recent sessions, verified outcome and the postings you were referred to; never the difficulty categories, never the mentor's private notes",
  })
  get(@CurrentUser() user: AccessTokenClaims): Promise<MyAidView> {
    return this.rpc.send(Topics.employmentAid.getMyAid, { actor: actorOf(user) });
  }

  @Get('sessions')
  @ApiOperation({
    summary: 'List my support sessions',
    description: 'Graduate accounts only; latest first, with what the mentor shared.',
  })
  @ApiOkResponse({
    type: PageOf(MySessionView),
    description: 'Your support sessions, latest first, with what the mentor shared with you',
  })
  sessions(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListMySessionsHttpQuery,
  ): Promise<Page<MySessionView>> {
    return this.rpc.send(Topics.employmentAid.listMySessions, { ...query, actor: actorOf(user) });
  }
}
