import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
  type ResponsesObject,
} from '@nestjs/swagger';
import { httpStatusOf } from '@app/errors';
import { ErrorCatalog, type ErrorCode } from '@app/contracts';
import { PASSWORD_CHANGE_EXTENSION } from './auth/password-change.decorator.js';
import { PUBLIC_EXTENSION } from './auth/public.decorator.js';
import { errorExamples } from './http/api-errors.js';
import { ErrorBodyDto } from './http/error-body.dto.js';
import { RATE_LIMIT_EXTENSION } from './http/rate-limit.guard.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * The gateway's OpenAPI document, as served at `/docs/json` and committed in
 * `docs/openapi.json` (`npm run openapi`): what the controllers declare, completed with what
 * every route shares — bearer security (none on `@Public()` routes), 400 for input that fails
 * validation, 401, 413, 429 with `Retry-After`, 503 and 504 where a route goes through Kafka,
 * and the `X-Request-Id` / `RateLimit-*` headers.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('studentpass API')
      .setDescription(
        'One gateway for the public services that Shandong promises every student: venues, study tours, ' +
          'film screenings, employment aid and quotas. Every route needs a bearer token from POST /auth/login ' +
          'unless marked otherwise (`security: []`). Errors have the body { code, message, details?, errorId?, requestId }; ' +
          'messages are in Chinese unless the request says `Accept-Language: en`.',
      )
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('http://127.0.0.1:3000', 'Local suite (npm start)')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
      .build(),
    {
      extraModels: [ErrorBodyDto],
      operationIdFactory: (controller, method) =>
        `${controller.replace(/Controller$/, '')}_${method}`,
    },
  );
  return completeDocument(document);
}

/** Error responses every route may give, by name in `components.responses`. */
const SHARED_ERRORS: Record<string, ErrorCode[]> = {
  ValidationFailed: ['VALIDATION_FAILED'],
  InvalidBody: ['VALIDATION_FAILED', 'MALFORMED_REQUEST'],
  PayloadTooLarge: ['PAYLOAD_TOO_LARGE'],
  Unauthenticated: ['UNAUTHENTICATED'],
  PasswordChangeRequired: ['PASSWORD_CHANGE_REQUIRED'],
  RateLimited: ['RATE_LIMITED'],
  ServiceUnavailable: ['SERVICE_UNAVAILABLE', 'BROKER_UNAVAILABLE'],
  GatewayTimeout: ['UPSTREAM_TIMEOUT', 'DEADLINE_EXCEEDED'],
};

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

function completeDocument(document: OpenAPIObject): OpenAPIObject {
  document.security = [{ bearer: [] }];
  document.components ??= {};
  document.components.headers = {
    ...document.components.headers,
    'X-Request-Id': {
      description:
        "The request's id (yours if you sent a sane one): quote it when reporting a problem",
      schema: { type: 'string' },
    },
    'RateLimit-Limit': {
      description: 'Requests allowed per minute from your address on this route group',
      schema: { type: 'integer' },
    },
    'RateLimit-Remaining': {
      description: 'Requests left in the current minute',
      schema: { type: 'integer' },
    },
    'RateLimit-Reset': {
      description: 'Seconds until the current window ends',
      schema: { type: 'integer' },
    },
    'Retry-After': {
      description: 'Seconds to wait before trying again',
      schema: { type: 'integer' },
    },
  };
  document.components.responses = { ...document.components.responses };
  for (const [name, codes] of Object.entries(SHARED_ERRORS)) {
    const response: ResponseObject = { description: '' };
    addCodes(response, codes);
    response.headers = { 'X-Request-Id': headerRef('X-Request-Id') };
    if (name === 'RateLimited') {
      response.headers['Retry-After'] = headerRef('Retry-After');
      response.headers['RateLimit-Limit'] = headerRef('RateLimit-Limit');
      response.headers['RateLimit-Remaining'] = headerRef('RateLimit-Remaining');
      response.headers['RateLimit-Reset'] = headerRef('RateLimit-Reset');
    }
    document.components.responses[name] = response;
  }
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) completeOperation(operation);
    }
  }
  return document;
}

function completeOperation(operation: OperationObject): void {
  const extensions = operation as OperationObject & Record<string, unknown>;
  const isPublic = extensions[PUBLIC_EXTENSION] === true;
  const bucket = extensions[RATE_LIMIT_EXTENSION] as string | undefined;
  const duringPasswordChange = extensions[PASSWORD_CHANGE_EXTENSION] === true;
  delete extensions[PASSWORD_CHANGE_EXTENSION];
  delete extensions[PUBLIC_EXTENSION];
  delete extensions[RATE_LIMIT_EXTENSION];
  // Security is document-wide; public routes say they need none.
  if (isPublic) operation.security = [];
  else delete operation.security;

  // `@Headers('idempotency-key')` adds a required parameter of its own beside the
  // `@ApiHeader` that documents it: one header parameter per name, the documented one.
  if (operation.parameters) {
    const headers = new Map<string, ParameterObject>();
    for (const parameter of operation.parameters as ParameterObject[]) {
      if (parameter.in !== 'header') continue;
      const key = parameter.name.toLowerCase();
      const known = headers.get(key);
      if (!known || (!known.description && parameter.description)) headers.set(key, parameter);
    }
    operation.parameters = (operation.parameters as ParameterObject[]).filter(
      (parameter) =>
        parameter.in !== 'header' || headers.get(parameter.name.toLowerCase()) === parameter,
    );
  }

  const responses = operation.responses;
  const limited = bucket !== 'none';
  // Headers of the route's own responses (the shared ones carry theirs); the rate-limit
  // headers are documented on successes, where a client paces itself by them.
  for (const [status, response] of Object.entries(responses) as [string, ResponseObject][]) {
    if ('$ref' in response) continue;
    const headers: NonNullable<ResponseObject['headers']> = {
      'X-Request-Id': headerRef('X-Request-Id'),
    };
    if (limited && status.startsWith('2')) {
      headers['RateLimit-Limit'] = headerRef('RateLimit-Limit');
      headers['RateLimit-Remaining'] = headerRef('RateLimit-Remaining');
      headers['RateLimit-Reset'] = headerRef('RateLimit-Reset');
    }
    response.headers = { ...headers, ...response.headers };
  }
  const hasBody = operation.requestBody !== undefined;
  const hasInput = (operation.parameters?.length ?? 0) > 0 || hasBody;
  if (hasBody) useShared(responses, 'InvalidBody');
  else if (hasInput) useShared(responses, 'ValidationFailed');
  if (hasBody) useShared(responses, 'PayloadTooLarge');
  if (!isPublic) useShared(responses, 'Unauthenticated');
  // An account whose password an admin reset may only change it (and read /me, log out).
  if (!isPublic && !duringPasswordChange) useShared(responses, 'PasswordChangeRequired');
  if (limited) useShared(responses, 'RateLimited');
  if (!(operation.tags ?? []).includes('health')) {
    useShared(responses, 'ServiceUnavailable');
    useShared(responses, 'GatewayTimeout');
  }
}

/** A shared error response by reference, or its codes merged into the route's own response of that status. */
function useShared(responses: ResponsesObject, name: string): void {
  const codes = SHARED_ERRORS[name];
  const status = String(httpStatusOf(ErrorCatalog[codes[0]]));
  const existing = responses[status];
  if (existing === undefined) responses[status] = { $ref: `#/components/responses/${name}` };
  else if (!('$ref' in existing)) addCodes(existing, codes);
}

/** Adds error codes to a response: listed in its description, one example body each. */
function addCodes(response: ResponseObject, codes: ErrorCode[]): void {
  const content = (response.content ??= {});
  const json = (content['application/json'] ??= {});
  json.schema ??= { $ref: '#/components/schemas/ErrorBodyDto' };
  delete json.example;
  const examples = (json.examples ??= {});
  const listed = response.description.split(/,\s*/).filter(Boolean);
  const added = codes.filter((code) => !(code in examples));
  Object.assign(examples, errorExamples(added));
  for (const code of added) {
    if (!listed.some((entry: string) => entry.startsWith(code))) listed.push(code);
  }
  response.description = listed.join(', ');
}
