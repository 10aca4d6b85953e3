import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type BookingView, type Page } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import { BookingsQueryDto, DeclineDto, GroupVisitDto, IndividualBookingDto } from './venues.dto.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'The same key from the same account returns the same booking; with another body, 409 IDEMPOTENCY_KEY_REUSED',
};

@ApiTags('bookings')
@ApiBearerAuth()
@Controller('bookings')
export class BookingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('individual')
  @ApiOperation({ summary: 'A student books one place in a slot; confirmed at once' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ description: 'Confirmed, with its QR check-in token' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      "STUDENTS_NOT_IN_SCHOOL: a linked student's roster id is not enrolled at the account's school (details.studentIds)",
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'BOOKING_BARRED (no-shows; details.barredUntil), VENUE_ACTION_FORBIDDEN',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'SLOT_FULL, SLOT_UNAVAILABLE, ALREADY_BOOKED_THAT_DAY, BOOKING_CAP_REACHED, IDEMPOTENCY_KEY_REUSED',
  })
  bookIndividual(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: IndividualBookingDto,
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
    summary: 'School staff request a group visit: pending until the venue decides',
    description:
      'Pending requests hold their places; undecided by the deadline (48 h, or the slot start) they expire.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ description: 'Pending' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'STUDENTS_NOT_IN_SCHOOL: listed ids unknown or not enrolled at your school (details.studentIds; nothing written), VALIDATION_FAILED',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'SLOT_FULL, SLOT_UNAVAILABLE, IDEMPOTENCY_KEY_REUSED',
  })
  requestGroup(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: GroupVisitDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.requestGroup, {
      ...body,
      idempotencyKey,
      actor: actorOf(user),
    });
  }

  @Get()
  @ApiOperation({ summary: 'Your bookings, latest slot first' })
  mine(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: BookingsQueryDto,
  ): Promise<Page<BookingView>> {
    return this.rpc.send(Topics.venues.listMyBookings, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A booking (its booker, its school, its venue)' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'BOOKING_NOT_FOUND' })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.getBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The booker cancels until the cut-off (2 h before the slot); places return',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'CANCELLATION_CLOSED, BOOKING_NOT_CANCELLABLE',
  })
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.cancelBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The venue confirms a pending group request' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'BOOKING_NOT_FOUND: not a request of your venue',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BOOKING_NOT_PENDING' })
  confirm(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.confirmGroup, { bookingId: id, actor: actorOf(user) });
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The venue declines a pending group request with a reason; places return',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'BOOKING_NOT_FOUND: not a request of your venue',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BOOKING_NOT_PENDING' })
  decline(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: DeclineDto,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.declineGroup, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }
}
