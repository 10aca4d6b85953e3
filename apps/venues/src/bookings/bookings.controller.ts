import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BookIndividualCommand,
  BookingCommand,
  CheckInCommand,
  DecisionInboxQuery,
  DeclineGroupCommand,
  ListMyBookingsQuery,
  RequestGroupVisitCommand,
  Topics,
  type BookingView,
  type InboxItem,
  type Page,
} from '@app/contracts';
import { BookingsService } from './bookings.service.js';

@Controller()
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @MessagePattern(Topics.venues.bookIndividual)
  bookIndividual(@Payload() command: BookIndividualCommand): Promise<BookingView> {
    return this.bookings.bookIndividual(command);
  }

  @MessagePattern(Topics.venues.requestGroup)
  requestGroupVisit(@Payload() command: RequestGroupVisitCommand): Promise<BookingView> {
    return this.bookings.requestGroupVisit(command);
  }

  @MessagePattern(Topics.venues.getBooking)
  getBooking(@Payload() command: BookingCommand): Promise<BookingView> {
    return this.bookings.getBooking(command);
  }

  @MessagePattern(Topics.venues.listMyBookings)
  listMyBookings(@Payload() query: ListMyBookingsQuery): Promise<Page<BookingView>> {
    return this.bookings.listMyBookings(query);
  }

  @MessagePattern(Topics.venues.cancelBooking)
  cancelBooking(@Payload() command: BookingCommand): Promise<BookingView> {
    return this.bookings.cancelBooking(command);
  }

  @MessagePattern(Topics.venues.decisionInbox)
  decisionInbox(@Payload() query: DecisionInboxQuery): Promise<Page<InboxItem>> {
    return this.bookings.decisionInbox(query);
  }

  @MessagePattern(Topics.venues.confirmGroup)
  confirmGroupVisit(@Payload() command: BookingCommand): Promise<BookingView> {
    return this.bookings.confirmGroupVisit(command);
  }

  @MessagePattern(Topics.venues.declineGroup)
  declineGroupVisit(@Payload() command: DeclineGroupCommand): Promise<BookingView> {
    return this.bookings.declineGroupVisit(command);
  }

  @MessagePattern(Topics.venues.checkIn)
  checkIn(@Payload() command: CheckInCommand): Promise<BookingView> {
    return this.bookings.checkIn(command);
  }
}
