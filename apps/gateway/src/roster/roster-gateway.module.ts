import { Module } from '@nestjs/common';

/** HTTP routes of classes, students and roster imports (directory service). */
@Module({})
export class RosterGatewayModule {}
