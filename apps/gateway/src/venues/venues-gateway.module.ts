import { Module } from '@nestjs/common';

/** HTTP routes of the venues service. */
@Module({})
export class VenuesGatewayModule {}
