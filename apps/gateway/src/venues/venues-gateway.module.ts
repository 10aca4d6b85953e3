import { Module } from '@nestjs/common';
import { BookingsController } from './bookings.controller.js';
import { VenuesController } from './venues.controller.js';
import { WaitlistController } from './waitlist.controller.js';

/** HTTP routes of the venues service: `/venues/...`, `/bookings/...` and `/waitlist/...`. */
@Module({ controllers: [VenuesController, BookingsController, WaitlistController] })
export class VenuesGatewayModule {}
