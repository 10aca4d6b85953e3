import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  EnrolStudentBody,
  ListStudentsParams,
  MoveStudentBody,
  PageOf,
  StudentHistoryEntryView,
  StudentHistoryParams,
  StudentSensitiveView,
  StudentView,
  Topics,
  TransferStudentBody,
  WithdrawStudentBody,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

const KEEPERS = "Only the school's own staff change its roster; administrators read it.";
const NOT_REVEALED = 'A student of a school outside your scope is never revealed: 404.';

@ApiTags('roster')
@ApiBearerAuth()
@Controller('roster/students')
export class StudentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Enrol a student in a class of your school',
    description: `${KEEPERS} The national ID is stored encrypted and answered masked.`,
  })
  @ApiCreatedResponse({ type: StudentView, description: 'Enrolled; the national ID masked' })
  @ApiErrors('FORBIDDEN', 'CLASS_NOT_FOUND', 'STUDENT_NUMBER_TAKEN', 'NATIONAL_ID_ALREADY_RECORDED')
  enrol(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: EnrolStudentBody,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.enrolStudent, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'List students',
    description: 'Students you can see, active ones unless status says otherwise.',
  })
  @ApiOkResponse({ type: PageOf(StudentView) })
  @ApiErrors('SCHOOL_NOT_FOUND', 'CLASS_NOT_FOUND')
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListStudentsParams,
  ): Promise<Page<StudentView>> {
    return this.rpc.send(Topics.roster.listStudents, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a student', description: NOT_REVEALED })
  @ApiOkResponse({ type: StudentView })
  @ApiErrors('STUDENT_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.getStudent, { studentId: id, actor: actorOf(user) });
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a student to another class of the school', description: KEEPERS })
  @ApiOkResponse({ type: StudentView, description: 'Moved to another class of the school' })
  @ApiErrors(
    'INVALID_ROSTER_CHANGE',
    'FORBIDDEN',
    'STUDENT_NOT_FOUND',
    'CLASS_NOT_FOUND',
    'STUDENT_NOT_ACTIVE',
  )
  move(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: MoveStudentBody,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.moveStudent, {
      ...body,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Transfer a student to another school',
    description:
      'Staff of the sending school may transfer to schools under the same county bureau; bureau ' +
      'admins within their subtree. A school you may not transfer to answers 404 SCHOOL_NOT_FOUND.',
  })
  @ApiOkResponse({ type: StudentView, description: 'Transferred' })
  @ApiErrors(
    'INVALID_ROSTER_CHANGE',
    'FORBIDDEN',
    'STUDENT_NOT_FOUND',
    'SCHOOL_NOT_FOUND',
    'CLASS_NOT_FOUND',
    'STUDENT_NOT_ACTIVE',
    'STUDENT_NUMBER_TAKEN',
  )
  transfer(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: TransferStudentBody,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.transferStudent, {
      ...body,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a student', description: KEEPERS })
  @ApiOkResponse({ type: StudentView, description: 'Withdrawn' })
  @ApiErrors('FORBIDDEN', 'STUDENT_NOT_FOUND', 'STUDENT_NOT_ACTIVE')
  withdraw(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: WithdrawStudentBody,
  ): Promise<StudentView> {
    return this.rpc.send(Topics.roster.withdrawStudent, {
      ...body,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/history')
  @ApiOperation({
    summary: "A student's history",
    description: 'Every enrolment, move, transfer, withdrawal and update, oldest first.',
  })
  @ApiOkResponse({ type: PageOf(StudentHistoryEntryView) })
  @ApiErrors('STUDENT_NOT_FOUND')
  history(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: StudentHistoryParams,
  ): Promise<Page<StudentHistoryEntryView>> {
    return this.rpc.send(Topics.roster.studentHistory, {
      ...query,
      studentId: id,
      actor: actorOf(user),
    });
  }

  @Get(':id/sensitive')
  @ApiOperation({
    summary: "A student's full national ID",
    description:
      "For staff of the student's own school only (administrators see the masked value in the " +
      'student record). Every read is written to the audit log.',
  })
  @ApiOkResponse({ type: StudentSensitiveView })
  @ApiErrors('FORBIDDEN', 'STUDENT_NOT_FOUND')
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
