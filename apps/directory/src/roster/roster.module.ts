import { Module } from '@nestjs/common';

/** Classes, students, enrolment history, sensitive fields and bulk import. */
@Module({})
export class RosterModule {}
