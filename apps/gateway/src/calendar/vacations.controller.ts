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
import {
  Topics,
  type AccessTokenClaims,
  type CalendarList,
  type VacationView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import { WRITE_FORBIDDEN_DOC } from './terms.controller.js';
import {
  CreateVacationDto,
  ListVacationsQueryDto,
  VacationListDto,
  VacationResponseDto,
} from './vacations.dto.js';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/vacations')
export class VacationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Add the winter or summer vacation of a school year to an area' })
  @ApiCreatedResponse({ type: VacationResponseDto })
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
      'VACATION_EXISTS (the area has this vacation for the school year) or VACATION_OVERLAP',
  })
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateVacationDto,
  ): Promise<VacationView> {
    return this.rpc.send(Topics.calendar.createVacation, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'The vacations that apply to an area',
    description:
      'Per school year, the vacations of the nearest enclosing area that has any; each item names its area.',
  })
  @ApiOkResponse({ type: VacationListDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED: a bad areaCode or schoolYear',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListVacationsQueryDto,
  ): Promise<CalendarList<VacationView>> {
    return this.rpc.send(Topics.calendar.listVacations, { ...query, actor: actorOf(user) });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a vacation' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: WRITE_FORBIDDEN_DOC })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'VACATION_NOT_FOUND' })
  async remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.calendar.deleteVacation, { vacationId: id, actor: actorOf(user) });
  }
}
