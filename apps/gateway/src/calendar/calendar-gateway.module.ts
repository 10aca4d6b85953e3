import { Module } from '@nestjs/common';

/** HTTP routes of the calendar (directory service). */
@Module({})
export class CalendarGatewayModule {}
