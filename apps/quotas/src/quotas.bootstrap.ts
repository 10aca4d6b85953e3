import type { INestMicroservice } from '@nestjs/common';
import { brokersOf } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { startServiceApp } from '@app/messaging';
import { SERVICE_NAME, type QuotasConfig } from './config.js';
import { QuotasModule } from './quotas.module.js';

/** Builds and starts the quotas service; used by main.ts and by the tests. */
export function startQuotas(config: QuotasConfig): Promise<INestMicroservice> {
  return startServiceApp(QuotasModule.register(config), {
    service: SERVICE_NAME,
    brokers: brokersOf(config),
    concurrency: config.CONSUMER_CONCURRENCY,
    logger: new JsonLogger(createRootLogger(SERVICE_NAME, config.LOG_LEVEL)),
  });
}
