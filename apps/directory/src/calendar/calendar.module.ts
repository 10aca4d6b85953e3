import { Module } from '@nestjs/common';

/** Terms, vacations, statutory holidays and make-up working days. */
@Module({})
export class CalendarModule {}
