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
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ComplianceReportHttpQuery,
  ComplianceReportView,
  ConsistencyCheckBody,
  ConsistencyReportView,
  CreateRuleBody,
  ListRulesHttpQuery,
  PageOf,
  PublishShortNoticesBody,
  QuotaRuleView,
  RebuildView,
  ShortNoticesView,
  StudentStandingHttpQuery,
  StudentStandingsView,
  Topics,
  type AccessTokenClaims,
  type AttendanceDigest,
  type Page,
} from '@app/contracts';
import { AppError } from '@app/errors';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { XLSX_CONTENT_TYPE } from '../http/report-format.js';
import { replyTable } from '../http/table-reply.js';
import { uuidParam } from '../http/uuid-param.js';
import { complianceReportTable } from './report-table.js';

/** Codes of a report or notice run over a scope: its rule, period and scope. */
const SCOPE_ERRORS = [
  'QUOTA_SCOPE_NOT_FOUND',
  'QUOTA_RULE_NOT_FOUND',
  'QUOTA_PERIOD_INVALID',
] as const;

/** Quotas (课时/活动定额): rules, standings, compliance reports, short notices, ledger checks. */
@ApiTags('quotas')
@ApiBearerAuth()
@Controller('quotas')
export class QuotasController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('rules')
  @ApiOperation({
    summary: 'The quota rules',
    description:
      'Public policy: any signed-in user may read them. The default counts 2 distinct films a term.',
  })
  @ApiOkResponse({ type: PageOf(QuotaRuleView) })
  listRules(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListRulesHttpQuery,
  ): Promise<Page<QuotaRuleView>> {
    return this.rpc.send(Topics.quotas.listRules, { ...query, actor: actorOf(user) });
  }

  @Post('rules')
  @ApiOperation({
    summary: 'Add a quota rule for the schools of an area (bureau and platform admins)',
    description:
      'A minimum, a maximum or both (QUOTA_RULE_INVALID otherwise, or when the maximum is below the minimum or maxGrade below minGrade); bureau admins inside their own area.',
  })
  @ApiCreatedResponse({ type: QuotaRuleView, description: 'The rule' })
  @ApiErrors('QUOTA_ACTION_FORBIDDEN', 'QUOTA_SCOPE_NOT_FOUND', 'QUOTA_RULE_INVALID')
  createRule(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateRuleBody,
  ): Promise<QuotaRuleView> {
    return this.rpc.send(Topics.quotas.createRule, { ...body, actor: actorOf(user) });
  }

  @Get('reports/compliance')
  @ApiOperation({
    summary: 'Compliance report of a class, school, county or city',
    description:
      'Counts per standing (met, on_track, short, over) and a page of the students short (list=all: every student) with name, student number and class name (never a national ID); JSON, CSV (format=csv) or Excel (format=xlsx, Chinese column headers). A term rule is read per term (2026-2027-T1), a school-year rule per school year (QUOTA_PERIOD_INVALID otherwise).',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiExtraModels(ComplianceReportView)
  @ApiOkResponse({
    description: 'The report as JSON, or a CSV or Excel download (format=csv, format=xlsx)',
    headers: {
      'Content-Disposition': {
        description: 'Downloads only: attachment; filename="quota-compliance.csv" (or .xlsx)',
        schema: { type: 'string' },
      },
    },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ComplianceReportView) } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(...SCOPE_ERRORS)
  async compliance(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ComplianceReportHttpQuery,
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
  @ApiOperation({
    summary: 'Who will miss the minimum if nothing more is booked',
    description:
      'The students whose attended plus booked stay below the minimum, with `missing`; always JSON, `list` and `format` are ignored.',
  })
  @ApiOkResponse({ type: ComplianceReportView })
  @ApiErrors(...SCOPE_ERRORS)
  forecast(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ComplianceReportHttpQuery,
  ): Promise<ComplianceReportView> {
    const { format: _format, ...rest } = query;
    return this.rpc.send(Topics.quotas.complianceReport, {
      ...rest,
      list: 'short',
      actor: actorOf(user),
    });
  }

  @Get('me/standing')
  @ApiOperation({
    summary: 'Your own standing against every rule that applies (student accounts)',
    description: 'The account must be linked to its roster student (`studentId` on the account).',
  })
  @ApiOkResponse({ type: StudentStandingsView })
  @ApiErrors('QUOTA_STUDENT_NOT_FOUND')
  myStanding(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: StudentStandingHttpQuery,
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
  @ApiOperation({ summary: "A roster student's standing against every rule that applies" })
  @ApiOkResponse({ type: StudentStandingsView })
  @ApiErrors('QUOTA_STUDENT_NOT_FOUND')
  studentStanding(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: StudentStandingHttpQuery,
  ): Promise<StudentStandingsView> {
    return this.rpc.send(Topics.quotas.studentStanding, {
      studentId: id,
      period: query.period,
      actor: actorOf(user),
    });
  }

  @Post('short-notices')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Tell the students still short in a scope',
    description:
      'A quotas.student.short.v1 event per student still short in the scope and not told yet for the rule and period (once per student, rule and period, whoever asks): `published` new, `alreadySent` told before. One of classId, schoolId, areaCode; none: your own school or area.',
  })
  @ApiAcceptedResponse({ type: ShortNoticesView })
  @ApiErrors(...SCOPE_ERRORS)
  publishShortNotices(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: PublishShortNoticesBody,
  ): Promise<ShortNoticesView> {
    return this.rpc.send(Topics.quotas.publishShortNotices, { ...body, actor: actorOf(user) });
  }

  @Post('consistency-checks')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Compare the ledger with the screenings service’s attendance for a school',
    description:
      "The ledger against the screenings service's attendance digest for a school and a local-date window: the students that differ.",
  })
  @ApiOkResponse({ type: ConsistencyReportView })
  @ApiErrors('QUOTA_SCOPE_NOT_FOUND', 'SCHOOL_NOT_FOUND', 'QUOTA_DIGEST_MISMATCH')
  async consistencyCheck(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: ConsistencyCheckBody,
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
  @ApiOperation({
    summary: 'Rebuild the ledger from the stored facts (platform admins)',
    description: 'Periods and counts recomputed from the stored facts.',
  })
  @ApiOkResponse({ type: RebuildView })
  @ApiErrors('QUOTA_ACTION_FORBIDDEN')
  rebuild(@CurrentUser() user: AccessTokenClaims): Promise<RebuildView> {
    return this.rpc.send(Topics.quotas.rebuildLedger, { actor: actorOf(user) }, 120_000);
  }
}
