import { Module } from '@nestjs/common';
import { ActivitiesController } from './activities.controller.js';
import { BookingsController } from './bookings.controller.js';
import { VenuesController } from './venues.controller.js';
import { GroupWaitlistController, WaitlistController } from './waitlist.controller.js';

/**
 * HTTP routes of the venues service, all under `/venues`: `/venues/bookings/...`,
 * `/venues/waitlist/...`, `/venues/group-waitlist/...`, `/venues/activities/...` and
 * `/venues/:id/...`. Express matches in registration order, so the controllers whose routes
 * have a static second segment come before `VenuesController` and its `/venues/:id`.
 */
@Module({
  controllers: [
    BookingsController,
    WaitlistController,
    GroupWaitlistController,
    ActivitiesController,
    VenuesController,
  ],
})
export class VenuesGatewayModule {}
