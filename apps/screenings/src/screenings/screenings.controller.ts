import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BookClassCommand,
  CancelScreeningBookingCommand,
  CancelScreeningCommand,
  CreateScreeningCommand,
  IndividualBookingCommand,
  ListScreeningBookingsQuery,
  ListScreeningsQuery,
  ScreeningQuery,
  Topics,
  type Page,
  type ScreeningBookingView,
  type ScreeningView,
} from '@app/contracts';
import { ScreeningsService } from './screenings.service.js';

@Controller()
export class ScreeningsController {
  constructor(private readonly screenings: ScreeningsService) {}

  @MessagePattern(Topics.screenings.createScreening)
  createScreening(@Payload() command: CreateScreeningCommand): Promise<ScreeningView> {
    return this.screenings.createScreening(command);
  }

  @MessagePattern(Topics.screenings.listScreenings)
  listScreenings(@Payload() query: ListScreeningsQuery): Promise<Page<ScreeningView>> {
    return this.screenings.listScreenings(query);
  }

  @MessagePattern(Topics.screenings.getScreening)
  getScreening(@Payload() query: ScreeningQuery): Promise<ScreeningView> {
    return this.screenings.getScreening(query);
  }

  @MessagePattern(Topics.screenings.cancelScreening)
  cancelScreening(@Payload() command: CancelScreeningCommand): Promise<ScreeningView> {
    return this.screenings.cancelScreening(command);
  }

  @MessagePattern(Topics.screenings.bookClass)
  bookClass(@Payload() command: BookClassCommand): Promise<ScreeningBookingView> {
    return this.screenings.bookClass(command);
  }

  @MessagePattern(Topics.screenings.listBookings)
  listBookings(@Payload() query: ListScreeningBookingsQuery): Promise<Page<ScreeningBookingView>> {
    return this.screenings.listBookings(query);
  }

  @MessagePattern(Topics.screenings.cancelBooking)
  cancelBooking(@Payload() command: CancelScreeningBookingCommand): Promise<ScreeningBookingView> {
    return this.screenings.cancelBooking(command);
  }

  @MessagePattern(Topics.screenings.bookIndividual)
  bookIndividual(@Payload() command: IndividualBookingCommand): Promise<ScreeningBookingView> {
    return this.screenings.bookIndividual(command);
  }

  @MessagePattern(Topics.screenings.cancelIndividual)
  cancelIndividual(@Payload() command: IndividualBookingCommand): Promise<ScreeningBookingView> {
    return this.screenings.cancelIndividual(command);
  }
}
