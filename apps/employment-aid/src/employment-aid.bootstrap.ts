import type { INestMicroservice } from '@nestjs/common';
import { kafkaOf } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { servicePayloadCipher, startServiceApp } from '@app/messaging';
import { SERVICE_NAME, type EmploymentAidConfig } from './config.js';
import { EmploymentAidModule } from './employment-aid.module.js';

/** Builds and starts the employment-aid service; used by main.ts and by the tests. */
export function startEmploymentAid(config: EmploymentAidConfig): Promise<INestMicroservice> {
  return startServiceApp(EmploymentAidModule.register(config), {
    service: SERVICE_NAME,
    kafka: kafkaOf(config, SERVICE_NAME),
    cipher: servicePayloadCipher(SERVICE_NAME, config),
    concurrency: config.CONSUMER_CONCURRENCY,
    logger: new JsonLogger(createRootLogger(SERVICE_NAME, config.LOG_LEVEL)),
  });
}
