import { Module } from '@nestjs/common';
import { FilmsController } from './films.controller.js';
import { ScreeningsController } from './screenings.controller.js';

/**
 * HTTP routes of the screenings service: `/screenings/films/...` and `/screenings/...`. Express
 * matches in registration order: the films controller comes first, or `/screenings/:id` takes
 * `/screenings/films`.
 */
@Module({ controllers: [FilmsController, ScreeningsController] })
export class ScreeningsGatewayModule {}
