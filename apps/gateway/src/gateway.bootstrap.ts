import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { strictValidationPipe } from '@app/errors';
import { createRootLogger, JsonLogger } from '@app/logging';
import { RosterImportLimits } from '@app/contracts';
import { GatewayConfig, trustedProxiesOf } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { JSON_BODY_LIMIT_BYTES, refuseOversizedBodies } from './http/body-size.js';
import { noStoreExcept } from './http/cache-control.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { inspectRequestInput } from './http/input-inspection.js';
import { requestContextMiddleware } from './http/request-context.middleware.js';
import { applyServerTimeouts, type ServerTimeouts } from './http/server-timeouts.js';
import { ROSTER_UPLOAD_TYPES } from './roster/roster-uploads.js';

export const DOCS_PATH = 'docs';

/** Builds the gateway (not yet listening); used by main.ts and by the tests. */
export async function createGateway(config: GatewayConfig): Promise<NestExpressApplication> {
  const logger = new JsonLogger(createRootLogger('gateway', config.LOG_LEVEL));
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.register(config), {
    logger,
    // JSON only (registered in configureHttp): no route takes urlencoded forms.
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app, config);
  setupOpenApi(app);
  return app;
}

export type HttpSettings = ServerTimeouts & Pick<GatewayConfig, 'TRUSTED_PROXIES'>;

/** The HTTP stack every request meets before a controller (also used by the bench baseline). */
export function configureHttp(
  app: NestExpressApplication,
  settings: HttpSettings = new GatewayConfig(),
): void {
  // Forwarded headers are believed only from the configured proxies; `req.ip` is then the
  // client the last trusted proxy saw, else the connection's peer (rate limits, logs, login).
  const proxies = trustedProxiesOf(settings.TRUSTED_PROXIES);
  app.set('trust proxy', proxies.length > 0 ? proxies : false);
  applyServerTimeouts(app.getHttpServer(), settings);
  app.use(requestContextMiddleware);
  app.use(helmet());
  app.use(noStoreExcept([`/${DOCS_PATH}`]));
  app.use(
    refuseOversizedBodies({
      defaultBytes: JSON_BODY_LIMIT_BYTES,
      uploadBytes: RosterImportLimits.maxFileBytes,
      uploadTypes: ROSTER_UPLOAD_TYPES,
    }),
  );
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT_BYTES });
  app.use(inspectRequestInput());
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
