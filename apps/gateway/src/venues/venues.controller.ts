import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AddClosureBody,
  BookingView,
  CheckInBody,
  CreateVenueBody,
  DecisionInboxParams,
  InboxItem,
  ListSlotsParams,
  PageOf,
  SearchVenuesParams,
  SlotView,
  Topics,
  UpdateVenueBody,
  VenueSearchHit,
  VenueView,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';
import { localDateParam } from '../calendar/local-date-param.js';

/**
 * Venues, their opening rules and closures, their slots, their decision inbox and check-in.
 * Registered after the controllers with static second segments (`/venues/bookings`, …), so
 * `/venues/:id` never takes their routes.
 */
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
      "(a bureau admin's area contains the organisation's region). The venue's region lies inside its organisation's. " +
      'VENUE_ORGANISATION_NOT_FOUND: the organisation lies outside your scope.',
  })
  @ApiCreatedResponse({
    type: VenueView,
    description: 'The venue; its slots over the rolling window exist at once',
  })
  @ApiErrors(
    'STUDENT_PRICE_NOT_ALLOWED',
    'STUDENT_PRICE_REQUIRED',
    'OPENING_HOURS_INVALID',
    'VENUE_ORGANISATION_UNKNOWN',
    'VENUE_REGION_OUTSIDE_ORGANISATION',
    'VENUE_ACTION_FORBIDDEN',
    'VENUE_ORGANISATION_NOT_FOUND',
  )
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateVenueBody,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.createVenue, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'Search venues',
    description:
      'By region, category and a date with places left; any signed-in user. `placesLeft` is set when a date is given.',
  })
  @ApiOkResponse({ type: PageOf(VenueSearchHit), description: 'A page of venues, by name' })
  search(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: SearchVenuesParams,
  ): Promise<Page<VenueSearchHit>> {
    return this.rpc.send(Topics.venues.searchVenues, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a venue, with its opening rules and special closures' })
  @ApiOkResponse({ type: VenueView })
  @ApiErrors('VENUE_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.getVenue, { venueId: id, actor: actorOf(user) });
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a venue',
    description:
      "Its slots are re-planned and bookings in vanished slots flagged. Only the venue's staff and " +
      'admins manage it. Its region changes only by a platform admin or a bureau admin whose area ' +
      "contains the new region (else REGION_CHANGE_NOT_ALLOWED), and stays inside its organisation's " +
      'region; its organisation never changes. A free category with priced activities: STUDENT_PRICE_NOT_ALLOWED.',
  })
  @ApiOkResponse({ type: VenueView })
  @ApiErrors(
    'STUDENT_PRICE_NOT_ALLOWED',
    'STUDENT_PRICE_REQUIRED',
    'OPENING_HOURS_INVALID',
    'VENUE_REGION_OUTSIDE_ORGANISATION',
    'VENUE_ACTION_FORBIDDEN',
    'REGION_CHANGE_NOT_ALLOWED',
    'VENUE_NOT_FOUND',
  )
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateVenueBody,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.updateVenue, { ...body, venueId: id, actor: actorOf(user) });
  }

  @Post(':id/closures')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close the venue on one date',
    description:
      "With a reason (replaces that date's reason). In one transaction: the closure, the cancellation " +
      'of that day\'s activities (status `cancelled`, reason "venue closed: <reason>") and of every ' +
      "pending or confirmed booking of the day (theirs and the slots'), each with `changeReason` " +
      '`venue_closed` and a `venues.visit.cancelled.v1` event, and the re-plan of the slots.',
  })
  @ApiOkResponse({ type: VenueView })
  @ApiErrors('VENUE_ACTION_FORBIDDEN', 'VENUE_NOT_FOUND')
  addClosure(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AddClosureBody,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.addClosure, { ...body, venueId: id, actor: actorOf(user) });
  }

  @Delete(':id/closures/:date')
  @ApiOperation({ summary: 'Lift a special closure' })
  @ApiOkResponse({ type: VenueView })
  @ApiErrors('VENUE_ACTION_FORBIDDEN', 'VENUE_NOT_FOUND', 'CLOSURE_NOT_FOUND')
  removeClosure(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Param('date', localDateParam('date')) date: string,
  ): Promise<VenueView> {
    return this.rpc.send(Topics.venues.removeClosure, { venueId: id, date, actor: actorOf(user) });
  }

  @Get(':id/slots')
  @ApiOperation({
    summary: 'List the slots of a venue between two local dates',
    description:
      'At most 31 days. Each slot says its hours (profile ordinary or extended, and why) and the places left per pool.',
  })
  @ApiOkResponse({ type: [SlotView] })
  @ApiErrors('VENUE_NOT_FOUND')
  slots(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: ListSlotsParams,
  ): Promise<SlotView[]> {
    return this.rpc.send(Topics.venues.listSlots, { ...query, venueId: id, actor: actorOf(user) });
  }

  @Get(':id/inbox')
  @ApiOperation({
    summary: 'Decision inbox: pending group requests, oldest first',
    description:
      'With the group places left in each slot and a warning when other pending requests of the ' +
      'slot wait on a pool with nothing left. Pending requests hold their places. ' +
      'VENUE_NOT_FOUND: not your venue.',
  })
  @ApiOkResponse({ type: PageOf(InboxItem) })
  @ApiErrors('VENUE_NOT_FOUND')
  inbox(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: DecisionInboxParams,
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
    summary: 'Check a visitor in by the QR token of a confirmed booking',
    description:
      "The venue's staff. The token is an HMAC-SHA256 over booking, venue and slot start: scanners " +
      'may verify it offline. CHECKIN_TOKEN_INVALID: forged or tampered.',
  })
  @ApiOkResponse({ type: BookingView, description: 'The booking, checked in' })
  @ApiErrors(
    'CHECKIN_TOKEN_INVALID',
    'VENUE_NOT_FOUND',
    'ALREADY_CHECKED_IN',
    'BOOKING_NOT_CONFIRMED',
    'CHECKIN_WINDOW_CLOSED',
  )
  checkIn(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CheckInBody,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.checkIn, { ...body, venueId: id, actor: actorOf(user) });
  }
}
