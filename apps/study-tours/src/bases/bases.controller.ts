import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BaseQuery,
  BaseRatingsQuery,
  BureauSettingsQuery,
  ChangeDesignationCommand,
  CreateProgrammeCommand,
  DesignateBaseCommand,
  DesignationQuery,
  ListBasesQuery,
  ListDesignationsQuery,
  ProgrammeQuery,
  UpdateProgrammeCommand,
  SchoolSettingsQuery,
  SetBureauSettingsCommand,
  SetSchoolSettingsCommand,
  Topics,
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
import { BasesService } from './bases.service.js';

@Controller()
export class BasesController {
  constructor(private readonly bases: BasesService) {}

  @MessagePattern(Topics.studyTours.designate)
  designate(@Payload() command: DesignateBaseCommand): Promise<DesignationView> {
    return this.bases.designate(command);
  }

  @MessagePattern(Topics.studyTours.getDesignation)
  getDesignation(@Payload() query: DesignationQuery): Promise<DesignationView> {
    return this.bases.getDesignation(query);
  }

  @MessagePattern(Topics.studyTours.listDesignations)
  listDesignations(@Payload() query: ListDesignationsQuery): Promise<Page<DesignationView>> {
    return this.bases.listDesignations(query);
  }

  @MessagePattern(Topics.studyTours.changeDesignation)
  changeDesignation(@Payload() command: ChangeDesignationCommand): Promise<DesignationView> {
    return this.bases.changeDesignation(command);
  }

  @MessagePattern(Topics.studyTours.listBases)
  listBases(@Payload() query: ListBasesQuery): Promise<Page<BaseSummaryView>> {
    return this.bases.listBases(query);
  }

  @MessagePattern(Topics.studyTours.getBase)
  getBase(@Payload() query: BaseQuery): Promise<BaseView> {
    return this.bases.getBase(query);
  }

  @MessagePattern(Topics.studyTours.baseRatings)
  baseRatings(@Payload() query: BaseRatingsQuery): Promise<Page<RatingView>> {
    return this.bases.baseRatings(query);
  }

  @MessagePattern(Topics.studyTours.createProgramme)
  createProgramme(@Payload() command: CreateProgrammeCommand): Promise<ProgrammeView> {
    return this.bases.createProgramme(command);
  }

  @MessagePattern(Topics.studyTours.getProgramme)
  getProgramme(@Payload() query: ProgrammeQuery): Promise<ProgrammeView> {
    return this.bases.getProgramme(query);
  }

  @MessagePattern(Topics.studyTours.updateProgramme)
  updateProgramme(@Payload() command: UpdateProgrammeCommand): Promise<ProgrammeView> {
    return this.bases.updateProgramme(command);
  }

  @MessagePattern(Topics.studyTours.programmeChanges)
  programmeChanges(@Payload() query: ProgrammeQuery): Promise<ProgrammeChangeView[]> {
    return this.bases.programmeChanges(query);
  }

  @MessagePattern(Topics.studyTours.getBureauSettings)
  getBureauSettings(@Payload() query: BureauSettingsQuery): Promise<BureauSettingsView> {
    return this.bases.getBureauSettings(query);
  }

  @MessagePattern(Topics.studyTours.setBureauSettings)
  setBureauSettings(@Payload() command: SetBureauSettingsCommand): Promise<BureauSettingsView> {
    return this.bases.setBureauSettings(command);
  }

  @MessagePattern(Topics.studyTours.getSchoolSettings)
  getSchoolSettings(@Payload() query: SchoolSettingsQuery): Promise<SchoolSettingsView> {
    return this.bases.getSchoolSettings(query);
  }

  @MessagePattern(Topics.studyTours.setSchoolSettings)
  setSchoolSettings(@Payload() command: SetSchoolSettingsCommand): Promise<SchoolSettingsView> {
    return this.bases.setSchoolSettings(command);
  }
}
