import {
  applyDecorators,
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
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import {
  BureauReportHttpQuery,
  BureauReportView,
  CentreReportHttpQuery,
  CentreReportView,
  CreateMentorBody,
  CreateTrainingBody,
  EnrolInTrainingBody,
  ListMentorsHttpQuery,
  MentorView,
  PageOf,
  RecordAttendanceBody,
  Topics,
  TrainingEnrolmentView,
  TrainingView,
  UpdateMentorBody,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { REPORT_FORMATS, XLSX_CONTENT_TYPE, type ReportFormat } from '../http/report-format.js';
import { replyTable } from '../http/table-reply.js';
import { uuidParam } from '../http/uuid-param.js';
import { bureauReportTable, centreReportTable } from './report-table.js';

// The report queries add the answer's format, a gateway matter the service never sees.
const FORMAT = {
  enum: REPORT_FORMATS,
  example: 'xlsx',
  default: 'json',
  description: 'json (default), csv or xlsx (a download with Chinese column headers)',
} as const;

export class CentreReportRequest extends CentreReportHttpQuery {
  @ApiPropertyOptional(FORMAT)
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class BureauReportRequest extends BureauReportHttpQuery {
  @ApiPropertyOptional(FORMAT)
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** A report's 200: its JSON, or with `format` a CSV or .xlsx download. */
const ApiReportResponse = (json: new () => unknown, filename: string, description: string) =>
  applyDecorators(
    ApiExtraModels(json),
    ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE),
    ApiOkResponse({
      description,
      headers: {
        'Content-Disposition': {
          description: `Downloads only: attachment; filename="${filename}.csv" or "${filename}.xlsx"`,
          schema: { type: 'string' },
        },
      },
      content: {
        'application/json': { schema: { $ref: getSchemaPath(json) } },
        'text/csv': { schema: { type: 'string', format: 'binary' } },
        [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
      },
    }),
  );

/** What a career centre keeps: mentors, training sessions and its report. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@Controller('employment-aid')
export class CentreController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('mentors')
  @ApiOperation({
    summary: 'Create a mentor profile',
    description:
      'Career-centre staff, for a directory account (role mentor or career_centre_staff) of their university; one profile per account.',
  })
  @ApiCreatedResponse({ type: MentorView, description: 'A mentor profile of your university' })
  @ApiErrors(
    'FORBIDDEN',
    'ACCOUNT_NOT_FOUND',
    'MENTOR_ACCOUNT_NOT_ELIGIBLE',
    'MENTOR_ACCOUNT_TAKEN',
  )
  createMentor(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateMentorBody,
  ): Promise<MentorView> {
    return this.rpc.send(Topics.employmentAid.createMentor, { ...body, actor: actorOf(user) });
  }

  @Get('mentors')
  @ApiOperation({
    summary: 'List mentors',
    description: 'Career-centre staff: the mentors of their university with their load.',
  })
  @ApiOkResponse({
    type: PageOf(MentorView),
    description: 'Mentors of your university with their load',
  })
  @ApiErrors('FORBIDDEN')
  listMentors(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListMentorsHttpQuery,
  ): Promise<Page<MentorView>> {
    return this.rpc.send(Topics.employmentAid.listMentors, { ...query, actor: actorOf(user) });
  }

  @Get('mentors/:id')
  @ApiOperation({
    summary: 'Get a mentor',
    description: 'Staff of the mentor’s university, or the mentor themself.',
  })
  @ApiOkResponse({
    type: MentorView,
    description: 'A mentor (staff of the university, or the mentor themself)',
  })
  @ApiErrors('MENTOR_NOT_FOUND')
  getMentor(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<MentorView> {
    return this.rpc.send(Topics.employmentAid.getMentor, { mentorId: id, actor: actorOf(user) });
  }

  @Patch('mentors/:id')
  @ApiOperation({
    summary: 'Update a mentor profile',
    description:
      'Staff of the university change anything; the mentor themself only availability and sharedContact. Capacity cannot go below the active mentees.',
  })
  @ApiOkResponse({
    type: MentorView,
    description:
      'Updated. Staff change anything; the mentor themself only availability and sharedContact',
  })
  @ApiErrors('FORBIDDEN', 'MENTOR_NOT_FOUND', 'INVALID_CAPACITY')
  updateMentor(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateMentorBody,
  ): Promise<MentorView> {
    return this.rpc.send(Topics.employmentAid.updateMentor, {
      ...body,
      mentorId: id,
      actor: actorOf(user),
    });
  }

  @Post('trainings')
  @ApiOperation({
    summary: 'Create a training session',
    description: 'Career-centre staff, for their university.',
  })
  @ApiCreatedResponse({ type: TrainingView, description: 'A training session with its places' })
  @ApiErrors('FORBIDDEN')
  createTraining(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateTrainingBody,
  ): Promise<TrainingView> {
    return this.rpc.send(Topics.employmentAid.createTraining, { ...body, actor: actorOf(user) });
  }

  @Get('trainings/:id')
  @ApiOperation({
    summary: 'Get a training session',
    description: 'Anyone of its university.',
  })
  @ApiOkResponse({ type: TrainingView, description: 'The session with its places left' })
  @ApiErrors('TRAINING_NOT_FOUND')
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
  @ApiOperation({
    summary: 'Enrol a graduate in a training session',
    description:
      'Staff enrol any graduate of their university, a mentor their mentee; the places never overbook.',
  })
  @ApiCreatedResponse({ type: TrainingEnrolmentView, description: 'Enrolled' })
  @ApiErrors('TRAINING_NOT_FOUND', 'GRADUATE_NOT_FOUND', 'TRAINING_FULL', 'ALREADY_ENROLLED')
  enrol(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: EnrolInTrainingBody,
  ): Promise<TrainingEnrolmentView> {
    return this.rpc.send(Topics.employmentAid.enrolInTraining, {
      ...body,
      trainingId: id,
      actor: actorOf(user),
    });
  }

  @Post('trainings/:id/attendance')
  @ApiOperation({
    summary: 'Record attendance at a training session',
    description: 'Career-centre staff of its university, for an enrolled graduate.',
  })
  @ApiCreatedResponse({ type: TrainingEnrolmentView, description: 'Attendance recorded' })
  @ApiErrors('FORBIDDEN', 'TRAINING_NOT_FOUND', 'NOT_ENROLLED')
  attendance(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RecordAttendanceBody,
  ): Promise<TrainingEnrolmentView> {
    return this.rpc.send(Topics.employmentAid.recordAttendance, {
      ...body,
      trainingId: id,
      actor: actorOf(user),
    });
  }

  @Get('reports/centre')
  @ApiOperation({
    summary: "Get a career centre's report",
    description:
      'Career-centre staff read their own university; platform and bureau admins name one (in their subtree). JSON, or a download with format=csv or format=xlsx.',
  })
  @ApiReportResponse(
    CentreReportView,
    'employment-aid-report',
    'Graduates in need, shares assigned, contacted within the alert window and employed, median days to employment; JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers)',
  )
  @ApiErrors('FORBIDDEN', 'UNIVERSITY_NOT_FOUND')
  async centreReport(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: CentreReportRequest,
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
  @ApiOperation({
    summary: "Get a bureau's employment-aid report",
    description:
      "Bureau and platform admins: the centre report of every university under the bureau and their totals (a bureau admin's own bureau when bureauId is left out). JSON, or a download with format=csv or format=xlsx.",
  })
  @ApiReportResponse(
    BureauReportView,
    'employment-aid-bureau-report',
    'The centre report of every university under the bureau and their totals; JSON, CSV (format=csv) or Excel (format=xlsx)',
  )
  @ApiErrors('FORBIDDEN', 'BUREAU_NOT_FOUND')
  async bureauReport(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: BureauReportRequest,
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
