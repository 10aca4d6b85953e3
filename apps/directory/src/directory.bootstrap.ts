import type { INestMicroservice } from '@nestjs/common';
import { brokersOf } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import { startServiceApp } from '@app/messaging';
import { type DirectoryConfig, SERVICE_NAME } from './config.js';
import { DirectoryModule } from './directory.module.js';

/** Builds and starts the directory service; used by main.ts and by the tests. */
export function startDirectory(config: DirectoryConfig): Promise<INestMicroservice> {
  return startServiceApp(DirectoryModule.register(config), {
    service: SERVICE_NAME,
    brokers: brokersOf(config),
    concurrency: config.CONSUMER_CONCURRENCY,
    logger: new JsonLogger(createRootLogger(SERVICE_NAME, config.LOG_LEVEL)),
  });
}
