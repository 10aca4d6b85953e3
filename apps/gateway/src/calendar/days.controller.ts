import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CalendarDaysView,
  CalendarDayView,
  GetCalendarDayParams,
  ListCalendarDaysParams,
  Topics,
  type AccessTokenClaims,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { localDateParam } from './local-date-param.js';

const DAY_RULES =
  'A make-up working day is a working day even on a weekend; a holiday is not; an ordinary ' +
  'Saturday or Sunday is not. A term’s or vacation’s first and last days belong to it. Dates are ' +
  'local dates in Asia/Shanghai.';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/days')
export class DaysController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':date')
  @ApiOperation({ summary: 'What a date is in an area', description: DAY_RULES })
  @ApiParam({
    name: 'date',
    schema: { type: 'string', format: 'date' },
    example: '2026-10-10',
    description: 'Local date, YYYY-MM-DD',
  })
  @ApiOkResponse({ type: CalendarDayView })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('date', localDateParam()) date: string,
    @Query() query: GetCalendarDayParams,
  ): Promise<CalendarDayView> {
    return this.rpc.send(Topics.calendar.getDay, { ...query, date, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'What each date from `from` to `to` is in an area (at most 366 dates)',
    description: DAY_RULES,
  })
  @ApiOkResponse({ type: CalendarDaysView })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListCalendarDaysParams,
  ): Promise<CalendarDaysView> {
    return this.rpc.send(Topics.calendar.listDays, { ...query, actor: actorOf(user) });
  }
}
