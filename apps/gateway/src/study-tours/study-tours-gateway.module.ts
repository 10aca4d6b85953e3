import { Module } from '@nestjs/common';
import { StudyTourBasesController } from './bases.controller.js';
import { StudyTourBookingsController } from './bookings.controller.js';

/** HTTP routes of the study-tours service, under `/study-tours`. */
@Module({ controllers: [StudyTourBasesController, StudyTourBookingsController] })
export class StudyToursGatewayModule {}
