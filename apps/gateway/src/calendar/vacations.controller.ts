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
  CreateVacationBody,
  ListVacationsParams,
  Topics,
  VacationListView,
  VacationView,
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
@Controller('calendar/vacations')
export class VacationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Add the winter or summer vacation of a school year to an area',
    description: `${WRITE_RULE} An area has one vacation of each kind per school year, not overlapping another.`,
  })
  @ApiCreatedResponse({ type: VacationView })
  @ApiErrors('FORBIDDEN', 'VACATION_EXISTS', 'VACATION_OVERLAP')
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateVacationBody,
  ): Promise<VacationView> {
    return this.rpc.send(Topics.calendar.createVacation, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'The vacations that apply to an area',
    description:
      'Per school year, the vacations of the nearest enclosing area that has any; each item names its area.',
  })
  @ApiOkResponse({ type: VacationListView })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListVacationsParams,
  ): Promise<VacationListView> {
    return this.rpc.send(Topics.calendar.listVacations, { ...query, actor: actorOf(user) });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a vacation', description: WRITE_RULE })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors('FORBIDDEN', 'VACATION_NOT_FOUND')
  async remove(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.calendar.deleteVacation, { vacationId: id, actor: actorOf(user) });
  }
}
