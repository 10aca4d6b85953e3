import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BookActivityCommand,
  CancelActivityCommand,
  CreateActivityCommand,
  GetActivityQuery,
  RequestActivityGroupCommand,
  SearchActivitiesQuery,
  Topics,
  UpdateActivityCommand,
  type ActivityView,
  type BookingView,
  type Page,
} from '@app/contracts';
import { BookingsService } from '../bookings/bookings.service.js';
import { ActivitiesService } from './activities.service.js';

@Controller()
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly bookings: BookingsService,
  ) {}

  @MessagePattern(Topics.venues.createActivity)
  createActivity(@Payload() command: CreateActivityCommand): Promise<ActivityView> {
    return this.activities.createActivity(command);
  }

  @MessagePattern(Topics.venues.updateActivity)
  updateActivity(@Payload() command: UpdateActivityCommand): Promise<ActivityView> {
    return this.activities.updateActivity(command);
  }

  @MessagePattern(Topics.venues.cancelActivity)
  cancelActivity(@Payload() command: CancelActivityCommand): Promise<ActivityView> {
    return this.activities.cancelActivity(command);
  }

  @MessagePattern(Topics.venues.getActivity)
  getActivity(@Payload() query: GetActivityQuery): Promise<ActivityView> {
    return this.activities.getActivity(query);
  }

  @MessagePattern(Topics.venues.searchActivities)
  searchActivities(@Payload() query: SearchActivitiesQuery): Promise<Page<ActivityView>> {
    return this.activities.searchActivities(query);
  }

  @MessagePattern(Topics.venues.bookActivity)
  bookActivity(@Payload() command: BookActivityCommand): Promise<BookingView> {
    return this.bookings.bookActivity(command);
  }

  @MessagePattern(Topics.venues.requestActivityGroup)
  requestActivityGroup(@Payload() command: RequestActivityGroupCommand): Promise<BookingView> {
    return this.bookings.requestActivityGroup(command);
  }
}
