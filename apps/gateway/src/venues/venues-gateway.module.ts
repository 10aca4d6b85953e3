import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller.js';
import { BookingsController } from './bookings.controller.js';
import { VenuesController } from './venues.controller.js';
import { GroupWaitlistController, WaitlistController } from './waitlist.controller.js';

/** HTTP routes of the venues service: `/venues/...`, `/bookings/...`, `/waitlist/...`, `/group-waitlist/...` and `/activities/...`. */
@Module({
  controllers: [
    VenuesController,
    BookingsController,
    WaitlistController,
    GroupWaitlistController,
    ActivitiesController,
  ],
})
export class VenuesGatewayModule {}
