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
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type ActivityView,
  type BookingView,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  CancelActivityDto,
  CreateActivityDto,
  SearchActivitiesQueryDto,
  UpdateActivityDto,
} from './activities.dto.js';
import { GroupVisitOfActivityDto } from './venues.dto.js';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'The same key from the same account returns the same booking; with another body, 409 IDEMPOTENCY_KEY_REUSED',
};
const RUN_DOC =
  '404 VENUE_NOT_FOUND / ACTIVITY_NOT_FOUND outside your venue (or area); 403 VENUE_ACTION_FORBIDDEN for roles that never manage venues';

/**
 * Activities at venues (workshops, guided tours, shows): their venue's staff schedule them;
 * everyone signed in finds them; students and schools book them like slots, and the
 * bookings are then handled under /bookings (cancel, confirm, decline, check-in).
 */
@ApiTags('activities')
@ApiBearerAuth()
@Controller()
export class ActivitiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('venues/:id/activities')
  @ApiOperation({
    summary: 'Schedule an activity at a venue (its staff, or an admin of its area)',
    description:
      'Local date and times in Asia/Shanghai (stored as UTC instants); places in an individual ' +
      'and a group pool, as for slots; a student price only at a venue of a priced category. ' +
      "Within the venue's opening hours that day, after its area's calendar (holiday and " +
      'vacation hours) and its special closures: else ACTIVITY_OUTSIDE_OPENING_HOURS with ' +
      "the day's hours in `details` (`opens`, `closes`, `closed`).",
  })
  @ApiCreatedResponse({ description: 'The activity, with its places left' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'STUDENT_PRICE_NOT_ALLOWED, ACTIVITY_SCHEDULE_INVALID, ACTIVITY_OUTSIDE_OPENING_HOURS, VALIDATION_FAILED',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: RUN_DOC })
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CreateActivityDto,
  ): Promise<ActivityView> {
    return this.rpc.send(Topics.venues.createActivity, {
      ...body,
      venueId: id,
      actor: actorOf(user),
    });
  }

  @Get('activities')
  @ApiOperation({
    summary: 'Find activities by venue, area, dates, kind and grade (any signed-in user)',
    description: 'Scheduled activities from today on, earliest first, with their places left.',
  })
  @ApiOkResponse({ description: 'A page of activities' })
  search(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: SearchActivitiesQueryDto,
  ): Promise<Page<ActivityView>> {
    return this.rpc.send(Topics.venues.searchActivities, { ...query, actor: actorOf(user) });
  }

  @Get('activities/:id')
  @ApiOperation({ summary: 'An activity, with its places left' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'ACTIVITY_NOT_FOUND' })
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
      "within the venue's opening hours that day; capacities never below the places taken.",
  })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'as on creation' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: RUN_DOC })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'ACTIVITY_HAS_BOOKINGS, ACTIVITY_CAPACITY_BELOW_TAKEN, ACTIVITY_CANCELLED, ACTIVITY_STARTED',
  })
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateActivityDto,
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
    summary: 'Cancel an activity before it starts; its bookings are cancelled with the reason',
    description:
      'Pending and confirmed bookings become cancelled with `cancelReason`, each with a ' +
      '`venues.visit.cancelled.v1` event; waiting-list entries end.',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: RUN_DOC })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'ACTIVITY_CANCELLED, ACTIVITY_STARTED',
  })
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CancelActivityDto,
  ): Promise<ActivityView> {
    return this.rpc.send(Topics.venues.cancelActivity, {
      ...body,
      activityId: id,
      actor: actorOf(user),
    });
  }

  @Post('activities/:id/bookings/individual')
  @ApiOperation({
    summary: 'A student books one place of an activity; confirmed at once',
    description:
      'The rules of slots: the individual pool, one activity booking per venue and day, the ' +
      '30-day cap and the no-show bar. Cancel, check in and see it under /bookings.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ description: 'Confirmed, with its QR check-in token and activityId' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      "STUDENTS_NOT_IN_SCHOOL: a linked student's roster id is not enrolled at the account's school (details.studentIds)",
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'BOOKING_BARRED, VENUE_ACTION_FORBIDDEN',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'ACTIVITY_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'ACTIVITY_FULL, ACTIVITY_CANCELLED, ACTIVITY_STARTED, ALREADY_BOOKED_THAT_DAY, BOOKING_CAP_REACHED, IDEMPOTENCY_KEY_REUSED',
  })
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
    summary:
      'School staff request places in an activity for a group: pending until the venue decides',
    description:
      'Pending requests hold their places; the venue confirms or declines them from its decision inbox.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiCreatedResponse({ description: 'Pending' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'STUDENTS_NOT_IN_SCHOOL: listed ids unknown or not enrolled at your school (details.studentIds; nothing written), VALIDATION_FAILED',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'ACTIVITY_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'ACTIVITY_FULL, ACTIVITY_CANCELLED, ACTIVITY_STARTED, IDEMPOTENCY_KEY_REUSED',
  })
  requestGroup(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: GroupVisitOfActivityDto,
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
