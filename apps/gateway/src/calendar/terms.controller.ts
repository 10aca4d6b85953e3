import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type CalendarList, type TermView } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import { CreateTermDto, ListTermsQueryDto, TermListDto, TermResponseDto } from './terms.dto.js';

export const WRITE_FORBIDDEN_DOC =
  'FORBIDDEN: only a platform admin, or the admin of a bureau whose region covers the area ' +
  '(province 370000 → 37xxxx, city 370100 → 3701xx, county → its own code), changes its calendar';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/terms')
export class TermsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Add a term of a school year to an area' })
  @ApiCreatedResponse({ type: TermResponseDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED: bad area code, school year or date, endsOn before startsOn',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: WRITE_FORBIDDEN_DOC })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'TERM_OVERLAP (dates overlap another term of the area and school year) or TERM_EXISTS',
  })
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateTermDto): Promise<TermView> {
    return this.rpc.send(Topics.calendar.createTerm, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'The terms that apply to an area',
    description:
      'Per school year, the terms of the nearest enclosing area that has any; each item names its area.',
  })
  @ApiOkResponse({ type: TermListDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED: a bad areaCode or schoolYear',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListTermsQueryDto,
  ): Promise<CalendarList<TermView>> {
    return this.rpc.send(Topics.calendar.listTerms, { ...query, actor: actorOf(user) });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a term' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: WRITE_FORBIDDEN_DOC })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'TERM_NOT_FOUND' })
  async remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.calendar.deleteTerm, { termId: id, actor: actorOf(user) });
  }
}
