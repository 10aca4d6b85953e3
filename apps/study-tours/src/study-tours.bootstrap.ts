import type { INestMicroservice } from '@nestjs/common';
import { kafkaOf } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { servicePayloadCipher, startServiceApp } from '@app/messaging';
import { SERVICE_NAME, type StudyToursConfig } from './config.js';
import { StudyToursModule } from './study-tours.module.js';

/** Builds and starts the study-tours service; used by main.ts and by the tests. */
export function startStudyTours(config: StudyToursConfig): Promise<INestMicroservice> {
  return startServiceApp(StudyToursModule.register(config), {
    service: SERVICE_NAME,
    kafka: kafkaOf(config, SERVICE_NAME),
    cipher: servicePayloadCipher(SERVICE_NAME, config),
    concurrency: config.CONSUMER_CONCURRENCY,
    logger: new JsonLogger(createRootLogger(SERVICE_NAME, config.LOG_LEVEL)),
  });
}
