import { Module } from '@nestjs/common';
import { DaysController } from './days.controller.js';
import { HolidaysController } from './holidays.controller.js';
import { TermsController } from './terms.controller.js';
import { VacationsController } from './vacations.controller.js';

/** HTTP routes of the calendar (directory service): `/calendar/...`. */
@Module({
  controllers: [TermsController, VacationsController, HolidaysController, DaysController],
})
export class CalendarGatewayModule {}
