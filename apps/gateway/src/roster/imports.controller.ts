import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import {
  GetRosterImportParams,
  RosterImportJobView,
  StartRosterImportParams,
  Topics,
  type AccessTokenClaims,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { XLSX_CONTENT_TYPE } from '../http/report-format.js';
import { uuidParam } from '../http/uuid-param.js';
import { RosterUploads } from './roster-uploads.js';

const CSV_EXAMPLE = [
  'student_number,name,gender,date_of_birth,grade,class_name,national_id',
  '2026030201,王小明,male,2017-05-14,3,三年级2班,370102201705140012',
  '2026030202,李小红,female,2017-09-02,3,三年级2班,',
].join('\n');

@ApiTags('roster')
@ApiBearerAuth()
@Controller('roster/imports')
export class ImportsController {
  constructor(
    private readonly uploads: RosterUploads,
    private readonly rpc: RpcClient,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import a roster file (CSV or .xlsx) into your school',
    description:
      "Only the school's own staff import its roster. The file is checked row by row in the " +
      'background: good rows are imported, bad rows reported by line.',
  })
  @ApiConsumes('text/csv', XLSX_CONTENT_TYPE)
  @ApiBody({
    description:
      'The roster file as the raw body, up to 20 MiB: UTF-8 (with or without BOM) or GBK. First line a header: ' +
      'student_number, name, gender (male/female, 男/女), date_of_birth (YYYY-MM-DD or YYYY/M/D), grade (optional, 1–12, ' +
      'must match the class), class_name (a class of the school in that school year), national_id (optional). ' +
      'Chinese headers 学号, 姓名, 性别, 出生日期, 年级, 班级, 身份证号 work too. Good rows are imported and bad rows ' +
      'reported by line; importing a file again changes only what changed (upsert by student number). An .xlsx workbook ' +
      '(Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) works too: its first worksheet, ' +
      'same headers, row N reported as line N, dates as dates or text.',
    schema: { type: 'string', example: CSV_EXAMPLE },
  })
  @ApiAcceptedResponse({
    type: RosterImportJobView,
    description: 'Queued: follow it at GET /roster/imports/{jobId}',
  })
  @ApiErrors(
    'MALFORMED_REQUEST',
    'ROSTER_IMPORT_INVALID_UPLOAD',
    'ROSTER_IMPORT_TOO_LARGE',
    'PAYLOAD_TOO_LARGE',
    'FORBIDDEN',
    'SCHOOL_NOT_FOUND',
  )
  start(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: StartRosterImportParams,
    @Req() request: Request,
  ): Promise<RosterImportJobView> {
    return this.uploads.upload(user, query, request);
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'Follow a roster import' })
  @ApiOkResponse({
    type: RosterImportJobView,
    description:
      'Status (queued, running, done, failed), progress, counts and a page of rejected lines (?page=&pageSize=)',
  })
  @ApiErrors('ROSTER_IMPORT_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('jobId', uuidParam('jobId')) jobId: string,
    @Query() query: GetRosterImportParams,
  ): Promise<RosterImportJobView> {
    return this.rpc.send(Topics.roster.getImport, { ...query, jobId, actor: actorOf(user) });
  }
}
