import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AddGoalBody,
  AddReferralBody,
  EditSessionBody,
  GoalView,
  ListSessionsHttpQuery,
  LogSessionBody,
  PageOf,
  PlanView,
  ReferralView,
  SessionView,
  Topics,
  UpdateGoalBody,
  UpdateReferralBody,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

/** The support plan (goals, referrals) and the log of support sessions. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@Controller('employment-aid')
export class SupportController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('graduates/:id/plan')
  @ApiOperation({
    summary: "Get a graduate's support plan",
    description: "Staff of the graduate's university or the current mentor.",
  })
  @ApiOkResponse({ type: PlanView, description: 'Goals and job referrals' })
  @ApiErrors('GRADUATE_NOT_FOUND')
  plan(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<PlanView> {
    return this.rpc.send(Topics.employmentAid.getPlan, { graduateId: id, actor: actorOf(user) });
  }

  @Post('graduates/:id/plan/goals')
  @ApiOperation({
    summary: 'Add a goal to the plan',
    description: "Staff of the graduate's university or the current mentor.",
  })
  @ApiCreatedResponse({ type: GoalView, description: 'A goal or task with its due date' })
  @ApiErrors('GRADUATE_NOT_FOUND')
  addGoal(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AddGoalBody,
  ): Promise<GoalView> {
    return this.rpc.send(Topics.employmentAid.addGoal, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Patch('goals/:id')
  @ApiOperation({ summary: "Change a goal's status" })
  @ApiOkResponse({ type: GoalView, description: 'Status changed' })
  @ApiErrors('GOAL_NOT_FOUND')
  updateGoal(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateGoalBody,
  ): Promise<GoalView> {
    return this.rpc.send(Topics.employmentAid.updateGoal, {
      ...body,
      goalId: id,
      actor: actorOf(user),
    });
  }

  @Post('graduates/:id/plan/referrals')
  @ApiOperation({
    summary: 'Add a job referral to the plan',
    description:
      "Staff of the graduate's university or the current mentor; the result starts pending.",
  })
  @ApiCreatedResponse({ type: ReferralView, description: 'A job referral, pending' })
  @ApiErrors('GRADUATE_NOT_FOUND')
  addReferral(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AddReferralBody,
  ): Promise<ReferralView> {
    return this.rpc.send(Topics.employmentAid.addReferral, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Patch('referrals/:id')
  @ApiOperation({ summary: "Record a referral's result" })
  @ApiOkResponse({ type: ReferralView, description: 'Result recorded' })
  @ApiErrors('REFERRAL_NOT_FOUND')
  updateReferral(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateReferralBody,
  ): Promise<ReferralView> {
    return this.rpc.send(Topics.employmentAid.updateReferral, {
      ...body,
      referralId: id,
      actor: actorOf(user),
    });
  }

  @Post('graduates/:id/sessions')
  @ApiOperation({
    summary: 'Log a support session',
    description:
      "The graduate's current mentor. occurredAt lies between the registration and today (Asia/Shanghai); a session with contact made clears the no-contact alert.",
  })
  @ApiCreatedResponse({
    type: SessionView,
    description: 'Logged; a session with contact made clears the alert',
  })
  @ApiErrors(
    'FORBIDDEN',
    'GRADUATE_NOT_FOUND',
    'SESSION_DATE_IN_FUTURE',
    'DATE_BEFORE_REGISTRATION',
  )
  logSession(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: LogSessionBody,
  ): Promise<SessionView> {
    return this.rpc.send(Topics.employmentAid.logSession, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/sessions')
  @ApiOperation({
    summary: "List a graduate's support sessions",
    description: "Staff of the graduate's university or the current mentor; latest first.",
  })
  @ApiOkResponse({
    type: PageOf(SessionView),
    description: 'Sessions, latest first, with their edit history',
  })
  @ApiErrors('GRADUATE_NOT_FOUND')
  sessions(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: ListSessionsHttpQuery,
  ): Promise<Page<SessionView>> {
    return this.rpc.send(Topics.employmentAid.listSessions, {
      ...query,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Patch('sessions/:id')
  @ApiOperation({
    summary: "Edit a session's notes",
    description:
      'Its author only, within the edit window (SESSION_EDIT_WINDOW_HOURS after logging); the previous text is kept as a revision.',
  })
  @ApiOkResponse({
    type: SessionView,
    description: 'Notes edited; the previous text kept as a revision',
  })
  @ApiErrors('SESSION_NOT_FOUND', 'SESSION_EDIT_WINDOW_CLOSED')
  editSession(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: EditSessionBody,
  ): Promise<SessionView> {
    return this.rpc.send(Topics.employmentAid.editSession, {
      ...body,
      sessionId: id,
      actor: actorOf(user),
    });
  }
}
