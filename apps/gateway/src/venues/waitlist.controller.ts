import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  BookingView,
  GroupWaitlistEntryView,
  JoinWaitlistBody,
  ListMyWaitlistParams,
  PageOf,
  RequestGroupVisitBody,
  Topics,
  WaitlistEntryView,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('venues/waitlist')
export class WaitlistController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: "Join a full slot's waiting list (students)",
    description:
      'First come, first served. A freed place is offered to the next in line and held for ' +
      '30 minutes (or until the slot starts); accept it with POST /venues/waitlist/{id}/accept.',
  })
  @ApiCreatedResponse({ type: WaitlistEntryView, description: 'Waiting' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'VENUE_ACTION_FORBIDDEN',
    'SLOT_NOT_FOUND',
    'SLOT_NOT_FULL',
    'ALREADY_ON_WAITLIST',
    'SLOT_UNAVAILABLE',
  )
  join(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: JoinWaitlistBody,
  ): Promise<WaitlistEntryView> {
    return this.rpc.send(Topics.venues.joinWaitlist, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: 'List your waiting-list entries and open offers, latest first' })
  @ApiOkResponse({ type: PageOf(WaitlistEntryView) })
  mine(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListMyWaitlistParams,
  ): Promise<Page<WaitlistEntryView>> {
    return this.rpc.send(Topics.venues.listMyWaitlist, { ...query, actor: actorOf(user) });
  }

  @Post(':id/accept')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Accept an open offer: a confirmed booking',
    description:
      "STUDENTS_NOT_IN_SCHOOL: a linked student's roster id is not enrolled at the account's school (details.studentIds).",
  })
  @ApiCreatedResponse({ type: BookingView, description: 'Confirmed, with its QR check-in token' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'WAITLIST_ENTRY_NOT_FOUND',
    'SLOT_NOT_FOUND',
    'OFFER_NOT_OPEN',
    'ALREADY_BOOKED_THAT_DAY',
  )
  accept(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.acceptOffer, { entryId: id, actor: actorOf(user) });
  }
}

@ApiTags('waitlist')
@ApiBearerAuth()
@Controller('venues/group-waitlist')
export class GroupWaitlistController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Queue a group request for a slot whose group pool cannot take it (school staff)',
    description:
      'The body of POST /venues/bookings/group. Oldest first among the requests that fit: freed group ' +
      'places (a decline, a cancellation, an expired request) are held for the first queued request ' +
      'they cover for GROUP_WAITLIST_OFFER_HOURS (24, or until the slot starts); accept with ' +
      'POST /venues/group-waitlist/{id}/accept. SLOT_NOT_FULL: the group fits, request it.',
  })
  @ApiCreatedResponse({ type: GroupWaitlistEntryView, description: 'Waiting' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'VENUE_ACTION_FORBIDDEN',
    'SLOT_NOT_FOUND',
    'SLOT_NOT_FULL',
    'SLOT_UNAVAILABLE',
  )
  join(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: RequestGroupVisitBody,
  ): Promise<GroupWaitlistEntryView> {
    return this.rpc.send(Topics.venues.joinGroupWaitlist, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: "List your school's queued group requests and open offers, latest first",
  })
  @ApiOkResponse({ type: PageOf(GroupWaitlistEntryView) })
  mine(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListMyWaitlistParams,
  ): Promise<Page<GroupWaitlistEntryView>> {
    return this.rpc.send(Topics.venues.listMyGroupWaitlist, { ...query, actor: actorOf(user) });
  }

  @Post(':id/accept')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Accept an open group offer: a pending group request the venue decides',
    description: 'STUDENTS_NOT_IN_SCHOOL: a listed student left the school meanwhile.',
  })
  @ApiCreatedResponse({ type: BookingView, description: 'Pending' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'WAITLIST_ENTRY_NOT_FOUND',
    'SLOT_NOT_FOUND',
    'OFFER_NOT_OPEN',
  )
  accept(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.acceptGroupOffer, { entryId: id, actor: actorOf(user) });
  }
}
