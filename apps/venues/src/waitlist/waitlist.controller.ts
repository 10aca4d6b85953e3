import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptOfferCommand,
  JoinWaitlistCommand,
  ListMyWaitlistQuery,
  RequestGroupVisitCommand,
  Topics,
  type BookingView,
  type GroupWaitlistEntryView,
  type Page,
  type WaitlistEntryView,
} from '@app/contracts';
import { BookingsService } from '../bookings/bookings.service.js';
import { GroupWaitlistService } from './group-waitlist.service.js';
import { WaitlistService } from './waitlist.service.js';

@Controller()
export class WaitlistController {
  constructor(
    private readonly waitlist: WaitlistService,
    private readonly bookings: BookingsService,
    private readonly groupWaitlist: GroupWaitlistService,
  ) {}

  @MessagePattern(Topics.venues.joinWaitlist)
  join(@Payload() command: JoinWaitlistCommand): Promise<WaitlistEntryView> {
    return this.waitlist.join(command);
  }

  @MessagePattern(Topics.venues.listMyWaitlist)
  listMine(@Payload() query: ListMyWaitlistQuery): Promise<Page<WaitlistEntryView>> {
    return this.waitlist.listMine(query);
  }

  @MessagePattern(Topics.venues.acceptOffer)
  accept(@Payload() command: AcceptOfferCommand): Promise<BookingView> {
    return this.bookings.acceptOffer(command);
  }

  @MessagePattern(Topics.venues.joinGroupWaitlist)
  joinGroup(@Payload() command: RequestGroupVisitCommand): Promise<GroupWaitlistEntryView> {
    return this.groupWaitlist.join(command);
  }

  @MessagePattern(Topics.venues.listMyGroupWaitlist)
  listGroup(@Payload() query: ListMyWaitlistQuery): Promise<Page<GroupWaitlistEntryView>> {
    return this.groupWaitlist.listMine(query);
  }

  @MessagePattern(Topics.venues.acceptGroupOffer)
  acceptGroup(@Payload() command: AcceptOfferCommand): Promise<BookingView> {
    return this.bookings.acceptGroupOffer(command);
  }
}
