import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
  type AlertDigestView,
  type AlertView,
  type AssignmentView,
  type GraduateSensitiveView,
  type GraduateView,
  type MentorSuggestionView,
  type OutcomeView,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  AssignMentorDto,
  LinkGraduateAccountDto,
  ListGraduatesQueryDto,
  RecordOutcomeDto,
  RegisterGraduateDto,
} from './employment-aid.dto.js';
import {
  AlertDigestResponseDto,
  AlertResponseDto,
  AssignmentResponseDto,
  GraduatePageDto,
  GraduateResponseDto,
  GraduateSensitiveResponseDto,
  MentorSuggestionResponseDto,
  OutcomeResponseDto,
} from './employment-aid-responses.dto.js';

const NOT_FOUND = {
  status: 404,
  type: ErrorBodyDto,
  description:
    "GRADUATE_NOT_FOUND (or not yours: another university's graduate, or another mentor's mentee)",
} as const;
const ACCOUNT_NOT_FOUND = {
  status: 404,
  type: ErrorBodyDto,
  description:
    'ACCOUNT_NOT_FOUND: no such account at your university (or not announced by the directory yet)',
} as const;
const ACCOUNT_TAKEN = {
  status: 409,
  type: ErrorBodyDto,
  description: 'GRADUATE_ACCOUNT_TAKEN: the account is linked to another graduate record',
} as const;
const STAFF_ONLY = {
  status: 403,
  type: ErrorBodyDto,
  description: 'FORBIDDEN: career-centre staff only',
} as const;

@ApiTags('employment-aid')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('employment-aid')
export class GraduatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('graduates')
  @ApiCreatedResponse({
    type: GraduateResponseDto,
    description: 'Registered; the difficulty categories are never echoed',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED, or GRADUATE_ACCOUNT_NOT_ELIGIBLE: accountId is not a graduate',
  })
  @ApiResponse(STAFF_ONLY)
  @ApiResponse(ACCOUNT_NOT_FOUND)
  @ApiResponse(ACCOUNT_TAKEN)
  register(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: RegisterGraduateDto,
  ): Promise<GraduateView> {
    return this.rpc.send(Topics.employmentAid.registerGraduate, { ...body, actor: actorOf(user) });
  }

  @Get('graduates')
  @ApiOkResponse({
    type: GraduatePageDto,
    description: 'Staff: the university’s graduates in need; a mentor: own mentees',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListGraduatesQueryDto,
  ): Promise<Page<GraduateView>> {
    return this.rpc.send(Topics.employmentAid.listGraduates, { ...query, actor: actorOf(user) });
  }

  @Get('graduates/:id')
  @ApiOkResponse({
    type: GraduateResponseDto,
    description: 'The graduate, with follow-up alerts; never the categories',
  })
  @ApiResponse(NOT_FOUND)
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
  @ApiOkResponse({
    type: GraduateSensitiveResponseDto,
    description: 'The difficulty categories; every read is audited',
  })
  @ApiResponse(STAFF_ONLY)
  @ApiResponse(NOT_FOUND)
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
  @ApiOkResponse({
    type: GraduateResponseDto,
    description: 'Linked: the account now sees this record on GET /employment-aid/me',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED, or GRADUATE_ACCOUNT_NOT_ELIGIBLE: not a graduate account',
  })
  @ApiResponse(STAFF_ONLY)
  @ApiResponse({ ...NOT_FOUND, description: 'GRADUATE_NOT_FOUND or ACCOUNT_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'GRADUATE_ALREADY_LINKED (unlink first) or GRADUATE_ACCOUNT_TAKEN (linked to another graduate)',
  })
  linkAccount(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: LinkGraduateAccountDto,
  ): Promise<GraduateView> {
    return this.rpc.send(Topics.employmentAid.linkGraduateAccount, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Delete('graduates/:id/account')
  @ApiOkResponse({ type: GraduateResponseDto, description: 'Unlinked; the account sees nothing' })
  @ApiResponse(STAFF_ONLY)
  @ApiResponse(NOT_FOUND)
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
  @ApiCreatedResponse({
    type: AssignmentResponseDto,
    description: 'The mentor is now the graduate’s one active mentor',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'VALIDATION_FAILED or REASSIGNMENT_REASON_REQUIRED',
  })
  @ApiResponse(STAFF_ONLY)
  @ApiResponse({ ...NOT_FOUND, description: 'GRADUATE_NOT_FOUND or MENTOR_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'MENTOR_AT_CAPACITY, MENTOR_ALREADY_ASSIGNED or GRADUATE_ALREADY_HAS_MENTOR',
  })
  assign(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignMentorDto,
  ): Promise<AssignmentView> {
    return this.rpc.send(Topics.employmentAid.assignMentor, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/assignments')
  @ApiOkResponse({
    type: [AssignmentResponseDto],
    description: 'Every assignment, oldest first, with end reasons',
  })
  @ApiResponse(NOT_FOUND)
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
  @ApiOkResponse({
    type: [MentorSuggestionResponseDto],
    description: 'Mentors with free places, best fit first, with the reasons',
  })
  @ApiResponse(NOT_FOUND)
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
  @ApiCreatedResponse({
    type: OutcomeResponseDto,
    description: 'Recorded by the current mentor; awaits verification',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED; OUTCOME_DATE_IN_FUTURE (startDate after today, Asia/Shanghai) or DATE_BEFORE_REGISTRATION',
  })
  @ApiResponse(NOT_FOUND)
  recordOutcome(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RecordOutcomeDto,
  ): Promise<OutcomeView> {
    return this.rpc.send(Topics.employmentAid.recordOutcome, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/outcomes')
  @ApiOkResponse({ type: [OutcomeResponseDto], description: 'Outcomes recorded, oldest first' })
  @ApiResponse(NOT_FOUND)
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
  @ApiOkResponse({
    type: OutcomeResponseDto,
    description: 'Verified by the career centre; counts in the reports',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'OUTCOME_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'OUTCOME_ALREADY_VERIFIED' })
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
  @ApiOkResponse({
    type: [AlertResponseDto],
    description: 'Graduates without contact for too long or past their follow-up date',
  })
  alerts(@CurrentUser() user: AccessTokenClaims): Promise<AlertView[]> {
    return this.rpc.send(Topics.employmentAid.listAlerts, { actor: actorOf(user) });
  }

  @Get('alerts/digest')
  @ApiOkResponse({
    type: AlertDigestResponseDto,
    description: "The centre's digest: every alert, grouped by mentor",
  })
  @ApiResponse(STAFF_ONLY)
  digest(@CurrentUser() user: AccessTokenClaims): Promise<AlertDigestView> {
    return this.rpc.send(Topics.employmentAid.alertDigest, { actor: actorOf(user) });
  }
}
