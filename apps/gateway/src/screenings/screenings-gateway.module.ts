import { Module } from '@nestjs/common';
import { FilmsController } from './films.controller.js';
import { ScreeningsController } from './screenings.controller.js';

/** HTTP routes of the screenings service: `/films/...` and `/screenings/...`. */
@Module({ controllers: [FilmsController, ScreeningsController] })
export class ScreeningsGatewayModule {}
