import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
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
  type AttendanceDigest,
  type ComplianceReportView,
  type ConsistencyReportView,
  type Page,
  type QuotaRuleView,
  type RebuildView,
  type ShortNoticesView,
  type StudentStandingsView,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { ApiReportOkResponse } from '../http/report-format.js';
import { replyTable } from '../http/table-reply.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  ComplianceQueryDto,
  ConsistencyCheckDto,
  CreateQuotaRuleDto,
  QuotaScopeDto,
  StandingQueryDto,
} from './quotas.dto.js';
import { complianceReportTable } from './report-table.js';

const NOT_IN_SCOPE = {
  status: 404,
  type: ErrorBodyDto,
  description: 'QUOTA_SCOPE_NOT_FOUND: no such class, school or area in your scope',
} as const;
const BAD_PERIOD = {
  status: 400,
  type: ErrorBodyDto,
  description: 'VALIDATION_FAILED or QUOTA_PERIOD_INVALID (a term rule read per school year)',
} as const;

/** Quotas (课时/活动定额): rules, standings, compliance reports, short notices, ledger checks. */
@ApiTags('quotas')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('quotas')
export class QuotasController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('rules')
  @ApiOkResponse({ description: 'The quota rules; the default counts 2 distinct films a term' })
  listRules(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: PageQueryDto,
  ): Promise<Page<QuotaRuleView>> {
    return this.rpc.send(Topics.quotas.listRules, { ...query, actor: actorOf(user) });
  }

  @Post('rules')
  @ApiCreatedResponse({ description: 'A rule for the schools of your area' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'QUOTA_RULE_INVALID' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'QUOTA_ACTION_FORBIDDEN' })
  @ApiResponse(NOT_IN_SCOPE)
  createRule(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateQuotaRuleDto,
  ): Promise<QuotaRuleView> {
    return this.rpc.send(Topics.quotas.createRule, { ...body, actor: actorOf(user) });
  }

  @Get('reports/compliance')
  @ApiReportOkResponse(
    'Counts per standing (met, on_track, short, over) for a class, school, county or city, and a page of the students short (list=all: every student) with name, student number and class name (never a national ID); JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers)',
  )
  @ApiResponse(BAD_PERIOD)
  @ApiResponse(NOT_IN_SCOPE)
  async compliance(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ComplianceQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplianceReportView | string | StreamableFile> {
    const { format, ...rest } = query;
    const report = await this.rpc.send<ComplianceReportView>(Topics.quotas.complianceReport, {
      ...rest,
      actor: actorOf(user),
    });
    if (format === undefined || format === 'json') return report;
    return replyTable(res, format, complianceReportTable(report));
  }

  @Get('reports/forecast')
  @ApiOkResponse({
    description:
      'Who will miss the minimum if nothing more is booked: the students whose attended plus booked stay below it, with `missing`',
  })
  @ApiResponse(BAD_PERIOD)
  @ApiResponse(NOT_IN_SCOPE)
  forecast(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ComplianceQueryDto,
  ): Promise<ComplianceReportView> {
    const { format: _format, ...rest } = query;
    return this.rpc.send(Topics.quotas.complianceReport, {
      ...rest,
      list: 'short',
      actor: actorOf(user),
    });
  }

  @Get('me/standing')
  @ApiOkResponse({
    description:
      "A student's own standing: the account must be linked to its roster student (`studentId` on the account)",
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'QUOTA_STUDENT_NOT_FOUND: not a student account linked to a roster student',
  })
  myStanding(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: StandingQueryDto,
  ): Promise<StudentStandingsView> {
    const actor = actorOf(user);
    if (actor.role !== 'student' || !actor.studentId) {
      throw new AppError(
        'QUOTA_STUDENT_NOT_FOUND',
        'not_found',
        'This account is not linked to a roster student',
      );
    }
    return this.rpc.send(Topics.quotas.studentStanding, {
      studentId: actor.studentId,
      period: query.period,
      actor,
    });
  }

  @Get('students/:id/standing')
  @ApiOkResponse({ description: "A roster student's standing against every rule that applies" })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'QUOTA_STUDENT_NOT_FOUND' })
  studentStanding(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: StandingQueryDto,
  ): Promise<StudentStandingsView> {
    return this.rpc.send(Topics.quotas.studentStanding, {
      studentId: id,
      period: query.period,
      actor: actorOf(user),
    });
  }

  @Post('short-notices')
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    description:
      'A quotas.student.short.v1 event per student still short in the scope and not told yet for the rule and period (once per student, rule and period, whoever asks): `published` new, `alreadySent` told before',
  })
  @ApiResponse(BAD_PERIOD)
  @ApiResponse(NOT_IN_SCOPE)
  publishShortNotices(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: QuotaScopeDto,
  ): Promise<ShortNoticesView> {
    return this.rpc.send(Topics.quotas.publishShortNotices, { ...body, actor: actorOf(user) });
  }

  @Post('consistency-checks')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      "The ledger against the screenings service's attendance digest for a school and window: the students that differ",
  })
  @ApiResponse(NOT_IN_SCOPE)
  @ApiResponse({
    status: 504,
    type: ErrorBodyDto,
    description: 'UPSTREAM_TIMEOUT: the screenings service did not answer',
  })
  async consistencyCheck(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: ConsistencyCheckDto,
  ): Promise<ConsistencyReportView> {
    const actor = actorOf(user);
    const digest = await this.rpc.send<AttendanceDigest>(Topics.screenings.attendanceDigest, {
      ...body,
      actor,
    });
    if (digest.schoolId !== body.schoolId || digest.from !== body.from || digest.to !== body.to) {
      throw new AppError(
        'QUOTA_DIGEST_MISMATCH',
        'invalid',
        'The screenings digest answers another school or window',
        { asked: body, answered: { schoolId: digest.schoolId, from: digest.from, to: digest.to } },
      );
    }
    return this.rpc.send(Topics.quotas.compareDigest, {
      schoolId: body.schoolId,
      from: body.from,
      to: body.to,
      students: digest.students.map((s) => ({
        studentId: s.studentId,
        distinctFilms: s.distinctFilms,
        presentMarks: s.presentMarks,
      })),
      actor,
    });
  }

  @Post('ledger/rebuild')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Periods and counts recomputed from the stored facts' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'QUOTA_ACTION_FORBIDDEN' })
  rebuild(@CurrentUser() user: AccessTokenClaims): Promise<RebuildView> {
    return this.rpc.send(Topics.quotas.rebuildLedger, { actor: actorOf(user) }, 120_000);
  }
}
