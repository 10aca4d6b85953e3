import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  HOLIDAY_CSV_DOC,
  HolidayImportReport,
  HolidayListView,
  HolidayView,
  ImportHolidaysBody,
  ListHolidaysParams,
  SetHolidayBody,
  Topics,
  type AccessTokenClaims,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';
import { WRITE_RULE } from './terms.controller.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/holidays')
export class HolidaysController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set one date of an area: a statutory holiday or a make-up working day',
    description:
      'Creates the entry of (areaCode, date), or replaces its kind and name. The entry decides ' +
      'that date for the area and the areas inside it; their other dates keep following the ' +
      'enclosing areas (the national list is entered at 000000). A holiday needs a name; a ' +
      `make-up working day is a Saturday or Sunday. ${WRITE_RULE}`,
  })
  @ApiOkResponse({ type: HolidayView })
  @ApiErrors('FORBIDDEN')
  set(@CurrentUser() user: AccessTokenClaims, @Body() body: SetHolidayBody): Promise<HolidayView> {
    return this.rpc.send(Topics.calendar.setHoliday, { ...body, actor: actorOf(user) });
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import holidays and make-up working days of an area from a CSV file',
    description: `JSON body \`{ areaCode, csv }\`. ${HOLIDAY_CSV_DOC} ${WRITE_RULE}`,
  })
  @ApiOkResponse({ type: HolidayImportReport })
  @ApiErrors('HOLIDAY_IMPORT_INVALID', 'FORBIDDEN')
  import(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: ImportHolidaysBody,
  ): Promise<HolidayImportReport> {
    return this.rpc.send(Topics.calendar.importHolidays, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'The holidays and make-up working days that apply to an area in a year',
    description:
      'Per date, the entry of the nearest enclosing area that has one (a province entry overrides ' +
      'that date only; other dates come from 000000); each item names its area.',
  })
  @ApiOkResponse({ type: HolidayListView })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListHolidaysParams,
  ): Promise<HolidayListView> {
    return this.rpc.send(Topics.calendar.listHolidays, { ...query, actor: actorOf(user) });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one dated entry', description: WRITE_RULE })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors('FORBIDDEN', 'HOLIDAY_NOT_FOUND')
  async remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.calendar.deleteHoliday, { holidayId: id, actor: actorOf(user) });
  }
}
