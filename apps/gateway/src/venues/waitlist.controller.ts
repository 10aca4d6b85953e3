import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type BookingView,
  type GroupWaitlistEntryView,
  type Page,
  type WaitlistEntryView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import { BookingsQueryDto, GroupVisitDto, IndividualBookingDto } from './venues.dto.js';

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('waitlist')
export class WaitlistController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: "Join a full slot's waiting list (students)",
    description:
      'First come, first served. A freed place is offered to the next in line and held for ' +
      '30 minutes (or until the slot starts); accept it with POST /waitlist/:id/accept.',
  })
  @ApiCreatedResponse({ description: 'Waiting' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'SLOT_NOT_FULL, ALREADY_ON_WAITLIST, SLOT_UNAVAILABLE',
  })
  join(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: IndividualBookingDto,
  ): Promise<WaitlistEntryView> {
    return this.rpc.send(Topics.venues.joinWaitlist, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: 'Your waiting-list entries and open offers, latest first' })
  mine(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: BookingsQueryDto,
  ): Promise<Page<WaitlistEntryView>> {
    return this.rpc.send(Topics.venues.listMyWaitlist, { ...query, actor: actorOf(user) });
  }

  @Post(':id/accept')
  @HttpCode(201)
  @ApiOperation({ summary: 'Take the place an open offer holds: a confirmed booking' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      "STUDENTS_NOT_IN_SCHOOL: a linked student's roster id is not enrolled at the account's school (details.studentIds)",
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'WAITLIST_ENTRY_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'OFFER_NOT_OPEN, ALREADY_BOOKED_THAT_DAY',
  })
  accept(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.acceptOffer, { entryId: id, actor: actorOf(user) });
  }
}

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('group-waitlist')
export class GroupWaitlistController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Queue a group request for a slot whose group pool cannot take it (school staff)',
    description:
      'Oldest first among the requests that fit: freed group places (a decline, a ' +
      'cancellation, an expired request) are held for the first queued request they cover ' +
      'for GROUP_WAITLIST_OFFER_HOURS (24, or until the slot starts); accept with ' +
      'POST /group-waitlist/:id/accept.',
  })
  @ApiCreatedResponse({ description: 'Waiting' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'STUDENTS_NOT_IN_SCHOOL (details.studentIds), VALIDATION_FAILED',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'SLOT_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'SLOT_NOT_FULL (the group fits: request it), SLOT_UNAVAILABLE',
  })
  join(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: GroupVisitDto,
  ): Promise<GroupWaitlistEntryView> {
    return this.rpc.send(Topics.venues.joinGroupWaitlist, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: "Your school's queued group requests and open offers, latest first" })
  mine(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: BookingsQueryDto,
  ): Promise<Page<GroupWaitlistEntryView>> {
    return this.rpc.send(Topics.venues.listMyGroupWaitlist, { ...query, actor: actorOf(user) });
  }

  @Post(':id/accept')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Take the group places an open offer holds: a pending group request the venue decides',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'STUDENTS_NOT_IN_SCHOOL: a listed student left the school meanwhile',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'WAITLIST_ENTRY_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'OFFER_NOT_OPEN' })
  accept(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.acceptGroupOffer, { entryId: id, actor: actorOf(user) });
  }
}
