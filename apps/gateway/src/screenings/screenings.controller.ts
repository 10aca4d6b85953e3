import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AttendanceDigest,
  AttendanceDigestHttpQuery,
  AttendanceHistoryEntry,
  AttendanceMarkView,
  BookClassBody,
  CancelScreeningBody,
  CreateScreeningBody,
  ListAttendanceHttpQuery,
  ListScreeningBookingsHttpQuery,
  ListScreeningsHttpQuery,
  PageOf,
  RollCallBody,
  RollCallResult,
  ScreeningBookingView,
  ScreeningCheckInBody,
  ScreeningView,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

/** Codes of a change to a screening the school runs: out of scope (404) or read-only (403). */
const RUN_SCREENING = ['SCREENING_NOT_FOUND', 'SCREENING_ACTION_FORBIDDEN'] as const;
/** A seat taken: grade, double booking, overlap, seats, open screening. */
const BOOKING_RULES = [
  'SCREENING_NOT_OPEN',
  'FILM_NOT_SUITABLE_FOR_GRADE',
  'STUDENTS_ALREADY_BOOKED',
  'SCREENING_TIME_CONFLICT',
  'SCREENING_FULL',
] as const;
const ATTENDANCE_RULES = [
  'SCREENING_NOT_OPEN',
  'ATTENDANCE_NOT_OPEN',
  'ATTENDANCE_CORRECTION_CLOSED',
  'STUDENT_NOT_BOOKED',
] as const;

@ApiTags('screenings')
@ApiBearerAuth()
@Controller('screenings')
export class ScreeningsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary:
      'Schedule a screening of an approved film (school staff; school hall or partner cinema)',
    description:
      'Local date and start time in Asia/Shanghai; it ends after the running time plus a buffer. ' +
      'A date that is not a school day of the school’s area is refused with ' +
      'SCREENING_NOT_ON_SCHOOL_DAY (details: date, kind holiday|weekend|vacation, name) unless ' +
      '`allowNonSchoolDay` is true.',
  })
  @ApiCreatedResponse({ type: ScreeningView, description: 'The screening, with its seats' })
  @ApiErrors(
    'SCREENING_ACTION_FORBIDDEN',
    'SCHOOL_NOT_FOUND',
    'FILM_NOT_FOUND',
    'FILM_NOT_APPROVED',
    'SCREENING_IN_PAST',
    'VENUE_ORGANISATION_UNKNOWN',
    'SCREENING_NOT_ON_SCHOOL_DAY',
  )
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateScreeningBody,
  ): Promise<ScreeningView> {
    return this.rpc.send(Topics.screenings.createScreening, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'Screenings you may see',
    description:
      'Your school’s, your bureau’s area, or all (platform admins); filtered by school, film and local dates.',
  })
  @ApiOkResponse({ type: PageOf(ScreeningView) })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListScreeningsHttpQuery,
  ): Promise<Page<ScreeningView>> {
    return this.rpc.send(Topics.screenings.listScreenings, { ...query, actor: actorOf(user) });
  }

  @Get('attendance-digest')
  @ApiOperation({
    summary: 'Per student of a school: distinct films and present marks in a local-date window',
    description:
      'From the latest revision of each mark; students with only absent marks are listed with zeros. The quotas consistency check compares its ledger with it. A window of at most 400 days.',
  })
  @ApiOkResponse({ type: AttendanceDigest })
  @ApiErrors('SCHOOL_NOT_FOUND')
  digest(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: AttendanceDigestHttpQuery,
  ): Promise<AttendanceDigest> {
    return this.rpc.send(Topics.screenings.attendanceDigest, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A screening with its seats left' })
  @ApiOkResponse({ type: ScreeningView })
  @ApiErrors('SCREENING_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ScreeningView> {
    return this.rpc.send(Topics.screenings.getScreening, { screeningId: id, actor: actorOf(user) });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a screening',
    description:
      'Before it starts and before any attendance is recorded; its bookings are cancelled.',
  })
  @ApiOkResponse({ type: ScreeningView, description: 'The cancelled screening' })
  @ApiErrors(...RUN_SCREENING, 'SCREENING_NOT_OPEN')
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CancelScreeningBody,
  ): Promise<ScreeningView> {
    return this.rpc.send(Topics.screenings.cancelScreening, {
      ...body,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/bookings')
  @ApiOperation({
    summary: 'Book a whole class (its current students) or some of its students',
    description:
      'The film must suit the class’s grade; seats are never oversold (SCREENING_FULL: details.seatsLeft); ' +
      'no student in two overlapping screenings (SCREENING_TIME_CONFLICT: details.conflicts).',
  })
  @ApiCreatedResponse({ type: ScreeningBookingView, description: 'The booking with its students' })
  @ApiErrors(...RUN_SCREENING, 'CLASS_NOT_FOUND', ...BOOKING_RULES)
  book(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: BookClassBody,
  ): Promise<ScreeningBookingView> {
    return this.rpc.send(Topics.screenings.bookClass, {
      ...body,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/bookings/individual')
  @ApiOperation({
    summary: 'Book your own seat (student accounts linked to a roster student)',
    description:
      'An open screening of the student’s school whose film suits the student’s grade; seats, ' +
      'double bookings and overlaps are checked as for a class booking, and the same ' +
      'screenings.booking.created.v1 event is published. Another school’s screening: 404; ' +
      'an account that is not a linked student: 403.',
  })
  @ApiCreatedResponse({ type: ScreeningBookingView, description: 'The booking (one student)' })
  @ApiErrors(...RUN_SCREENING, ...BOOKING_RULES)
  bookIndividual(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ScreeningBookingView> {
    return this.rpc.send(Topics.screenings.bookIndividual, {
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Delete(':id/bookings/individual')
  @ApiOperation({
    summary: 'Cancel your own booking (student accounts)',
    description:
      'Before the screening starts and before attendance is recorded; the seat returns. ' +
      'SCREENING_BOOKING_NOT_FOUND: no booking of your own.',
  })
  @ApiOkResponse({ type: ScreeningBookingView, description: 'The cancelled booking' })
  @ApiErrors(...RUN_SCREENING, 'SCREENING_BOOKING_NOT_FOUND', 'BOOKING_NOT_CANCELLABLE')
  cancelIndividual(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ScreeningBookingView> {
    return this.rpc.send(Topics.screenings.cancelIndividual, {
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/bookings')
  @ApiOperation({ summary: 'The bookings of a screening' })
  @ApiOkResponse({ type: PageOf(ScreeningBookingView) })
  @ApiErrors('SCREENING_NOT_FOUND')
  bookings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: ListScreeningBookingsHttpQuery,
  ): Promise<Page<ScreeningBookingView>> {
    return this.rpc.send(Topics.screenings.listBookings, {
      ...query,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/bookings/:bookingId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a class booking',
    description: 'Before the screening starts and before attendance is recorded; the seats return.',
  })
  @ApiOkResponse({ type: ScreeningBookingView, description: 'The cancelled booking' })
  @ApiErrors(...RUN_SCREENING, 'SCREENING_BOOKING_NOT_FOUND', 'BOOKING_NOT_CANCELLABLE')
  cancelBooking(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Param('bookingId', uuidParam('bookingId')) bookingId: string,
  ): Promise<ScreeningBookingView> {
    return this.rpc.send(Topics.screenings.cancelBooking, {
      screeningId: id,
      bookingId,
      actor: actorOf(user),
    });
  }

  @Post(':id/roll-call')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark booked students present or absent in one request',
    description:
      'Each new or changed mark is a new revision (history kept) and one attendance event; repeating a mark changes nothing. Open from shortly before the start until the correction window after the end closes (ATTENDANCE_CORRECTION_CLOSED: details.closedAt).',
  })
  @ApiOkResponse({ type: RollCallResult })
  @ApiErrors(...RUN_SCREENING, ...ATTENDANCE_RULES)
  rollCall(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RollCallBody,
  ): Promise<RollCallResult> {
    return this.rpc.send(Topics.screenings.recordRollCall, {
      ...body,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/check-ins')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check one booked student in (marked present)' })
  @ApiOkResponse({ type: AttendanceMarkView, description: 'The student’s mark' })
  @ApiErrors(...RUN_SCREENING, ...ATTENDANCE_RULES)
  checkIn(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ScreeningCheckInBody,
  ): Promise<AttendanceMarkView> {
    return this.rpc.send(Topics.screenings.checkIn, {
      ...body,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/attendance')
  @ApiOperation({ summary: 'The marks of a screening as they stand (latest revision)' })
  @ApiOkResponse({ type: PageOf(AttendanceMarkView) })
  @ApiErrors('SCREENING_NOT_FOUND')
  attendance(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: ListAttendanceHttpQuery,
  ): Promise<Page<AttendanceMarkView>> {
    return this.rpc.send(Topics.screenings.listAttendance, {
      ...query,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/attendance/history')
  @ApiOperation({ summary: 'Every mark and correction of a screening: who, when, old → new' })
  @ApiOkResponse({ type: PageOf(AttendanceHistoryEntry) })
  @ApiErrors('SCREENING_NOT_FOUND')
  history(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: ListAttendanceHttpQuery,
  ): Promise<Page<AttendanceHistoryEntry>> {
    return this.rpc.send(Topics.screenings.attendanceHistory, {
      ...query,
      screeningId: id,
      actor: actorOf(user),
    });
  }
}
