import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type BaseSummaryView,
  type BaseView,
  type BureauSettingsView,
  type DesignationView,
  type Page,
  type ProgrammeChangeView,
  type ProgrammeView,
  type RatingView,
  type SchoolSettingsView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { PageQueryDto } from '../http/page-query.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  BasesQueryDto,
  BureauSettingsDto,
  CreateProgrammeDto,
  DesignateDto,
  DesignationsQueryDto,
  ReasonDto,
  SchoolSettingsDto,
  UpdateProgrammeDto,
} from './study-tours.dto.js';

@ApiTags('study-tours')
@ApiBearerAuth()
@Controller('study-tours')
export class StudyTourBasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('designations')
  @ApiOperation({
    summary: 'A bureau designates a venue of its area as a study-tour base at its own level',
    description:
      'Platform admins may designate at any level, national included. Every checklist item must have passed.',
  })
  @ApiCreatedResponse({ description: 'The designation, active' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'DESIGNATION_CHECKLIST_INCOMPLETE (details.failedItems), DESIGNATION_PERIOD_INVALID',
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'DESIGNATION_LEVEL_NOT_ALLOWED, STUDY_TOUR_ACTION_FORBIDDEN',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'STUDY_TOUR_BASE_NOT_FOUND: not a venue of your area',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'DESIGNATION_EXISTS' })
  designate(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: DesignateDto,
  ): Promise<DesignationView> {
    return this.rpc.send(Topics.studyTours.designate, { ...body, actor: actorOf(user) });
  }

  @Get('designations')
  @ApiOperation({
    summary:
      'Designations in your area (bureaus), of your base (base staff), or all (platform admins)',
  })
  listDesignations(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: DesignationsQueryDto,
  ): Promise<Page<DesignationView>> {
    return this.rpc.send(Topics.studyTours.listDesignations, { ...query, actor: actorOf(user) });
  }

  @Get('designations/:id')
  @ApiOperation({ summary: 'A designation with its checklist and documents' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'DESIGNATION_NOT_FOUND' })
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
  @ApiOperation({ summary: 'Suspend a designation with a reason: the base takes no new bookings' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'DESIGNATION_STATUS_CONFLICT' })
  suspend(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReasonDto,
  ): Promise<DesignationView> {
    return this.change(user, id, 'suspend', body);
  }

  @Post('designations/:id/reinstate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a suspended designation' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'DESIGNATION_STATUS_CONFLICT' })
  reinstate(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReasonDto,
  ): Promise<DesignationView> {
    return this.change(user, id, 'reinstate', body);
  }

  @Post('designations/:id/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a designation with a reason (final); bookings already made stay',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'DESIGNATION_STATUS_CONFLICT' })
  revoke(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReasonDto,
  ): Promise<DesignationView> {
    return this.change(user, id, 'revoke', body);
  }

  private change(
    user: AccessTokenClaims,
    id: string,
    action: string,
    body: ReasonDto,
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
    summary:
      'Public list of study-tour bases in force, by level, area, theme and grade, with their average rating',
  })
  @ApiOkResponse({ description: 'A page of bases' })
  listBases(@Query() query: BasesQueryDto): Promise<Page<BaseSummaryView>> {
    return this.rpc.send(Topics.studyTours.listBases, { ...query });
  }

  @Get('bases/:organisationId')
  @Public()
  @ApiOperation({ summary: 'Public: a base in force with its designations and programmes' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'STUDY_TOUR_BASE_NOT_FOUND' })
  getBase(
    @Param('organisationId', uuidParam('organisationId')) organisationId: string,
  ): Promise<BaseView> {
    return this.rpc.send(Topics.studyTours.getBase, { organisationId });
  }

  @Get('bases/:organisationId/ratings')
  @ApiOperation({
    summary: "Teachers' ratings and comments of a base (its staff and the admins over it)",
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'STUDY_TOUR_BASE_NOT_FOUND' })
  ratings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('organisationId', uuidParam('organisationId')) organisationId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RatingView>> {
    return this.rpc.send(Topics.studyTours.baseRatings, {
      ...query,
      organisationId,
      actor: actorOf(user),
    });
  }

  @Post('programmes')
  @ApiOperation({
    summary: 'Base staff publish a programme (the base must hold a designation in force)',
  })
  @ApiCreatedResponse({ description: 'The programme, with the ratio bookings are checked against' })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description: 'PROGRAMME_INVALID, TEACHER_RATIO_BELOW_DEFAULT',
  })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'BASE_NOT_DESIGNATED' })
  createProgramme(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateProgrammeDto,
  ): Promise<ProgrammeView> {
    return this.rpc.send(Topics.studyTours.createProgramme, { ...body, actor: actorOf(user) });
  }

  @Get('programmes/:id')
  @ApiOperation({ summary: 'A programme' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'PROGRAMME_NOT_FOUND' })
  getProgramme(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ProgrammeView> {
    return this.rpc.send(Topics.studyTours.getProgramme, { programmeId: id, actor: actorOf(user) });
  }

  @Patch('programmes/:id')
  @ApiOperation({
    summary:
      'Base staff change a published programme; bookings keep what they agreed to, the change is recorded',
  })
  @ApiOkResponse({ description: 'The programme, with updatedAt, updatedBy and closedDates' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'PROGRAMME_INVALID' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'STUDY_TOUR_ACTION_FORBIDDEN' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'PROGRAMME_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description:
      'CAPACITY_BELOW_TAKEN (details.days), PROGRAMME_CHANGE_CONFLICTS_BOOKINGS (details.bookings)',
  })
  updateProgramme(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateProgrammeDto,
  ): Promise<ProgrammeView> {
    return this.rpc.send(Topics.studyTours.updateProgramme, {
      ...body,
      programmeId: id,
      actor: actorOf(user),
    });
  }

  @Get('programmes/:id/changes')
  @ApiOperation({ summary: "A programme's recorded changes (who, when, what), oldest first" })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'STUDY_TOUR_ACTION_FORBIDDEN' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'PROGRAMME_NOT_FOUND' })
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
  @ApiOperation({ summary: "A bureau's default teacher ratio for the bases it designates" })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'STUDY_TOUR_BUREAU_NOT_FOUND' })
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
    summary: "The bureau's own admins set its default ratio (one teacher per N students)",
  })
  setBureauSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: BureauSettingsDto,
  ): Promise<BureauSettingsView> {
    return this.rpc.send(Topics.studyTours.setBureauSettings, {
      ...body,
      bureauId: id,
      actor: actorOf(user),
    });
  }

  @Get('schools/:id/settings')
  @ApiOperation({ summary: "A school's study-tour settings: principal approval on or off" })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'STUDY_TOUR_SCHOOL_NOT_FOUND' })
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
    summary:
      "School staff turn the principal's approval on or off and name the principal's account",
  })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'PRINCIPAL_REQUIRED, PRINCIPAL_NOT_SCHOOL_STAFF (not an existing school_staff account of this school)',
  })
  setSchoolSettings(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: SchoolSettingsDto,
  ): Promise<SchoolSettingsView> {
    return this.rpc.send(Topics.studyTours.setSchoolSettings, {
      ...body,
      schoolId: id,
      actor: actorOf(user),
    });
  }
}
