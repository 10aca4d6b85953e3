import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AlertDigestView,
  AlertView,
  AssignMentorBody,
  AssignmentView,
  GraduateSensitiveView,
  GraduateView,
  LinkGraduateAccountBody,
  ListGraduatesHttpQuery,
  MentorSuggestionView,
  OutcomeView,
  PageOf,
  RecordOutcomeBody,
  RegisterGraduateBody,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

/** Graduates in need (宏志助航): registration, their account, mentors, outcomes and alerts. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@Controller('employment-aid')
export class GraduatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('graduates')
  @ApiOperation({
    summary: 'Register a graduate in need',
    description:
      "Career-centre staff of the graduate's university. The difficulty categories are stored encrypted and never echoed; accountId, when given, must be a graduate account of your university not linked to another record.",
  })
  @ApiCreatedResponse({
    type: GraduateView,
    description: 'Registered; the difficulty categories are never echoed',
  })
  @ApiErrors(
    'FORBIDDEN',
    'ACCOUNT_NOT_FOUND',
    'GRADUATE_ACCOUNT_NOT_ELIGIBLE',
    'GRADUATE_ACCOUNT_TAKEN',
  )
  register(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: RegisterGraduateBody,
  ): Promise<GraduateView> {
    return this.rpc.send(Topics.employmentAid.registerGraduate, { ...body, actor: actorOf(user) });
  }

  @Get('graduates')
  @ApiOperation({
    summary: 'List graduates in need',
    description:
      "Career-centre staff: the university's graduates in need; a mentor: their current mentees; anyone else: none.",
  })
  @ApiOkResponse({
    type: PageOf(GraduateView),
    description: 'Staff: the university’s graduates in need; a mentor: own mentees',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListGraduatesHttpQuery,
  ): Promise<Page<GraduateView>> {
    return this.rpc.send(Topics.employmentAid.listGraduates, { ...query, actor: actorOf(user) });
  }

  @Get('graduates/:id')
  @ApiOperation({
    summary: 'Get a graduate in need',
    description:
      "Staff of the graduate's university or the current mentor; anyone else gets 404 (never 403, so nothing leaks).",
  })
  @ApiOkResponse({
    type: GraduateView,
    description: 'The graduate, with follow-up alerts; never the categories',
  })
  @ApiErrors('GRADUATE_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<GraduateView> {
    return this.rpc.send(Topics.employmentAid.getGraduate, {
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/sensitive')
  @ApiOperation({
    summary: "Read a graduate's difficulty categories",
    description: "Career-centre staff of the graduate's university only; every read is audited.",
  })
  @ApiOkResponse({
    type: GraduateSensitiveView,
    description: 'The difficulty categories; every read is audited',
  })
  @ApiErrors('FORBIDDEN', 'GRADUATE_NOT_FOUND')
  sensitive(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<GraduateSensitiveView> {
    return this.rpc.send(Topics.employmentAid.readGraduateSensitive, {
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Put('graduates/:id/account')
  @ApiOperation({
    summary: "Link the graduate's own account",
    description:
      'Career-centre staff. The account (role graduate, your university) then sees this record on GET /employment-aid/me. A linked record must be unlinked first (GRADUATE_ALREADY_LINKED); an account links to one record only (GRADUATE_ACCOUNT_TAKEN).',
  })
  @ApiOkResponse({
    type: GraduateView,
    description: 'Linked: the account now sees this record on GET /employment-aid/me',
  })
  @ApiErrors(
    'FORBIDDEN',
    'GRADUATE_NOT_FOUND',
    'ACCOUNT_NOT_FOUND',
    'GRADUATE_ACCOUNT_NOT_ELIGIBLE',
    'GRADUATE_ALREADY_LINKED',
    'GRADUATE_ACCOUNT_TAKEN',
  )
  linkAccount(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: LinkGraduateAccountBody,
  ): Promise<GraduateView> {
    return this.rpc.send(Topics.employmentAid.linkGraduateAccount, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Delete('graduates/:id/account')
  @ApiOperation({
    summary: "Unlink the graduate's own account",
    description: 'Career-centre staff undo a wrong link; the account then sees nothing.',
  })
  @ApiOkResponse({ type: GraduateView, description: 'Unlinked; the account sees nothing' })
  @ApiErrors('FORBIDDEN', 'GRADUATE_NOT_FOUND')
  unlinkAccount(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<GraduateView> {
    return this.rpc.send(Topics.employmentAid.unlinkGraduateAccount, {
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Post('graduates/:id/assignments')
  @ApiOperation({
    summary: 'Assign a mentor',
    description:
      "Career-centre staff. The mentor becomes the graduate's one active mentor; a reassignment needs a reason, and a mentor at capacity takes nobody more.",
  })
  @ApiCreatedResponse({
    type: AssignmentView,
    description: 'The mentor is now the graduate’s one active mentor',
  })
  @ApiErrors(
    'FORBIDDEN',
    'GRADUATE_NOT_FOUND',
    'MENTOR_NOT_FOUND',
    'REASSIGNMENT_REASON_REQUIRED',
    'MENTOR_AT_CAPACITY',
    'MENTOR_ALREADY_ASSIGNED',
    'GRADUATE_ALREADY_HAS_MENTOR',
  )
  assign(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignMentorBody,
  ): Promise<AssignmentView> {
    return this.rpc.send(Topics.employmentAid.assignMentor, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/assignments')
  @ApiOperation({
    summary: "List a graduate's mentor assignments",
    description: 'Career-centre staff: every assignment, oldest first, with end reasons.',
  })
  @ApiOkResponse({
    type: [AssignmentView],
    description: 'Every assignment, oldest first, with end reasons',
  })
  @ApiErrors('FORBIDDEN', 'GRADUATE_NOT_FOUND')
  history(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<AssignmentView[]> {
    return this.rpc.send(Topics.employmentAid.assignmentHistory, {
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/mentor-suggestions')
  @ApiOperation({
    summary: 'Suggest mentors for a graduate',
    description:
      "Career-centre staff: the university's mentors other than the current one, best fit first (major, industries, cities), with the reasons.",
  })
  @ApiOkResponse({
    type: [MentorSuggestionView],
    description: 'Mentors, best fit first, with the reasons',
  })
  @ApiErrors('FORBIDDEN', 'GRADUATE_NOT_FOUND')
  suggest(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<MentorSuggestionView[]> {
    return this.rpc.send(Topics.employmentAid.suggestMentors, {
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Post('graduates/:id/outcomes')
  @ApiOperation({
    summary: "Record a graduate's outcome",
    description:
      "The graduate's current mentor; the career centre verifies it later. startDate lies between the registration and today (Asia/Shanghai).",
  })
  @ApiCreatedResponse({
    type: OutcomeView,
    description: 'Recorded by the current mentor; awaits verification',
  })
  @ApiErrors(
    'FORBIDDEN',
    'GRADUATE_NOT_FOUND',
    'OUTCOME_DATE_IN_FUTURE',
    'DATE_BEFORE_REGISTRATION',
  )
  recordOutcome(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RecordOutcomeBody,
  ): Promise<OutcomeView> {
    return this.rpc.send(Topics.employmentAid.recordOutcome, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/outcomes')
  @ApiOperation({ summary: "List a graduate's outcomes" })
  @ApiOkResponse({ type: [OutcomeView], description: 'Outcomes recorded, oldest first' })
  @ApiErrors('GRADUATE_NOT_FOUND')
  outcomes(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<OutcomeView[]> {
    return this.rpc.send(Topics.employmentAid.listOutcomes, {
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Post('outcomes/:id/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify an outcome',
    description: "Career-centre staff of the graduate's university; it then counts in the reports.",
  })
  @ApiOkResponse({
    type: OutcomeView,
    description: 'Verified by the career centre; counts in the reports',
  })
  @ApiErrors('FORBIDDEN', 'OUTCOME_NOT_FOUND', 'OUTCOME_ALREADY_VERIFIED')
  verifyOutcome(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<OutcomeView> {
    return this.rpc.send(Topics.employmentAid.verifyOutcome, {
      outcomeId: id,
      actor: actorOf(user),
    });
  }

  @Get('alerts')
  @ApiOperation({
    summary: 'List follow-up alerts',
    description:
      'Graduates you can see (staff: the university; a mentor: own mentees) without contact for too long or past their follow-up date.',
  })
  @ApiOkResponse({
    type: [AlertView],
    description: 'Graduates without contact for too long or past their follow-up date',
  })
  alerts(@CurrentUser() user: AccessTokenClaims): Promise<AlertView[]> {
    return this.rpc.send(Topics.employmentAid.listAlerts, { actor: actorOf(user) });
  }

  @Get('alerts/digest')
  @ApiOperation({
    summary: 'Get the alert digest',
    description: "Career-centre staff: the centre's digest, every alert grouped by mentor.",
  })
  @ApiOkResponse({
    type: AlertDigestView,
    description: "The centre's digest: every alert, grouped by mentor",
  })
  @ApiErrors('FORBIDDEN')
  digest(@CurrentUser() user: AccessTokenClaims): Promise<AlertDigestView> {
    return this.rpc.send(Topics.employmentAid.alertDigest, { actor: actorOf(user) });
  }
}
