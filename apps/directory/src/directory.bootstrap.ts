import { NestFactory } from '@nestjs/core';
import type { INestMicroservice } from '@nestjs/common';
import { brokersOf } from '@app/config';
import { createRootLogger, JsonLogger } from '@app/logging';
import {
  RpcContextInterceptor,
  RpcErrorFilter,
  rpcValidationPipe,
  serviceTransport,
} from '@app/messaging';
import { type DirectoryConfig, SERVICE_NAME } from './config.js';
import { DirectoryModule } from './directory.module.js';

/** Builds and starts the directory service; used by main.ts and by the tests. */
export async function startDirectory(config: DirectoryConfig): Promise<INestMicroservice> {
  const logger = new JsonLogger(createRootLogger(SERVICE_NAME, config.LOG_LEVEL));
  const app = await NestFactory.createMicroservice(DirectoryModule.register(config), {
    ...serviceTransport({
      service: SERVICE_NAME,
      brokers: brokersOf(config),
      concurrency: config.CONSUMER_CONCURRENCY,
    }),
    logger,
    abortOnError: false,
  });
  app.useGlobalPipes(rpcValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcContextInterceptor());
  await app.listen();
  return app;
}
