import { Module } from '@nestjs/common';

/** HTTP routes of the employment-aid service. */
@Module({})
export class EmploymentAidGatewayModule {}
