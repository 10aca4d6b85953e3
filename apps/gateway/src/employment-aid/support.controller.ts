import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
  type GoalView,
  type Page,
  type PlanView,
  type ReferralView,
  type SessionView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  AddGoalDto,
  AddReferralDto,
  EditSessionDto,
  LogSessionDto,
  UpdateGoalDto,
  UpdateReferralDto,
} from './employment-aid.dto.js';
import {
  GoalResponseDto,
  PlanResponseDto,
  ReferralResponseDto,
  SessionPageDto,
  SessionResponseDto,
} from './employment-aid-responses.dto.js';

const NOT_FOUND = {
  status: 404,
  type: ErrorBodyDto,
  description: 'GRADUATE_NOT_FOUND (or not your mentee / not your university)',
} as const;

/** The support plan (goals, referrals) and the log of support sessions. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('employment-aid')
export class SupportController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('graduates/:id/plan')
  @ApiOkResponse({ type: PlanResponseDto, description: 'Goals and job referrals' })
  @ApiResponse(NOT_FOUND)
  plan(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<PlanView> {
    return this.rpc.send(Topics.employmentAid.getPlan, { graduateId: id, actor: actorOf(user) });
  }

  @Post('graduates/:id/plan/goals')
  @ApiCreatedResponse({ type: GoalResponseDto, description: 'A goal or task with its due date' })
  @ApiResponse(NOT_FOUND)
  addGoal(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AddGoalDto,
  ): Promise<GoalView> {
    return this.rpc.send(Topics.employmentAid.addGoal, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Patch('goals/:id')
  @ApiOkResponse({ type: GoalResponseDto, description: 'Status changed' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'GOAL_NOT_FOUND' })
  updateGoal(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateGoalDto,
  ): Promise<GoalView> {
    return this.rpc.send(Topics.employmentAid.updateGoal, {
      ...body,
      goalId: id,
      actor: actorOf(user),
    });
  }

  @Post('graduates/:id/plan/referrals')
  @ApiCreatedResponse({ type: ReferralResponseDto, description: 'A job referral, pending' })
  @ApiResponse(NOT_FOUND)
  addReferral(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: AddReferralDto,
  ): Promise<ReferralView> {
    return this.rpc.send(Topics.employmentAid.addReferral, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Patch('referrals/:id')
  @ApiOkResponse({ type: ReferralResponseDto, description: 'Result recorded' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'REFERRAL_NOT_FOUND' })
  updateReferral(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateReferralDto,
  ): Promise<ReferralView> {
    return this.rpc.send(Topics.employmentAid.updateReferral, {
      ...body,
      referralId: id,
      actor: actorOf(user),
    });
  }

  @Post('graduates/:id/sessions')
  @ApiCreatedResponse({
    type: SessionResponseDto,
    description: 'Logged; a session with contact made clears the alert',
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED; SESSION_DATE_IN_FUTURE (occurredAt after today, Asia/Shanghai) or DATE_BEFORE_REGISTRATION',
  })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: "FORBIDDEN: the current mentor's" })
  @ApiResponse(NOT_FOUND)
  logSession(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: LogSessionDto,
  ): Promise<SessionView> {
    return this.rpc.send(Topics.employmentAid.logSession, {
      ...body,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Get('graduates/:id/sessions')
  @ApiOkResponse({
    type: SessionPageDto,
    description: 'Sessions, latest first, with their edit history',
  })
  @ApiResponse(NOT_FOUND)
  sessions(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<SessionView>> {
    return this.rpc.send(Topics.employmentAid.listSessions, {
      ...query,
      graduateId: id,
      actor: actorOf(user),
    });
  }

  @Patch('sessions/:id')
  @ApiOkResponse({
    type: SessionResponseDto,
    description: 'Notes edited; the previous text kept as a revision',
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'SESSION_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'SESSION_EDIT_WINDOW_CLOSED' })
  editSession(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: EditSessionDto,
  ): Promise<SessionView> {
    return this.rpc.send(Topics.employmentAid.editSession, {
      ...body,
      sessionId: id,
      actor: actorOf(user),
    });
  }
}
