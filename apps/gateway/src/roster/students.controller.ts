import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type Page,
  type StudentHistoryEntryView,
  type StudentSensitiveView,
  type StudentView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  EnrolStudentDto,
  ListStudentsQueryDto,
  MoveStudentDto,
  StudentHistoryPageDto,
  StudentPageDto,
  StudentResponseDto,
  StudentSensitiveDto,
  TransferStudentDto,
  WithdrawStudentDto,
} from './roster.dto.js';

const NOT_FOUND = {
  status: 404,
  type: ErrorBodyDto,
  description: 'STUDENT_NOT_FOUND (or outside your scope: another school is never revealed)',
} as const;
const NOT_ACTIVE = {
  status: 409,
  type: ErrorBodyDto,
  description: 'STUDENT_NOT_ACTIVE: withdrawn',
} as const;
const ADMINS_READ = {
  status: 403,
  type: ErrorBodyDto,
  description: "FORBIDDEN: only the school's own staff change its roster",
} as const;

@ApiTags('roster')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('roster/students')
export class StudentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiCreatedResponse({ type: StudentResponseDto, description: 'Enrolled; the national ID masked' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiResponse(ADMINS_READ)
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'CLASS_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'STUDENT_NUMBER_TAKEN or NATIONAL_ID_ALREADY_RECORDED',
  })
  enrol(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: EnrolStudentDto,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.enrolStudent, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOkResponse({
    type: StudentPageDto,
    description: 'Students you can see (active ones unless status says otherwise)',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCHOOL_NOT_FOUND or CLASS_NOT_FOUND',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListStudentsQueryDto,
  ): Promise<Page<StudentView>> {
    return this.rpc.send(Topics.roster.listStudents, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOkResponse({ type: StudentResponseDto })
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.getStudent, { studentId: id, actor: actorOf(user) });
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOkResponse({ type: StudentResponseDto, description: 'Moved to another class of the school' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED or INVALID_ROSTER_CHANGE (already in that class)',
  })
  @ApiResponse(ADMINS_READ)
  @ApiResponse({ ...NOT_FOUND, description: 'STUDENT_NOT_FOUND or CLASS_NOT_FOUND' })
  @ApiResponse(NOT_ACTIVE)
  move(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: MoveStudentDto,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.moveStudent, {
      ...body,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOkResponse({
    type: StudentResponseDto,
    description:
      'Transferred. Staff of the sending school may transfer to schools under the same county bureau; bureau admins within their subtree',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED or INVALID_ROSTER_CHANGE (same school)',
  })
  @ApiResponse({
    ...NOT_FOUND,
    description:
      'STUDENT_NOT_FOUND, SCHOOL_NOT_FOUND (not a school you may transfer to) or CLASS_NOT_FOUND',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'STUDENT_NOT_ACTIVE, or STUDENT_NUMBER_TAKEN at the receiving school',
  })
  transfer(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: TransferStudentDto,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.transferStudent, {
      ...body,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: StudentResponseDto, description: 'Withdrawn' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiResponse(ADMINS_READ)
  @ApiResponse(NOT_FOUND)
  @ApiResponse(NOT_ACTIVE)
  withdraw(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: WithdrawStudentDto,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.withdrawStudent, {
      ...body,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/history')
  @ApiOkResponse({
    type: StudentHistoryPageDto,
    description: 'Every enrolment, move, transfer, withdrawal and update, oldest first',
  })
  @ApiResponse(NOT_FOUND)
  history(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<StudentHistoryEntryView>> {
    return this.rpc.send(Topics.roster.studentHistory, {
      ...query,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/sensitive')
  @ApiOkResponse({
    type: StudentSensitiveDto,
    description:
      "The full national ID, for staff of the student's own school only. Every read is written to the audit log",
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'FORBIDDEN: admins see the masked value in the student record only',
  })
  @ApiResponse(NOT_FOUND)
  readSensitive(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<StudentSensitiveView> {
    return this.rpc.send(Topics.roster.readStudentSensitive, {
      studentId: id,
      actor: actorOf(user),
    });
  }
}
