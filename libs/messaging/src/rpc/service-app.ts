import type { INestMicroservice, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { strictValidationPipe } from '@app/errors';
import {
  RpcContextInterceptor,
  RpcErrorFilter,
  serviceTransport,
  type ServiceTransportOptions,
} from './server.js';

/**
 * Creates and starts a service on Kafka with what every service needs around its handlers:
 * payload validation, errors as `{ code, message, details }`, request ids and deadlines.
 */
export async function startServiceApp(
  module: Parameters<typeof NestFactory.createMicroservice>[0],
  options: ServiceTransportOptions & { logger: LoggerService | false },
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, {
    ...serviceTransport(options),
    logger: options.logger,
    abortOnError: false,
  });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RpcContextInterceptor());
  await app.listen();
  return app;
}
