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
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  OmitType,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import {
  BOOKING_CHECK_CODES,
  BookingCheckResult,
  PageOf,
  ParticipationView,
  RateBookingBody,
  RecordParticipationBody,
  StudyTourReportQuery,
  StudyTourReportView,
  Topics,
  TourBookingBody,
  TourBookingReasonBody,
  TourBookingView,
  ListTourBookingsParams,
  type AccessTokenClaims,
  type ErrorCode,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { REPORT_FORMATS, XLSX_CONTENT_TYPE, type ReportFormat } from '../http/report-format.js';
import { replyTable } from '../http/table-reply.js';
import { uuidParam } from '../http/uuid-param.js';
import { studyTourReportTable } from './report-table.js';

/** What can refuse a draft's fields (creating or replacing it). */
const DRAFT_ERRORS: ErrorCode[] = [
  'STUDENTS_NOT_ON_ROSTER',
  'PROGRAMME_OPTION_UNKNOWN',
  'TEACHERS_LISTED_TWICE',
  'TEACHER_NOT_SCHOOL_STAFF',
  'STUDY_TOUR_ACTION_FORBIDDEN',
  'PROGRAMME_NOT_FOUND',
  'BASE_NOT_DESIGNATED',
];

const CHECKS_DESCRIPTION =
  'A failing check answers 400 with the first failing check’s code, details.fix and details.failures listing every failing check.';

/**
 * `GET /study-tours/reports?…`: the report query without the actor, plus the file format. The
 * format is the gateway's alone (the service always answers JSON).
 */
export class StudyTourReportParams extends OmitType(StudyTourReportQuery, ['actor'] as const) {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

const download = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('study-tours')
@ApiBearerAuth()
@Controller('study-tours')
export class StudyTourBookingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('bookings')
  @ApiOperation({
    summary: 'Draft a group booking',
    description:
      'School staff name a programme, a date, students, teachers and a person in charge. A draft holds no places; it is checked on submission (GET .../checks shows the checks first).',
  })
  @ApiCreatedResponse({ type: TourBookingView, description: 'The draft' })
  @ApiErrors(...DRAFT_ERRORS)
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: TourBookingBody,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.createBooking, { ...body, actor: actorOf(user) });
  }

  @Put('bookings/:id')
  @ApiOperation({ summary: "Replace a draft's fields" })
  @ApiOkResponse({ type: TourBookingView, description: 'The draft' })
  @ApiErrors(...DRAFT_ERRORS, 'STUDY_TOUR_BOOKING_NOT_FOUND', 'BOOKING_STATE_CONFLICT')
  update(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: TourBookingBody,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.updateBooking, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Get('bookings')
  @ApiOperation({
    summary: 'List study-tour bookings',
    description:
      "Bookings in your scope: your school's, your base's (once submitted), or your area's (admins).",
  })
  @ApiOkResponse({ type: PageOf(TourBookingView) })
  @ApiErrors('STUDY_TOUR_ACTION_FORBIDDEN')
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListTourBookingsParams,
  ): Promise<Page<TourBookingView>> {
    return this.rpc.send(Topics.studyTours.listBookings, { ...query, actor: actorOf(user) });
  }

  @Get('bookings/:id')
  @ApiOperation({
    summary: 'Get a booking',
    description: 'Its school, its base (once submitted) and the admins over either; others 404.',
  })
  @ApiOkResponse({ type: TourBookingView })
  @ApiErrors('STUDY_TOUR_BOOKING_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.getBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Get('bookings/:id/checks')
  @ApiOperation({
    summary: "Run a booking's checks",
    description: 'Every check, passed or not, each with its code and what would fix it.',
  })
  @ApiOkResponse({ type: [BookingCheckResult] })
  @ApiErrors('STUDY_TOUR_BOOKING_NOT_FOUND')
  checks(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BookingCheckResult[]> {
    return this.rpc.send(Topics.studyTours.checkBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit a draft',
    description:
      'The checks must pass; the booking then holds its places and goes to the base (or awaits the principal, if the school asks for it). A student is in one active booking a day (STUDENTS_ALREADY_BOOKED: details.studentIds, details.bookingId); DAY_FULL gives details.placesLeft, read when refused. ' +
      CHECKS_DESCRIPTION,
  })
  @ApiOkResponse({ type: TourBookingView, description: 'Submitted, or awaiting approval' })
  @ApiErrors(
    ...BOOKING_CHECK_CODES,
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'STUDENTS_ALREADY_BOOKED',
    'DAY_FULL',
    'DAY_CLOSED',
    'BASE_NOT_DESIGNATED',
    'BOOKING_STATE_CONFLICT',
  )
  submit(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.submitBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/waitlist')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit a draft, or queue it if a day is full',
    description:
      'Like submit, but a full day queues the booking (waitlisted: it holds its students, no places); freed places are offered in queue order. ' +
      CHECKS_DESCRIPTION,
  })
  @ApiOkResponse({
    type: TourBookingView,
    description: 'Submitted, awaiting approval, or waitlisted',
  })
  @ApiErrors(
    ...BOOKING_CHECK_CODES,
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'STUDENTS_ALREADY_BOOKED',
    'DAY_CLOSED',
    'BASE_NOT_DESIGNATED',
    'BOOKING_STATE_CONFLICT',
  )
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
    summary: 'Accept places offered from the waiting list',
    description: 'The school takes up the offer before offerUntil: the booking goes to the base.',
  })
  @ApiOkResponse({ type: TourBookingView, description: 'Submitted' })
  @ApiErrors(
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'BOOKING_STATE_CONFLICT',
  )
  acceptOffer(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.acceptOffer, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: "Approve a booking as the school's principal",
    description:
      "The principal's account only, never on a booking it drafted; the booking reaches the base and holds its places. " +
      CHECKS_DESCRIPTION,
  })
  @ApiOkResponse({ type: TourBookingView, description: 'Submitted (or waitlisted)' })
  @ApiErrors(
    ...BOOKING_CHECK_CODES,
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'SELF_APPROVAL_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'DAY_FULL',
    'DAY_CLOSED',
    'BASE_NOT_DESIGNATED',
    'BOOKING_STATE_CONFLICT',
  )
  approve(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.approveBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a submitted booking',
    description:
      "The base's staff, by decideBy (DECISION_DEADLINE_PASSED: the booking expired unanswered, details.decideBy) and while the base's designation is in force (BASE_NOT_DESIGNATED: details.bookingStatus, details.designation).",
  })
  @ApiOkResponse({ type: TourBookingView, description: 'Confirmed' })
  @ApiErrors(
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'BOOKING_STATE_CONFLICT',
    'DECISION_DEADLINE_PASSED',
    'BASE_NOT_DESIGNATED',
  )
  confirm(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.confirmBooking, { bookingId: id, actor: actorOf(user) });
  }

  @Post('bookings/:id/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Decline a submitted booking',
    description: "The base's staff, with a reason; the places return.",
  })
  @ApiOkResponse({ type: TourBookingView, description: 'Declined' })
  @ApiErrors(
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'BOOKING_STATE_CONFLICT',
  )
  decline(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: TourBookingReasonBody,
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
    summary: 'Cancel a booking',
    description:
      'The school or the base, with a reason (e.g. a weather warning), until the visit begins; the places return.',
  })
  @ApiOkResponse({ type: TourBookingView, description: 'Cancelled' })
  @ApiErrors(
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'BOOKING_STATE_CONFLICT',
  )
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: TourBookingReasonBody,
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
    summary: 'Record which listed students took part',
    description:
      "The base's staff or the school's teachers, from the day of the visit. Each new or changed mark publishes study-tours.participation.recorded.v1 (revisioned); unchanged marks publish nothing.",
  })
  @ApiOkResponse({ type: ParticipationView })
  @ApiErrors(
    'STUDENT_NOT_LISTED',
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'PARTICIPATION_NOT_OPEN',
  )
  recordParticipation(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RecordParticipationBody,
  ): Promise<ParticipationView> {
    return this.rpc.send(Topics.studyTours.recordParticipation, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Get('bookings/:id/participation')
  @ApiOperation({ summary: 'Get the participation marks of a booking' })
  @ApiOkResponse({ type: ParticipationView })
  @ApiErrors('STUDY_TOUR_BOOKING_NOT_FOUND')
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
    summary: 'Rate a visit',
    description:
      "The school's teachers, once, after participation was recorded (1–5, with a comment).",
  })
  @ApiOkResponse({ type: TourBookingView })
  @ApiErrors(
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BOOKING_NOT_FOUND',
    'RATING_NOT_OPEN',
    'ALREADY_RATED',
  )
  rate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RateBookingBody,
  ): Promise<TourBookingView> {
    return this.rpc.send(Topics.studyTours.rateBooking, {
      ...body,
      bookingId: id,
      actor: actorOf(user),
    });
  }

  @Get('reports')
  @ApiOperation({
    summary: 'Study-tour report of a bureau',
    description:
      'Bookings, participants and ratings per base and per school over a period; bureau and platform admins. JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers).',
  })
  @ApiExtraModels(StudyTourReportView)
  @ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'The report: JSON, or a CSV or Excel download',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(StudyTourReportView) } },
      'text/csv': download,
      [XLSX_CONTENT_TYPE]: download,
    },
    headers: {
      'Content-Disposition': {
        description: 'For csv and xlsx: attachment; filename="study-tours-report.<format>"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrors('STUDY_TOUR_ACTION_FORBIDDEN', 'STUDY_TOUR_BUREAU_NOT_FOUND')
  async report(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: StudyTourReportParams,
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
