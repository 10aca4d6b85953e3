import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Post,
  Query,
  Res,
  type StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Topics,
  type AccessTokenClaims,
  type BureauReportView,
  type CentreReportView,
  type MentorView,
  type Page,
  type TrainingEnrolmentView,
  type TrainingView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { ApiReportOkResponse } from '../http/report-format.js';
import { replyTable } from '../http/table-reply.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  BureauReportQueryDto,
  CentreReportQueryDto,
  CreateMentorDto,
  CreateTrainingDto,
  EnrolInTrainingDto,
  RecordAttendanceDto,
  UpdateMentorDto,
} from './employment-aid.dto.js';
import {
  BureauReportResponseDto,
  CentreReportResponseDto,
  MentorPageDto,
  MentorResponseDto,
  TrainingEnrolmentResponseDto,
  TrainingResponseDto,
} from './employment-aid-responses.dto.js';
import { bureauReportTable, centreReportTable } from './report-table.js';

const STAFF_ONLY = {
  status: 403,
  type: ErrorBodyDto,
  description: 'FORBIDDEN: career-centre staff only',
} as const;

/** What a career centre keeps: mentors, training sessions and its report. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('employment-aid')
export class CentreController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('mentors')
  @ApiCreatedResponse({
    type: MentorResponseDto,
    description: 'A mentor profile of your university',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED or MENTOR_ACCOUNT_NOT_ELIGIBLE (role cannot mentor)',
  })
  @ApiResponse(STAFF_ONLY)
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ACCOUNT_NOT_FOUND: the account belongs to another university',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'MENTOR_ACCOUNT_TAKEN' })
  createMentor(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateMentorDto,
  ): Promise<MentorView> {
    return this.rpc.send(Topics.employmentAid.createMentor, { ...body, actor: actorOf(user) });
  }

  @Get('mentors')
  @ApiOkResponse({ type: MentorPageDto, description: 'Mentors of your university with their load' })
  @ApiResponse(STAFF_ONLY)
  listMentors(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: PageQueryDto,
  ): Promise<Page<MentorView>> {
    return this.rpc.send(Topics.employmentAid.listMentors, { ...query, actor: actorOf(user) });
  }

  @Get('mentors/:id')
  @ApiOkResponse({
    type: MentorResponseDto,
    description: 'A mentor (staff of the university, or the mentor themself)',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'MENTOR_NOT_FOUND' })
  getMentor(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<MentorView> {
    return this.rpc.send(Topics.employmentAid.getMentor, { mentorId: id, actor: actorOf(user) });
  }

  @Patch('mentors/:id')
  @ApiOkResponse({
    type: MentorResponseDto,
    description:
      'Updated. Staff change anything; the mentor themself only availability and sharedContact',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'INVALID_CAPACITY: below the active mentees',
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'FORBIDDEN: a mentor changing more than what they share',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'MENTOR_NOT_FOUND' })
  updateMentor(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateMentorDto,
  ): Promise<MentorView> {
    return this.rpc.send(Topics.employmentAid.updateMentor, {
      ...body,
      mentorId: id,
      actor: actorOf(user),
    });
  }

  @Post('trainings')
  @ApiCreatedResponse({
    type: TrainingResponseDto,
    description: 'A training session with its places',
  })
  @ApiResponse(STAFF_ONLY)
  createTraining(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateTrainingDto,
  ): Promise<TrainingView> {
    return this.rpc.send(Topics.employmentAid.createTraining, { ...body, actor: actorOf(user) });
  }

  @Get('trainings/:id')
  @ApiOkResponse({ type: TrainingResponseDto, description: 'The session with its places left' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'TRAINING_NOT_FOUND' })
  getTraining(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<TrainingView> {
    return this.rpc.send(Topics.employmentAid.getTraining, {
      trainingId: id,
      actor: actorOf(user),
    });
  }

  @Post('trainings/:id/enrolments')
  @ApiCreatedResponse({ type: TrainingEnrolmentResponseDto, description: 'Enrolled' })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'TRAINING_NOT_FOUND or GRADUATE_NOT_FOUND',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'TRAINING_FULL or ALREADY_ENROLLED',
  })
  enrol(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: EnrolInTrainingDto,
  ): Promise<TrainingEnrolmentView> {
    return this.rpc.send(Topics.employmentAid.enrolInTraining, {
      ...body,
      trainingId: id,
      actor: actorOf(user),
    });
  }

  @Post('trainings/:id/attendance')
  @ApiCreatedResponse({ type: TrainingEnrolmentResponseDto, description: 'Attendance recorded' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'NOT_ENROLLED' })
  attendance(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RecordAttendanceDto,
  ): Promise<TrainingEnrolmentView> {
    return this.rpc.send(Topics.employmentAid.recordAttendance, {
      ...body,
      trainingId: id,
      actor: actorOf(user),
    });
  }

  @Get('reports/centre')
  @ApiReportOkResponse(
    'Graduates in need, shares assigned, contacted within the alert window and employed, median days to employment; JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers)',
    CentreReportResponseDto,
  )
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'UNIVERSITY_NOT_FOUND' })
  async centreReport(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: CentreReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CentreReportView | string | StreamableFile> {
    const report = await this.rpc.send<CentreReportView>(Topics.employmentAid.centreReport, {
      universityId: query.universityId,
      actor: actorOf(user),
    });
    if (query.format === undefined || query.format === 'json') return report;
    return replyTable(res, query.format, centreReportTable(report));
  }

  @Get('reports/bureau')
  @ApiReportOkResponse(
    'The centre report of every university under the bureau and their totals; JSON, CSV (format=csv) or Excel (format=xlsx)',
    BureauReportResponseDto,
  )
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: admins only' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'BUREAU_NOT_FOUND' })
  async bureauReport(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: BureauReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BureauReportView | string | StreamableFile> {
    const report = await this.rpc.send<BureauReportView>(Topics.employmentAid.bureauReport, {
      bureauId: query.bureauId,
      actor: actorOf(user),
    });
    if (query.format === undefined || query.format === 'json') return report;
    return replyTable(res, query.format, bureauReportTable(report));
  }
}
