import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  BaseRatingsParams,
  BaseView,
  BureauSettingsView,
  ChangeDesignationBody,
  CreateProgrammeBody,
  DesignateBaseBody,
  DesignationView,
  ListBasesQuery,
  ListDesignationsParams,
  PageOf,
  ProgrammeChangeView,
  ProgrammeView,
  RatingView,
  SchoolSettingsView,
  SetBureauSettingsBody,
  SetSchoolSettingsBody,
  Topics,
  UpdateProgrammeBody,
  BaseSummaryView,
  type AccessTokenClaims,
  type ChangeDesignationCommand,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

@ApiTags('study-tours')
@ApiBearerAuth()
@Controller('study-tours')
export class StudyTourBasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('designations')
  @ApiOperation({
    summary: 'Designate a venue as a study-tour base',
    description:
      'A bureau designates a venue of its area at its own level; platform admins at any level, national included. Every checklist item must have passed.',
  })
  @ApiCreatedResponse({ type: DesignationView, description: 'The designation, active' })
  @ApiErrors(
    'DESIGNATION_CHECKLIST_INCOMPLETE',
    'DESIGNATION_PERIOD_INVALID',
    'DESIGNATION_LEVEL_NOT_ALLOWED',
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BASE_NOT_FOUND',
    'DESIGNATION_EXISTS',
  )
  designate(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: DesignateBaseBody,
  ): Promise<DesignationView> {
    return this.rpc.send(Topics.studyTours.designate, { ...body, actor: actorOf(user) });
  }

  @Get('designations')
  @ApiOperation({
    summary: 'List designations',
    description:
      'Designations in your area (bureaus), of your base (base staff), or all (platform admins).',
  })
  @ApiOkResponse({ type: PageOf(DesignationView) })
  @ApiErrors('STUDY_TOUR_ACTION_FORBIDDEN')
  listDesignations(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListDesignationsParams,
  ): Promise<Page<DesignationView>> {
    return this.rpc.send(Topics.studyTours.listDesignations, { ...query, actor: actorOf(user) });
  }

  @Get('designations/:id')
  @ApiOperation({ summary: 'Get a designation with its checklist and documents' })
  @ApiOkResponse({ type: DesignationView })
  @ApiErrors('DESIGNATION_NOT_FOUND')
  getDesignation(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<DesignationView> {
    return this.rpc.send(Topics.studyTours.getDesignation, {
      designationId: id,
      actor: actorOf(user),
    });
  }

  @Post('designations/:id/suspend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Suspend a designation',
    description:
      'With a reason: the base takes no new bookings. A bureau changes designations at its own level only.',
  })
  @ApiOkResponse({ type: DesignationView, description: 'The designation, suspended' })
  @ApiErrors('DESIGNATION_NOT_FOUND', 'STUDY_TOUR_ACTION_FORBIDDEN', 'DESIGNATION_STATUS_CONFLICT')
  suspend(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ChangeDesignationBody,
  ): Promise<DesignationView> {
    return this.change(user, id, 'suspend', body);
  }

  @Post('designations/:id/reinstate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a suspended designation' })
  @ApiOkResponse({ type: DesignationView, description: 'The designation, active again' })
  @ApiErrors('DESIGNATION_NOT_FOUND', 'STUDY_TOUR_ACTION_FORBIDDEN', 'DESIGNATION_STATUS_CONFLICT')
  reinstate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ChangeDesignationBody,
  ): Promise<DesignationView> {
    return this.change(user, id, 'reinstate', body);
  }

  @Post('designations/:id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a designation',
    description: 'With a reason; final. Bookings already made stay.',
  })
  @ApiOkResponse({ type: DesignationView, description: 'The designation, revoked' })
  @ApiErrors('DESIGNATION_NOT_FOUND', 'STUDY_TOUR_ACTION_FORBIDDEN', 'DESIGNATION_STATUS_CONFLICT')
  revoke(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ChangeDesignationBody,
  ): Promise<DesignationView> {
    return this.change(user, id, 'revoke', body);
  }

  private change(
    user: AccessTokenClaims,
    id: string,
    action: ChangeDesignationCommand['action'],
    body: ChangeDesignationBody,
  ): Promise<DesignationView> {
    return this.rpc.send(Topics.studyTours.changeDesignation, {
      designationId: id,
      action,
      reason: body.reason,
      actor: actorOf(user),
    });
  }

  @Get('bases')
  @Public()
  @ApiOperation({
    summary: 'List study-tour bases (public)',
    description:
      'Bases with a designation in force, by level, area, theme and grade, with their average rating.',
  })
  @ApiOkResponse({ type: PageOf(BaseSummaryView), description: 'A page of bases' })
  listBases(@Query() query: ListBasesQuery): Promise<Page<BaseSummaryView>> {
    return this.rpc.send(Topics.studyTours.listBases, { ...query });
  }

  @Get('bases/:organisationId')
  @Public()
  @ApiOperation({ summary: 'Get a base with its designations and programmes (public)' })
  @ApiOkResponse({ type: BaseView })
  @ApiErrors('STUDY_TOUR_BASE_NOT_FOUND')
  getBase(
    @Param('organisationId', uuidParam('organisationId')) organisationId: string,
  ): Promise<BaseView> {
    return this.rpc.send(Topics.studyTours.getBase, { organisationId });
  }

  @Get('bases/:organisationId/ratings')
  @ApiOperation({
    summary: "List a base's ratings",
    description: "Teachers' ratings and comments; for the base's staff and the admins over it.",
  })
  @ApiOkResponse({ type: PageOf(RatingView) })
  @ApiErrors('STUDY_TOUR_BASE_NOT_FOUND')
  ratings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('organisationId', uuidParam('organisationId')) organisationId: string,
    @Query() query: BaseRatingsParams,
  ): Promise<Page<RatingView>> {
    return this.rpc.send(Topics.studyTours.baseRatings, {
      ...query,
      organisationId,
      actor: actorOf(user),
    });
  }

  @Post('programmes')
  @ApiOperation({
    summary: 'Publish a programme',
    description:
      "Base staff publish for their own base (platform admins name it); the base must hold a designation in force. The teacher ratio may ask for more teachers than the bureau's default, never fewer.",
  })
  @ApiCreatedResponse({
    type: ProgrammeView,
    description: 'The programme, with the ratio bookings are checked against',
  })
  @ApiErrors(
    'PROGRAMME_INVALID',
    'TEACHER_RATIO_BELOW_DEFAULT',
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_BASE_NOT_FOUND',
    'BASE_NOT_DESIGNATED',
  )
  createProgramme(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateProgrammeBody,
  ): Promise<ProgrammeView> {
    return this.rpc.send(Topics.studyTours.createProgramme, { ...body, actor: actorOf(user) });
  }

  @Get('programmes/:id')
  @ApiOperation({ summary: 'Get a programme with its closed days' })
  @ApiOkResponse({ type: ProgrammeView })
  @ApiErrors('PROGRAMME_NOT_FOUND')
  getProgramme(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProgrammeView> {
    return this.rpc.send(Topics.studyTours.getProgramme, { programmeId: id, actor: actorOf(user) });
  }

  @Patch('programmes/:id')
  @ApiOperation({
    summary: 'Change a published programme',
    description:
      "The base's staff. Bookings keep what they agreed to: the capacity never goes below the places taken on a future day (CAPACITY_BELOW_TAKEN, details.days), group bounds and grades never exclude an active booking (PROGRAMME_CHANGE_CONFLICTS_BOOKINGS, details.bookings). The change is recorded.",
  })
  @ApiOkResponse({
    type: ProgrammeView,
    description: 'The programme, with updatedAt, updatedBy and closedDates',
  })
  @ApiErrors(
    'PROGRAMME_INVALID',
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'PROGRAMME_NOT_FOUND',
    'CAPACITY_BELOW_TAKEN',
    'PROGRAMME_CHANGE_CONFLICTS_BOOKINGS',
  )
  updateProgramme(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateProgrammeBody,
  ): Promise<ProgrammeView> {
    return this.rpc.send(Topics.studyTours.updateProgramme, {
      ...body,
      programmeId: id,
      actor: actorOf(user),
    });
  }

  @Get('programmes/:id/changes')
  @ApiOperation({
    summary: "List a programme's recorded changes",
    description: "Who changed what and when, oldest first; the base's staff and platform admins.",
  })
  @ApiOkResponse({ type: [ProgrammeChangeView] })
  @ApiErrors('STUDY_TOUR_ACTION_FORBIDDEN', 'PROGRAMME_NOT_FOUND')
  programmeChanges(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProgrammeChangeView[]> {
    return this.rpc.send(Topics.studyTours.programmeChanges, {
      programmeId: id,
      actor: actorOf(user),
    });
  }

  @Get('bureaus/:id/settings')
  @ApiOperation({
    summary: "Get a bureau's study-tour settings",
    description: 'Its default teacher ratio for the bases it designates.',
  })
  @ApiOkResponse({ type: BureauSettingsView })
  @ApiErrors('STUDY_TOUR_BUREAU_NOT_FOUND')
  bureauSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<BureauSettingsView> {
    return this.rpc.send(Topics.studyTours.getBureauSettings, {
      bureauId: id,
      actor: actorOf(user),
    });
  }

  @Put('bureaus/:id/settings')
  @ApiOperation({
    summary: "Set a bureau's default teacher ratio",
    description: "The bureau's own admins: one accompanying teacher per N students.",
  })
  @ApiOkResponse({ type: BureauSettingsView })
  @ApiErrors('STUDY_TOUR_ACTION_FORBIDDEN', 'STUDY_TOUR_BUREAU_NOT_FOUND')
  setBureauSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetBureauSettingsBody,
  ): Promise<BureauSettingsView> {
    return this.rpc.send(Topics.studyTours.setBureauSettings, {
      ...body,
      bureauId: id,
      actor: actorOf(user),
    });
  }

  @Get('schools/:id/settings')
  @ApiOperation({
    summary: "Get a school's study-tour settings",
    description: "Whether bookings need the principal's approval, and the principal's account.",
  })
  @ApiOkResponse({ type: SchoolSettingsView })
  @ApiErrors('STUDY_TOUR_SCHOOL_NOT_FOUND')
  schoolSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<SchoolSettingsView> {
    return this.rpc.send(Topics.studyTours.getSchoolSettings, {
      schoolId: id,
      actor: actorOf(user),
    });
  }

  @Put('schools/:id/settings')
  @ApiOperation({
    summary: "Set a school's principal approval",
    description:
      "School staff turn the principal's approval on or off and name the principal: an existing school_staff account of this school.",
  })
  @ApiOkResponse({ type: SchoolSettingsView })
  @ApiErrors(
    'PRINCIPAL_REQUIRED',
    'PRINCIPAL_NOT_SCHOOL_STAFF',
    'STUDY_TOUR_ACTION_FORBIDDEN',
    'STUDY_TOUR_SCHOOL_NOT_FOUND',
  )
  setSchoolSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetSchoolSettingsBody,
  ): Promise<SchoolSettingsView> {
    return this.rpc.send(Topics.studyTours.setSchoolSettings, {
      ...body,
      schoolId: id,
      actor: actorOf(user),
    });
  }
}
