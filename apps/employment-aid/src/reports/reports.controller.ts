import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BureauReportQuery,
  CentreReportQuery,
  Topics,
  type BureauReportView,
  type CentreReportView,
} from '@app/contracts';
import { ReportsService } from './reports.service.js';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(Topics.employmentAid.centreReport)
  centre(@Payload() query: CentreReportQuery): Promise<CentreReportView> {
    return this.reports.centre(query);
  }

  @MessagePattern(Topics.employmentAid.bureauReport)
  bureau(@Payload() query: BureauReportQuery): Promise<BureauReportView> {
    return this.reports.bureau(query);
  }
}
