import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { strictValidationPipe } from '@app/errors';
import { createRootLogger, JsonLogger } from '@app/logging';
import { type GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { requestContextMiddleware } from './http/request-context.middleware.js';

export const DOCS_PATH = 'docs';

/** Builds the gateway (not yet listening); used by main.ts and by the tests. */
export async function createGateway(config: GatewayConfig): Promise<NestExpressApplication> {
  const logger = new JsonLogger(createRootLogger('gateway', config.LOG_LEVEL));
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger,
    bodyParser: true,
    abortOnError: false,
  });
  configureHttp(app);
  setupOpenApi(app);
  return app;
}

/** The HTTP stack every request meets before a controller (also used by the bench baseline). */
export function configureHttp(app: NestExpressApplication): void {
  app.set('trust proxy', 'loopback');
  app.use(requestContextMiddleware);
  app.use(helmet());
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
}

function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('studentpass API')
      .setDescription(
        'One gateway for the public services that Shandong promises every student: venues, study tours, ' +
          'film screenings, employment aid and quotas. Every route needs a bearer token from POST /auth/login ' +
          'unless marked otherwise. Errors have the body { code, message, details?, errorId?, requestId }.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}/json` });
}

export async function startGateway(config: GatewayConfig): Promise<NestExpressApplication> {
  const app = await createGateway(config);
  await app.listen(config.PORT, config.HOST);
  return app;
}
