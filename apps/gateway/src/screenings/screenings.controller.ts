import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type AttendanceDigest,
  type AttendanceHistoryEntry,
  type AttendanceMarkView,
  type Page,
  type RollCallResult,
  type ScreeningBookingView,
  type ScreeningView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  AttendanceDigestQueryDto,
  BookClassDto,
  CancelScreeningDto,
  ScreeningCheckInDto,
  CreateScreeningDto,
  ListScreeningsQueryDto,
  RollCallDto,
} from './screenings.dto.js';

const NOT_FOUND = {
  status: 404,
  type: ErrorBodyDto,
  description: 'SCREENING_NOT_FOUND (or outside your school / your bureau’s area)',
} as const;
const SCHOOL_STAFF_ONLY = {
  status: 403,
  type: ErrorBodyDto,
  description: 'SCREENING_ACTION_FORBIDDEN: the school’s staff (or platform admins) only',
} as const;

@ApiTags('screenings')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('screenings')
export class ScreeningsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary:
      'School staff schedule a screening of an approved film (school hall or partner cinema)',
    description:
      'Local date and start time in Asia/Shanghai; it ends after the running time plus a buffer.',
  })
  @ApiCreatedResponse({ description: 'The screening, with its seats' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED, FILM_NOT_APPROVED, SCREENING_IN_PAST, VENUE_ORGANISATION_UNKNOWN, ' +
      'SCREENING_NOT_ON_SCHOOL_DAY (details: date, kind holiday|weekend|vacation, name)',
  })
  @ApiResponse(SCHOOL_STAFF_ONLY)
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateScreeningDto,
  ): Promise<ScreeningView> {
    return this.rpc.send(Topics.screenings.createScreening, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'Screenings you may see: your school’s, your bureau’s area, or all (platform admins)',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListScreeningsQueryDto,
  ): Promise<Page<ScreeningView>> {
    return this.rpc.send(Topics.screenings.listScreenings, { ...query, actor: actorOf(user) });
  }

  @Get('attendance-digest')
  @ApiOperation({
    summary: 'Per student of a school: distinct films and present marks in a local-date window',
    description:
      'From the latest revision of each mark; students with only absent marks are listed with zeros. The quotas consistency check compares its ledger with it.',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCHOOL_NOT_FOUND (or outside your scope)',
  })
  digest(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: AttendanceDigestQueryDto,
  ): Promise<AttendanceDigest> {
    return this.rpc.send(Topics.screenings.attendanceDigest, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A screening with its seats left' })
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ScreeningView> {
    return this.rpc.send(Topics.screenings.getScreening, { screeningId: id, actor: actorOf(user) });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a screening before it starts; its bookings are cancelled' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse(SCHOOL_STAFF_ONLY)
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'SCREENING_NOT_OPEN' })
  cancel(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: CancelScreeningDto,
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
      'The film must suit the class’s grade; seats are never oversold; no student in two overlapping screenings.',
  })
  @ApiCreatedResponse({ description: 'The booking with its students' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED, FILM_NOT_SUITABLE_FOR_GRADE',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCREENING_NOT_FOUND, CLASS_NOT_FOUND',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'SCREENING_FULL (details.seatsLeft), SCREENING_TIME_CONFLICT (details.conflicts), STUDENTS_ALREADY_BOOKED, SCREENING_NOT_OPEN',
  })
  book(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: BookClassDto,
  ): Promise<ScreeningBookingView> {
    return this.rpc.send(Topics.screenings.bookClass, {
      ...body,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/bookings/individual')
  @ApiOperation({
    summary: 'A student books its own seat (student accounts linked to a roster student)',
    description:
      'An open screening of the student’s school whose film suits the student’s grade; seats, ' +
      'double bookings and overlaps are checked as for a class booking, and the same ' +
      'screenings.booking.created.v1 event is published.',
  })
  @ApiCreatedResponse({ description: 'The booking (one student)' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'FILM_NOT_SUITABLE_FOR_GRADE' })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'SCREENING_ACTION_FORBIDDEN: not a student account linked to a roster student',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCREENING_NOT_FOUND (or another school’s screening)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'SCREENING_FULL, SCREENING_TIME_CONFLICT, STUDENTS_ALREADY_BOOKED, SCREENING_NOT_OPEN',
  })
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
    summary: 'A student cancels its own booking before the screening starts; the seat returns',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCREENING_NOT_FOUND, SCREENING_BOOKING_NOT_FOUND (no booking of its own)',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BOOKING_NOT_CANCELLABLE' })
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
  @ApiOperation({ summary: 'The class bookings of a screening' })
  @ApiResponse(NOT_FOUND)
  bookings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ScreeningBookingView>> {
    return this.rpc.send(Topics.screenings.listBookings, {
      ...query,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/bookings/:bookingId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a class booking before the screening starts; seats return' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'SCREENING_BOOKING_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BOOKING_NOT_CANCELLABLE' })
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
      'Each new or changed mark is a new revision (history kept) and one attendance event; repeating a mark changes nothing. Open from shortly before the start until the correction window after the end closes.',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED, STUDENT_NOT_BOOKED',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'ATTENDANCE_NOT_OPEN, ATTENDANCE_CORRECTION_CLOSED (details.closedAt), SCREENING_NOT_OPEN',
  })
  rollCall(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RollCallDto,
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
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'STUDENT_NOT_BOOKED' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'ATTENDANCE_NOT_OPEN, ATTENDANCE_CORRECTION_CLOSED',
  })
  checkIn(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ScreeningCheckInDto,
  ): Promise<AttendanceMarkView> {
    return this.rpc.send(Topics.screenings.checkIn, {
      ...body,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/attendance')
  @ApiOperation({ summary: 'The marks of a screening as they stand (latest revision)' })
  @ApiResponse(NOT_FOUND)
  attendance(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AttendanceMarkView>> {
    return this.rpc.send(Topics.screenings.listAttendance, {
      ...query,
      screeningId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/attendance/history')
  @ApiOperation({ summary: 'Every mark and correction: who, when, old → new' })
  @ApiResponse(NOT_FOUND)
  history(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<AttendanceHistoryEntry>> {
    return this.rpc.send(Topics.screenings.attendanceHistory, {
      ...query,
      screeningId: id,
      actor: actorOf(user),
    });
  }
}
