import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { StudyTourReportQuery, Topics, type StudyTourReportView } from '@app/contracts';
import { ReportsService } from './reports.service.js';

@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @MessagePattern(Topics.studyTours.report)
  report(@Payload() query: StudyTourReportQuery): Promise<StudyTourReportView> {
    return this.reports.report(query);
  }
}
