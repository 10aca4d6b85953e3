import type { INestMicroservice } from '@nestjs/common';
import { kafkaOf } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { servicePayloadCipher, startServiceApp } from '@app/messaging';
import { type DirectoryConfig, SERVICE_NAME } from './config.js';
import { DirectoryModule } from './directory.module.js';

/** Builds and starts the directory service; used by main.ts and by the tests. */
export function startDirectory(config: DirectoryConfig): Promise<INestMicroservice> {
  return startServiceApp(DirectoryModule.register(config), {
    service: SERVICE_NAME,
    kafka: kafkaOf(config, SERVICE_NAME),
    cipher: servicePayloadCipher(SERVICE_NAME, config),
    concurrency: config.CONSUMER_CONCURRENCY,
    logger: new JsonLogger(createRootLogger(SERVICE_NAME, config.LOG_LEVEL)),
  });
}
