import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ActivityView,
  BookingView,
  CancelActivityBody,
  CreateActivityBody,
  PageOf,
  RequestActivityGroupBody,
  SearchActivitiesParams,
  Topics,
  UpdateActivityBody,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';
import { IDEMPOTENCY_HEADER } from './bookings.controller.js';

const RUN_DOC =
  'Outside your venue (or area): 404 VENUE_NOT_FOUND / ACTIVITY_NOT_FOUND; roles that never manage ' +
  'venues: 403 VENUE_ACTION_FORBIDDEN.';

/**
 * Activities at venues (workshops, guided tours, shows): their venue's staff schedule them;
 * everyone signed in finds them; students and schools book them like slots, and the
 * bookings are then handled under /venues/bookings (cancel, confirm, decline, check-in).
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller('venues')
export class ActivitiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/activities')
  @ApiOperation({
    summary: 'Schedule an activity at a venue',
    description:
      'Its staff, or an admin of its area. Local date and times in Asia/Shanghai (stored as UTC ' +
      'instants); places in an individual and a group pool, as for slots; a student price only at ' +
      "a venue of a priced category. Within the venue's opening hours that day, after its area's " +
      'calendar (holiday and vacation hours) and its special closures: else ' +
      "ACTIVITY_OUTSIDE_OPENING_HOURS with the day's hours in `details` (`opens`, `closes`, `closed`). " +
      RUN_DOC,
  })
  @ApiCreatedResponse({ type: ActivityView, description: 'The activity, with its places left' })
  @ApiErrors(
    'STUDENT_PRICE_NOT_ALLOWED',
    'ACTIVITY_SCHEDULE_INVALID',
    'ACTIVITY_OUTSIDE_OPENING_HOURS',
    'VENUE_ACTION_FORBIDDEN',
    'VENUE_NOT_FOUND',
  )
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateActivityBody,
  ): Promise<ActivityView> {
    return this.rpc.send(Topics.venues.createActivity, {
      ...body,
      venueId: id,
      actor: actorOf(user),
    });
  }

  @Get('activities')
  @ApiOperation({
    summary: 'Find activities',
    description:
      'By venue, area, dates, kind and grade; any signed-in user. Scheduled activities from today ' +
      'on, earliest first, with their places left; `to` at most a year after `from` ' +
      '(else ACTIVITY_SCHEDULE_INVALID).',
  })
  @ApiOkResponse({ type: PageOf(ActivityView) })
  @ApiErrors('ACTIVITY_SCHEDULE_INVALID')
  search(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: SearchActivitiesParams,
  ): Promise<Page<ActivityView>> {
    return this.rpc.send(Topics.venues.searchActivities, { ...query, actor: actorOf(user) });
  }

  @Get('activities/:id')
  @ApiOperation({ summary: 'Get an activity, with its places left' })
  @ApiOkResponse({ type: ActivityView })
  @ApiErrors('ACTIVITY_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ActivityView> {
    return this.rpc.send(Topics.venues.getActivity, { activityId: id, actor: actorOf(user) });
  }

  @Patch('activities/:id')
  @ApiOperation({
    summary: 'Change an activity before it starts',
    description:
      'Date and times only while no place is taken (else cancel it and schedule another), ' +
      "within the venue's opening hours that day; capacities never below the places taken. " +
      RUN_DOC,
  })
  @ApiOkResponse({ type: ActivityView })
  @ApiErrors(
    'STUDENT_PRICE_NOT_ALLOWED',
    'ACTIVITY_SCHEDULE_INVALID',
    'ACTIVITY_OUTSIDE_OPENING_HOURS',
    'VENUE_ACTION_FORBIDDEN',
    'ACTIVITY_NOT_FOUND',
    'ACTIVITY_HAS_BOOKINGS',
    'ACTIVITY_CAPACITY_BELOW_TAKEN',
    'ACTIVITY_CANCELLED',
    'ACTIVITY_STARTED',
  )
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateActivityBody,
  ): Promise<ActivityView> {
    return this.rpc.send(Topics.venues.updateActivity, {
      ...body,
      activityId: id,
      actor: actorOf(user),
    });
  }

  @Post('activities/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an activity before it starts',
    description:
      'Its pending and confirmed bookings become cancelled with `cancelReason`, each with a ' +
      '`venues.visit.cancelled.v1` event; waiting-list entries end. ' +
      RUN_DOC,
  })
  @ApiOkResponse({ type: ActivityView, description: 'Cancelled' })
  @ApiErrors(
    'VENUE_ACTION_FORBIDDEN',
    'ACTIVITY_NOT_FOUND',
    'ACTIVITY_CANCELLED',
    'ACTIVITY_STARTED',
  )
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CancelActivityBody,
  ): Promise<ActivityView> {
    return this.rpc.send(Topics.venues.cancelActivity, {
      ...body,
      activityId: id,
      actor: actorOf(user),
    });
  }

  @Post('activities/:id/bookings/individual')
  @ApiOperation({
    summary: 'Book one place of an activity (students); confirmed at once',
    description:
      'The rules of slots: the individual pool, one activity booking per venue and day, the ' +
      '30-day cap and the no-show bar. Cancel, check in and see it under /venues/bookings. ' +
      "STUDENTS_NOT_IN_SCHOOL: a linked student's roster id is not enrolled at the account's school (details.studentIds).",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({
    type: BookingView,
    description: 'Confirmed, with its QR check-in token and activityId',
  })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'BOOKING_BARRED',
    'VENUE_ACTION_FORBIDDEN',
    'ACTIVITY_NOT_FOUND',
    'ACTIVITY_FULL',
    'ACTIVITY_CANCELLED',
    'ACTIVITY_STARTED',
    'ALREADY_BOOKED_THAT_DAY',
    'BOOKING_CAP_REACHED',
    'IDEMPOTENCY_KEY_REUSED',
  )
  book(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.bookActivity, {
      activityId: id,
      idempotencyKey,
      actor: actorOf(user),
    });
  }

  @Post('activities/:id/bookings/group')
  @ApiOperation({
    summary: 'Request places in an activity for a group (school staff); pending until decided',
    description:
      'Pending requests hold their places; the venue confirms or declines them from its decision inbox. ' +
      'STUDENTS_NOT_IN_SCHOOL: listed ids unknown or not enrolled at your school (details.studentIds; nothing written).',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ type: BookingView, description: 'Pending' })
  @ApiErrors(
    'STUDENTS_NOT_IN_SCHOOL',
    'VENUE_ACTION_FORBIDDEN',
    'ACTIVITY_NOT_FOUND',
    'ACTIVITY_FULL',
    'ACTIVITY_CANCELLED',
    'ACTIVITY_STARTED',
    'IDEMPOTENCY_KEY_REUSED',
  )
  requestGroup(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RequestActivityGroupBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<BookingView> {
    return this.rpc.send(Topics.venues.requestActivityGroup, {
      ...body,
      activityId: id,
      idempotencyKey,
      actor: actorOf(user),
    });
  }
}
