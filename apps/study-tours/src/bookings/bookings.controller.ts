import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateTourBookingCommand,
  ListTourBookingsQuery,
  RateBookingCommand,
  RecordParticipationCommand,
  Topics,
  TourBookingCommand,
  TourBookingReasonCommand,
  UpdateTourBookingCommand,
  type BookingCheckResult,
  type Page,
  type ParticipationView,
  type TourBookingView,
} from '@app/contracts';
import { BookingsService } from './bookings.service.js';

@Controller()
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @MessagePattern(Topics.studyTours.createBooking)
  create(@Payload() command: CreateTourBookingCommand): Promise<TourBookingView> {
    return this.bookings.create(command);
  }

  @MessagePattern(Topics.studyTours.updateBooking)
  update(@Payload() command: UpdateTourBookingCommand): Promise<TourBookingView> {
    return this.bookings.update(command);
  }

  @MessagePattern(Topics.studyTours.getBooking)
  get(@Payload() command: TourBookingCommand): Promise<TourBookingView> {
    return this.bookings.get(command);
  }

  @MessagePattern(Topics.studyTours.listBookings)
  list(@Payload() query: ListTourBookingsQuery): Promise<Page<TourBookingView>> {
    return this.bookings.list(query);
  }

  @MessagePattern(Topics.studyTours.checkBooking)
  check(@Payload() command: TourBookingCommand): Promise<BookingCheckResult[]> {
    return this.bookings.check(command);
  }

  @MessagePattern(Topics.studyTours.submitBooking)
  submit(@Payload() command: TourBookingCommand): Promise<TourBookingView> {
    return this.bookings.submit(command);
  }

  @MessagePattern(Topics.studyTours.waitlistBooking)
  waitlist(@Payload() command: TourBookingCommand): Promise<TourBookingView> {
    return this.bookings.waitlist(command);
  }

  @MessagePattern(Topics.studyTours.acceptOffer)
  acceptOffer(@Payload() command: TourBookingCommand): Promise<TourBookingView> {
    return this.bookings.acceptOffer(command);
  }

  @MessagePattern(Topics.studyTours.approveBooking)
  approve(@Payload() command: TourBookingCommand): Promise<TourBookingView> {
    return this.bookings.approve(command);
  }

  @MessagePattern(Topics.studyTours.confirmBooking)
  confirm(@Payload() command: TourBookingCommand): Promise<TourBookingView> {
    return this.bookings.confirm(command);
  }

  @MessagePattern(Topics.studyTours.declineBooking)
  decline(@Payload() command: TourBookingReasonCommand): Promise<TourBookingView> {
    return this.bookings.decline(command);
  }

  @MessagePattern(Topics.studyTours.cancelBooking)
  cancel(@Payload() command: TourBookingReasonCommand): Promise<TourBookingView> {
    return this.bookings.cancel(command);
  }

  @MessagePattern(Topics.studyTours.recordParticipation)
  recordParticipation(@Payload() command: RecordParticipationCommand): Promise<ParticipationView> {
    return this.bookings.recordParticipation(command);
  }

  @MessagePattern(Topics.studyTours.getParticipation)
  participation(@Payload() command: TourBookingCommand): Promise<ParticipationView> {
    return this.bookings.participation(command);
  }

  @MessagePattern(Topics.studyTours.rateBooking)
  rate(@Payload() command: RateBookingCommand): Promise<TourBookingView> {
    return this.bookings.rate(command);
  }
}
