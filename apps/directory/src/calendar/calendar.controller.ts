import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTermCommand,
  CreateVacationCommand,
  DeleteHolidayCommand,
  DeleteTermCommand,
  DeleteVacationCommand,
  GetCalendarDayQuery,
  ImportHolidaysCommand,
  ListCalendarDaysQuery,
  ListHolidaysQuery,
  ListTermsQuery,
  ListVacationsQuery,
  SetHolidayCommand,
  Topics,
  type CalendarDayView,
  type CalendarDaysView,
  type CalendarList,
  type HolidayImportReport,
  type HolidayView,
  type TermView,
  type VacationView,
} from '@app/contracts';
import { CalendarService } from './calendar.service.js';

@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @MessagePattern(Topics.calendar.createTerm)
  createTerm(@Payload() command: CreateTermCommand): Promise<TermView> {
    return this.calendar.createTerm(command);
  }

  @MessagePattern(Topics.calendar.listTerms)
  listTerms(@Payload() query: ListTermsQuery): Promise<CalendarList<TermView>> {
    return this.calendar.listTerms(query);
  }

  @MessagePattern(Topics.calendar.deleteTerm)
  deleteTerm(@Payload() command: DeleteTermCommand): Promise<TermView> {
    return this.calendar.deleteTerm(command);
  }

  @MessagePattern(Topics.calendar.createVacation)
  createVacation(@Payload() command: CreateVacationCommand): Promise<VacationView> {
    return this.calendar.createVacation(command);
  }

  @MessagePattern(Topics.calendar.listVacations)
  listVacations(@Payload() query: ListVacationsQuery): Promise<CalendarList<VacationView>> {
    return this.calendar.listVacations(query);
  }

  @MessagePattern(Topics.calendar.deleteVacation)
  deleteVacation(@Payload() command: DeleteVacationCommand): Promise<VacationView> {
    return this.calendar.deleteVacation(command);
  }

  @MessagePattern(Topics.calendar.setHoliday)
  setHoliday(@Payload() command: SetHolidayCommand): Promise<HolidayView> {
    return this.calendar.setHoliday(command);
  }

  @MessagePattern(Topics.calendar.importHolidays)
  importHolidays(@Payload() command: ImportHolidaysCommand): Promise<HolidayImportReport> {
    return this.calendar.importHolidays(command);
  }

  @MessagePattern(Topics.calendar.listHolidays)
  listHolidays(@Payload() query: ListHolidaysQuery): Promise<CalendarList<HolidayView>> {
    return this.calendar.listHolidays(query);
  }

  @MessagePattern(Topics.calendar.deleteHoliday)
  deleteHoliday(@Payload() command: DeleteHolidayCommand): Promise<HolidayView> {
    return this.calendar.deleteHoliday(command);
  }

  @MessagePattern(Topics.calendar.getDay)
  getDay(@Payload() query: GetCalendarDayQuery): Promise<CalendarDayView> {
    return this.calendar.getDay(query);
  }

  @MessagePattern(Topics.calendar.listDays)
  listDays(@Payload() query: ListCalendarDaysQuery): Promise<CalendarDaysView> {
    return this.calendar.listDays(query);
  }
}
