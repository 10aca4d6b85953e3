import { Module } from '@nestjs/common';
import { QuotasController } from './quotas.controller.js';

/** HTTP routes of the quotas service. */
@Module({ controllers: [QuotasController] })
export class QuotasGatewayModule {}
