import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Topics,
  type AccessTokenClaims,
  type BookingCheckResult,
  type Page,
  type ParticipationView,
  type StudyTourReportView,
  type TourBookingView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { ApiReportOkResponse } from '../http/report-format.js';
import { replyTable } from '../http/table-reply.js';
import { uuidParam } from '../http/uuid-param.js';
import { studyTourReportTable } from './report-table.js';
import {
  ParticipationDto,
  RatingDto,
  ReasonDto,
  ReportQueryDto,
  TourBookingDto,
  TourBookingsQueryDto,
} from './study-tours.dto.js';

const CHECK_CODES =
  'TEACHER_RATIO_NOT_MET (details.missingTeachers), GRADE_NOT_SUITED, GROUP_SIZE_OUT_OF_RANGE, DATE_OUTSIDE_DESIGNATION, ' +
  'DATE_IN_PAST, INSURANCE_INCOMPLETE, INSURANCE_PERIOD_INVALID, SAFETY_PLAN_MISSING, PARENTAL_CONSENT_MISSING, ' +
  'PARENTAL_CONSENT_DATE_INVALID: the first failing check, ' +
  'with details.fix and details.failures listing every failing check';

@ApiTags('study-tours')
@ApiBearerAuth()
@Controller('study-tours')
export class StudyTourBookingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('bookings')
  @ApiOperation({
    summary:
      'School staff draft a group booking: programme, date, students, teachers, person in charge',
    description:
      'A draft holds no places; it is checked on submission (GET .../checks shows the checks first).',
  })
  @ApiCreatedResponse({ description: 'The draft' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'STUDENTS_NOT_ON_ROSTER, PROGRAMME_OPTION_UNKNOWN, TEACHERS_LISTED_TWICE, TEACHER_NOT_SCHOOL_STAFF',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'BASE_NOT_DESIGNATED: revoked, suspended or expired',
  })
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: TourBookingDto,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.createBooking, { ...body, actor: actorOf(user) });
  }

  @Put('bookings/:id')
  @ApiOperation({ summary: "Replace a draft's fields" })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'BOOKING_STATE_CONFLICT: not a draft',
  })
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: TourBookingDto,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.updateBooking, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Get('bookings')
  @ApiOperation({
    summary:
      "Bookings in your scope: your school's, your base's (once submitted), or your area's (admins)",
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: TourBookingsQueryDto,
  ): Promise<Page<TourBookingView>> {
    return this.rpc.send(Topics.studyTours.listBookings, { ...query, actor: actorOf(user) });
  }

  @Get('bookings/:id')
  @ApiOperation({ summary: 'A booking (its school, its base, admins over either); others 404' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'STUDY_TOUR_BOOKING_NOT_FOUND' })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.getBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Get('bookings/:id/checks')
  @ApiOperation({
    summary: 'Every check of the booking, passed or not, each with its code and what would fix it',
  })
  @ApiOkResponse({ description: '[{ code, passed, message, fix, details }]' })
  checks(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingCheckResult[]> {
    return this.rpc.send(Topics.studyTours.checkBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit a draft: the checks must pass; it then holds its places (or awaits the principal, if the school asks for it)',
  })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: CHECK_CODES })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'STUDENTS_ALREADY_BOOKED (details.studentIds, details.bookingId: a student is in one active booking a day), ' +
      'DAY_FULL (details.placesLeft, read when refused), DAY_CLOSED, BASE_NOT_DESIGNATED, BOOKING_STATE_CONFLICT',
  })
  submit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.submitBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/waitlist')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit a draft, or queue it if a day is full (waitlisted: holds its students, no places); freed places are offered in queue order',
  })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: CHECK_CODES })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'STUDENTS_ALREADY_BOOKED, DAY_CLOSED, BASE_NOT_DESIGNATED, BOOKING_STATE_CONFLICT',
  })
  waitlist(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.waitlistBooking, {
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Post('bookings/:id/accept-offer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The school takes up places offered from the waiting list (before offerUntil): the booking goes to the base',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BOOKING_STATE_CONFLICT' })
  acceptOffer(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.acceptOffer, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "The school's principal account approves; the booking reaches the base and holds its places",
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description:
      'STUDY_TOUR_ACTION_FORBIDDEN (not the principal), SELF_APPROVAL_FORBIDDEN (the principal drafted it)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'DAY_FULL, DAY_CLOSED, BOOKING_STATE_CONFLICT',
  })
  approve(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.approveBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The base confirms a submitted booking' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      "BOOKING_STATE_CONFLICT, DECISION_DEADLINE_PASSED (details.decideBy: the booking expired unanswered), BASE_NOT_DESIGNATED (details.bookingStatus, details.designation: the base's designation is suspended, revoked or expired)",
  })
  confirm(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.confirmBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The base declines a submitted booking with a reason; places return' })
  decline(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReasonDto,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.declineBooking, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The school or the base cancels with a reason (e.g. a weather warning) until the day; places return',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BOOKING_STATE_CONFLICT' })
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReasonDto,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.cancelBooking, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Post('bookings/:id/participation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The base or the teachers record which listed students took part (from the day of the visit)',
    description:
      'Each new or changed mark publishes study-tours.participation.recorded.v1 (revisioned); unchanged marks publish nothing.',
  })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'STUDENT_NOT_LISTED' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'PARTICIPATION_NOT_OPEN' })
  recordParticipation(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ParticipationDto,
  ): Promise<ParticipationView> {
    return this.rpc.send(Topics.studyTours.recordParticipation, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Get('bookings/:id/participation')
  @ApiOperation({ summary: 'The participation marks of a booking' })
  participation(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ParticipationView> {
    return this.rpc.send(Topics.studyTours.getParticipation, {
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Post('bookings/:id/rating')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Teachers rate the programme once, after the visit (1–5, with a comment)',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'RATING_NOT_OPEN, ALREADY_RATED' })
  rate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RatingDto,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.rateBooking, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Get('reports')
  @ApiOperation({
    summary:
      'Bureau report: bookings, participants and ratings per base and per school over a period; JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers)',
  })
  @ApiReportOkResponse(
    'The report: JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers)',
  )
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'STUDY_TOUR_ACTION_FORBIDDEN: admins only',
  })
  async report(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StudyTourReportView | string | StreamableFile> {
    const report = await this.rpc.send<StudyTourReportView>(Topics.studyTours.report, {
      from: query.from,
      to: query.to,
      bureauId: query.bureauId,
      actor: actorOf(user),
    });
    if (query.format === undefined || query.format === 'json') return report;
    return replyTable(res, query.format, studyTourReportTable(report));
  }
}
