import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateTermBody,
  ListTermsParams,
  TermListView,
  TermView,
  Topics,
  type AccessTokenClaims,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

/** Who may change an area's calendar (every write answers 403 FORBIDDEN to anyone else). */
export const WRITE_RULE =
  'Only a platform admin, or the admin of a bureau whose region covers the area ' +
  '(province 370000 → 37xxxx, city 370100 → 3701xx, county → its own code), changes its calendar.';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/terms')
export class TermsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Add a term of a school year to an area',
    description: `${WRITE_RULE} Dates must not overlap another term of the area and school year.`,
  })
  @ApiCreatedResponse({ type: TermView })
  @ApiErrors('FORBIDDEN', 'TERM_OVERLAP', 'TERM_EXISTS')
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateTermBody): Promise<TermView> {
    return this.rpc.send(Topics.calendar.createTerm, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'The terms that apply to an area',
    description:
      'Per school year, the terms of the nearest enclosing area that has any; each item names its area.',
  })
  @ApiOkResponse({ type: TermListView })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListTermsParams,
  ): Promise<TermListView> {
    return this.rpc.send(Topics.calendar.listTerms, { ...query, actor: actorOf(user) });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a term', description: WRITE_RULE })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors('FORBIDDEN', 'TERM_NOT_FOUND')
  async remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.calendar.deleteTerm, { termId: id, actor: actorOf(user) });
  }
}
