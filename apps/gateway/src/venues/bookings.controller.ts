import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  BookIndividualBody,
  BookingView,
  DeclineGroupBody,
  ListMyBookingsParams,
  PageOf,
  RequestGroupVisitBody,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

/** The `Idempotency-Key` header of the booking routes (slots and activities). */
export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'The same key from the same account returns the same booking; with another body, 409 IDEMPOTENCY_KEY_REUSED',
};

/** Bookings of slots and activities: made here (slots) or under /venues/activities, then handled here. */
@ApiTags('bookings')
@ApiBearerAuth()
@Controller('venues/bookings')
export class BookingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('individual')
  @ApiOperation({
    summary: 'Book one place in a slot (students); confirmed at once',
    description:
      "BOOKING_BARRED after no-shows (details.barredUntil). STUDENTS_NOT_IN_SCHOOL: a linked student's " +
      "roster id is not enrolled at the account's school (details.studentIds).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: BookingView, description: 'Confirmed, with its QR check-in token' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'BOOKING_BARRED',
    'VENUE_ACTION_FORBIDDEN',
    'SLOT_NOT_FOUND',
    'SLOT_FULL',
    'SLOT_UNAVAILABLE',
    'ALREADY_BOOKED_THAT_DAY',
    'BOOKING_CAP_REACHED',
    'IDEMPOTENCY_KEY_REUSED',
  )
  bookIndividual(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: BookIndividualBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.bookIndividual, {
      ...body,
      idempotencyKey,
      actor: actorOf(user),
    });
  }

  @Post('group')
  @ApiOperation({
    summary: 'Request a group visit (school staff); pending until the venue decides',
    description:
      'Pending requests hold their places; undecided by the deadline (48 h, or the slot start) they expire. ' +
      'STUDENTS_NOT_IN_SCHOOL: listed ids unknown or not enrolled at your school (details.studentIds; nothing written).',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: BookingView, description: 'Pending' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'VENUE_ACTION_FORBIDDEN',
    'SLOT_NOT_FOUND',
    'SLOT_FULL',
    'SLOT_UNAVAILABLE',
    'IDEMPOTENCY_KEY_REUSED',
  )
  requestGroup(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: RequestGroupVisitBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.requestGroup, {
      ...body,
      idempotencyKey,
      actor: actorOf(user),
    });
  }

  @Get()
  @ApiOperation({ summary: 'List your bookings, latest slot first' })
  @ApiOkResponse({ type: PageOf(BookingView) })
  mine(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListMyBookingsParams,
  ): Promise<Page<BookingView>> {
    return this.rpc.send(Topics.venues.listMyBookings, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a booking',
    description: 'Its booker, its school and its venue see it.',
  })
  @ApiOkResponse({ type: BookingView })
  @ApiErrors('BOOKING_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.getBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a booking (its booker)',
    description: 'Until the cut-off (2 h before the slot); the places return.',
  })
  @ApiOkResponse({ type: BookingView, description: 'Cancelled' })
  @ApiErrors(
    'VENUE_ACTION_FORBIDDEN',
    'BOOKING_NOT_FOUND',
    'CANCELLATION_CLOSED',
    'BOOKING_NOT_CANCELLABLE',
  )
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.cancelBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a pending group request (the venue)',
    description: 'BOOKING_NOT_FOUND: not a request of your venue.',
  })
  @ApiOkResponse({ type: BookingView, description: 'Confirmed, with its QR check-in token' })
  @ApiErrors('VENUE_ACTION_FORBIDDEN', 'BOOKING_NOT_FOUND', 'BOOKING_NOT_PENDING')
  confirm(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.confirmGroup, { bookingId: id, actor: actorOf(user) });
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline a pending group request with a reason (the venue)',
    description: 'The places return. BOOKING_NOT_FOUND: not a request of your venue.',
  })
  @ApiOkResponse({ type: BookingView, description: 'Declined' })
  @ApiErrors('VENUE_ACTION_FORBIDDEN', 'BOOKING_NOT_FOUND', 'BOOKING_NOT_PENDING')
  decline(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: DeclineGroupBody,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.declineGroup, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }
}
