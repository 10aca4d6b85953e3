import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { strictValidationPipe } from '@app/errors';
import { createRootLogger, JsonLogger } from '@app/logging';
import { RosterImportLimits } from '@app/contracts';
import { GatewayConfig, servesDocs, trustedProxiesOf } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { JSON_BODY_LIMIT_BYTES, refuseOversizedBodies } from './http/body-size.js';
import { noStoreExcept } from './http/cache-control.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { inspectRequestInput } from './http/input-inspection.js';
import { buildOpenApiDocument } from './openapi.js';
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
  setupOpenApi(app, config);
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
  // No `upgrade-insecure-requests`: the gateway is reached over plain HTTP on a school's
  // network or behind a TLS proxy; with it, browsers fetch /docs' scripts and styles over
  // https from a server that has none, and Swagger UI stays blank.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
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

/**
 * Swagger UI at /docs (document at /docs/json): the filter box on, the token kept across
 * reloads. Off in production unless OPENAPI_DOCS=on.
 */
function setupOpenApi(app: INestApplication, config: GatewayConfig): void {
  if (!servesDocs(config)) return;
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${DOCS_PATH}/json`,
    customSiteTitle: 'studentpass API',
    swaggerOptions: {
      persistAuthorization: true,
      filter: true,
      displayRequestDuration: true,
      tryItOutEnabled: false,
    },
  });
}

export async function startGateway(config: GatewayConfig): Promise<NestExpressApplication> {
  const app = await createGateway(config);
  await app.listen(config.PORT, config.HOST);
  return app;
}
