import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarRepository } from './calendar.repository.js';
import { CalendarService } from './calendar.service.js';

/**
 * Terms, vacations, statutory holidays and make-up working days. CalendarService is exported
 * for the demo seed (calendar.seed.ts).
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
