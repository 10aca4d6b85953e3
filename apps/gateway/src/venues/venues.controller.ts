import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type BookingView,
  type InboxItem,
  type Page,
  type SlotView,
  type VenueSearchHit,
  type VenueView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import { localDateParam } from '../calendar/local-date-param.js';
import {
  CheckInDto,
  ClosureDto,
  CreateVenueDto,
  InboxQueryDto,
  SearchVenuesQueryDto,
  SlotsQueryDto,
  UpdateVenueDto,
} from './venues.dto.js';

const MANAGE_DOC = "403 VENUE_ACTION_FORBIDDEN: only the venue's staff and admins manage it";

@ApiTags('venues')
@ApiBearerAuth()
@Controller('venues')
export class VenuesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Create a venue of a venue organisation',
    description:
      'Venue staff for their organisation; platform and bureau admins for a venue organisation in their scope ' +
      "(a bureau admin's area contains the organisation's region). The venue's region lies inside its organisation's.",
  })
  @ApiCreatedResponse({ description: 'The venue; its slots over the rolling window exist at once' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'STUDENT_PRICE_NOT_ALLOWED, STUDENT_PRICE_REQUIRED, OPENING_HOURS_INVALID, VENUE_ORGANISATION_UNKNOWN, VENUE_REGION_OUTSIDE_ORGANISATION, VALIDATION_FAILED',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: MANAGE_DOC })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'VENUE_ORGANISATION_NOT_FOUND: the organisation lies outside your scope',
  })
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateVenueDto): Promise<VenueView> {
    return this.rpc.send(Topics.venues.createVenue, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'Search venues by region, category and date with places left (any signed-in user)',
  })
  @ApiOkResponse({ description: 'A page of venues; placesLeft set when a date is given' })
  search(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: SearchVenuesQueryDto,
  ): Promise<Page<VenueSearchHit>> {
    return this.rpc.send(Topics.venues.searchVenues, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A venue, with its opening rules and special closures' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'VENUE_NOT_FOUND' })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.getVenue, { venueId: id, actor: actorOf(user) });
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a venue; its slots are re-planned, bookings in vanished slots flagged',
    description:
      'Its region changes only by a platform admin or a bureau admin whose area contains the new ' +
      "region, and stays inside its organisation's region; its organisation never changes.",
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'as on creation, VENUE_REGION_OUTSIDE_ORGANISATION',
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: `${MANAGE_DOC}; REGION_CHANGE_NOT_ALLOWED: venue staff, or a target region outside your area`,
  })
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateVenueDto,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.updateVenue, { ...body, venueId: id, actor: actorOf(user) });
  }

  @Post(':id/closures')
  @HttpCode(200)
  @ApiOperation({
    summary: "Close the venue on one date, with a reason (replaces that date's reason)",
    description:
      "In one transaction: the closure, the cancellation of that day's activities (status " +
      '`cancelled`, reason "venue closed: <reason>") and of every pending or confirmed booking ' +
      "of the day (theirs and the slots'), each with `cancelReason` `venue_closed` and a " +
      '`venues.visit.cancelled.v1` event, and the re-plan of the slots.',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: MANAGE_DOC })
  addClosure(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ClosureDto,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.addClosure, { ...body, venueId: id, actor: actorOf(user) });
  }

  @Delete(':id/closures/:date')
  @ApiOperation({ summary: 'Lift a special closure' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'VENUE_NOT_FOUND, CLOSURE_NOT_FOUND',
  })
  removeClosure(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Param('date', localDateParam('date')) date: string,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.removeClosure, { venueId: id, date, actor: actorOf(user) });
  }

  @Get(':id/slots')
  @ApiOperation({
    summary: 'Slots of a venue between two local dates',
    description:
      'Each slot says its hours (profile ordinary or extended, and why) and the places left per pool.',
  })
  slots(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: SlotsQueryDto,
  ): Promise<SlotView[]> {
    return this.rpc.send(Topics.venues.listSlots, { ...query, venueId: id, actor: actorOf(user) });
  }

  @Get(':id/inbox')
  @ApiOperation({
    summary: 'Decision inbox: pending group requests, oldest first',
    description:
      'With the group places left in each slot and a warning when other pending requests of the ' +
      'slot wait on a pool with nothing left. Pending requests hold their places.',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'VENUE_NOT_FOUND: not your venue' })
  inbox(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: InboxQueryDto,
  ): Promise<Page<InboxItem>> {
    return this.rpc.send(Topics.venues.decisionInbox, {
      ...query,
      venueId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/check-ins')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a visitor in by the QR token of a confirmed booking (venue staff)',
    description:
      'The token is an HMAC-SHA256 over booking, venue and slot start: scanners may verify it offline.',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'CHECKIN_TOKEN_INVALID: forged or tampered',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'ALREADY_CHECKED_IN, BOOKING_NOT_CONFIRMED, CHECKIN_WINDOW_CLOSED',
  })
  checkIn(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CheckInDto,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.checkIn, { ...body, venueId: id, actor: actorOf(user) });
  }
}
