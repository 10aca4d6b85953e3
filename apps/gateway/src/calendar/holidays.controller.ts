import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type CalendarList,
  type HolidayImportReport,
  type HolidayView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  HOLIDAY_CSV_DOC,
  HolidayImportReportDto,
  HolidayListDto,
  HolidayResponseDto,
  ImportHolidaysDto,
  ListHolidaysQueryDto,
  SetHolidayDto,
} from './holidays.dto.js';
import { WRITE_FORBIDDEN_DOC } from './terms.controller.js';

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
      'enclosing areas (the national list is entered at 000000).',
  })
  @ApiOkResponse({ type: HolidayResponseDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED: bad area code or date, a holiday without a name, a make-up working day on a weekday',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: WRITE_FORBIDDEN_DOC })
  set(@CurrentUser() user: AccessTokenClaims, @Body() body: SetHolidayDto): Promise<HolidayView> {
    return this.rpc.send(Topics.calendar.setHoliday, { ...body, actor: actorOf(user) });
  }

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import holidays and make-up working days of an area from a CSV file',
    description: `JSON body \`{ areaCode, csv }\`. ${HOLIDAY_CSV_DOC}`,
  })
  @ApiOkResponse({ type: HolidayImportReportDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'HOLIDAY_IMPORT_INVALID with details.errors [{ line, reason }] (nothing imported), or VALIDATION_FAILED',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: WRITE_FORBIDDEN_DOC })
  import(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: ImportHolidaysDto,
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
  @ApiOkResponse({ type: HolidayListDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED: a bad areaCode or year',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListHolidaysQueryDto,
  ): Promise<CalendarList<HolidayView>> {
    return this.rpc.send(Topics.calendar.listHolidays, { ...query, actor: actorOf(user) });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one dated entry' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: WRITE_FORBIDDEN_DOC })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'HOLIDAY_NOT_FOUND' })
  async remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.calendar.deleteHoliday, { holidayId: id, actor: actorOf(user) });
  }
}
