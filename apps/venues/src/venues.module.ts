import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { kafkaOf } from '@app/config';
import { Topics } from '@app/contracts';
import { OutboxModule, rosterReadModel } from '@app/messaging';
import { Clock } from '@app/time';
import { ActivitiesController } from './activities/activities.controller.js';
import { ActivitiesRepository } from './activities/activities.repository.js';
import { ActivitiesService } from './activities/activities.service.js';
import { BookingsController } from './bookings/bookings.controller.js';
import { BookingsRepository } from './bookings/bookings.repository.js';
import { BookingsService } from './bookings/bookings.service.js';
import { CheckInTokens, checkInTokenKey } from './bookings/check-in-token.js';
import { VenuesConfig, SERVICE_NAME } from './config.js';
import { venuesDataSourceOptions } from './database/database.js';
import { DemoVenue } from './demo/demo-venue.js';
import { HealthController } from './health/health.controller.js';
import { VenueJobs } from './jobs/venue-jobs.js';
import { ReadModelController } from './read-model/read-model.controller.js';
import { ReadModelRepository } from './read-model/read-model.repository.js';
import { SlotPlanner } from './slots/slot-planner.js';
import { SlotsRepository } from './slots/slots.repository.js';
import { VenuesController } from './venues/venues.controller.js';
import { VenuesRepository } from './venues/venues.repository.js';
import { VenuesService } from './venues/venues.service.js';
import { WaitlistController } from './waitlist/waitlist.controller.js';
import { WaitlistRepository } from './waitlist/waitlist.repository.js';
import { WaitlistService } from './waitlist/waitlist.service.js';
import { GroupWaitlistRepository } from './waitlist/group-waitlist.repository.js';
import { GroupWaitlistService } from './waitlist/group-waitlist.service.js';

/** The service's config, for every feature module to inject. */
@Global()
@Module({})
class VenuesConfigModule {
  static register(config: VenuesConfig): DynamicModule {
    return {
      module: VenuesConfigModule,
      providers: [{ provide: VenuesConfig, useValue: config }],
      exports: [VenuesConfig],
    };
  }
}

@Module({})
export class VenuesModule {
  static register(config: VenuesConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: VenuesModule,
      imports: [
        TypeOrmModule.forRoot(venuesDataSourceOptions(config)),
        VenuesConfigModule.register(config),
        OutboxModule.register({
          service: SERVICE_NAME,
          kafka: kafkaOf(config, SERVICE_NAME),
          // A booking's event may wait a few ms, so that under load a batch carries several.
          relay: { lingerMs: config.OUTBOX_LINGER_MS },
        }),
      ],
      controllers: [
        HealthController,
        ReadModelController,
        VenuesController,
        BookingsController,
        WaitlistController,
        ActivitiesController,
      ],
      providers: [
        { provide: Clock, useValue: clock },
        {
          provide: CheckInTokens,
          useValue: new CheckInTokens(checkInTokenKey(config.CHECKIN_TOKEN_KEY)),
        },
        ReadModelRepository,
        VenuesRepository,
        SlotsRepository,
        BookingsRepository,
        WaitlistRepository,
        WaitlistService,
        GroupWaitlistRepository,
        GroupWaitlistService,
        SlotPlanner,
        VenuesService,
        BookingsService,
        ActivitiesRepository,
        ActivitiesService,
        DemoVenue,
        VenueJobs,
        // The roster (group `venues-roster`): a booking's students are checked against it.
        rosterReadModel({
          service: SERVICE_NAME,
          kafka: kafkaOf(config, SERVICE_NAME),
          deadLetterTopic: Topics.deadLetters.venues,
          adapter: ReadModelRepository,
        }),
      ],
    };
  }
}
