import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { strictValidationPipe } from '@app/errors';
import { RpcClient } from '@app/messaging';
import { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { buildOpenApiDocument } from './openapi.js';
import { ScreeningsGatewayModule } from './screenings/screenings-gateway.module.js';
import { VenuesGatewayModule } from './venues/venues-gateway.module.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Json = Record<string, unknown>;

/** Every object of a tree with its path, skipping examples (free-form by nature). */
function* nodesOf(value: unknown, path: string): Generator<[string, Json]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* nodesOf(item, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    yield [path, value as Json];
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'example' && key !== 'examples') yield* nodesOf(child, `${path}.${key}`);
    }
  }
}

/**
 * The whole document as `npm run openapi` and `/docs/json` build it (Nest's preview mode: the
 * routes and decorators, no Kafka). What a client generator needs of every operation.
 */
describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  let operations: { name: string; operation: OperationObject }[];

  beforeAll(async () => {
    app = await NestFactory.create(GatewayModule.register(loadConfig(GatewayConfig, {})), {
      preview: true,
      logger: false,
      abortOnError: false,
    });
    document = buildOpenApiDocument(app);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation: item[method]!,
      })),
    );
  });

  afterAll(() => app.close());

  it('gives every operation a summary and one success response with a schema (or none for 204)', () => {
    expect(operations.length).toBeGreaterThan(150);
    const problems = operations.flatMap(({ name, operation }) => {
      const successes = Object.entries(operation.responses).filter(([status]) =>
        status.startsWith('2'),
      );
      const [status, success] = successes[0] ?? [];
      const content = (success as Json | undefined)?.content as
        Record<string, { schema?: unknown }> | undefined;
      return [
        ...(operation.summary ? [] : [`${name}: no summary`]),
        ...(successes.length === 1 ? [] : [`${name}: ${successes.length} success responses`]),
        ...(status === '204' || Object.values(content ?? {}).some((media) => media.schema)
          ? []
          : [`${name}: no success schema`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('types every property and resolves every reference', () => {
    const problems: string[] = [];
    const resolve = (ref: string): unknown =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
    for (const [path, node] of nodesOf(
      { paths: document.paths, components: document.components },
      '',
    )) {
      const shaped = node.properties ?? node.additionalProperties ?? node.allOf;
      // The error body's `details` differs per code on purpose.
      if (node.type === 'object' && !shaped && !path.includes('.ErrorBodyDto.')) {
        problems.push(`${path}: object without properties`);
      }
      if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined) {
        problems.push(`${path}: ${node.$ref} does not resolve`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the actor out of every body and query: the gateway sets it from the token', () => {
    const schemas = document.components?.schemas ?? {};
    const withActor = Object.entries(schemas)
      .filter(([, schema]) => 'actor' in (((schema as Json).properties as Json) ?? {}))
      .map(([name]) => name);
    const queries = operations.flatMap(({ name, operation }) =>
      ((operation.parameters ?? []) as ParameterObject[])
        .filter((parameter) => parameter.name === 'actor')
        .map(() => name),
    );
    expect([...withActor, ...queries]).toEqual([]);
  });

  it('marks public routes `security: []` and documents 401 and 403 PASSWORD_CHANGE_REQUIRED on the others', () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    const publicOnes = operations
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ name }) => name);
    expect(publicOnes).toEqual(
      expect.arrayContaining([
        'POST /auth/login',
        'POST /auth/refresh',
        'GET /health/ready',
        'GET /study-tours/bases',
      ]),
    );
    const openDuringPasswordChange = ['GET /me', 'POST /me/password', 'POST /auth/logout'];
    const problems = operations
      .filter(({ name }) => !publicOnes.includes(name))
      .flatMap(({ name, operation }) => {
        const forbidden = JSON.stringify(operation.responses['403'] ?? '');
        return [
          ...(operation.responses['401'] ? [] : [`${name}: no 401`]),
          ...(openDuringPasswordChange.includes(name) ||
          /PASSWORD_CHANGE_REQUIRED|PasswordChangeRequired/.test(forbidden)
            ? []
            : [`${name}: no 403 PASSWORD_CHANGE_REQUIRED`]),
        ];
      });
    expect(problems).toEqual([]);
  });

  it('documents a route’s own error codes with an example each, and the shared ones by reference', () => {
    const booking = document.paths['/venues/bookings/individual'].post!;
    expect(booking.responses['403']).toMatchObject({
      description: expect.stringContaining('VENUE_ACTION_FORBIDDEN') as unknown,
    });
    const examples = (booking.responses['409'] as unknown as Json).content as Record<string, Json>;
    expect(Object.keys(examples['application/json'].examples as Json)).toEqual(
      expect.arrayContaining(['IDEMPOTENCY_KEY_REUSED']),
    );
    expect(booking.responses['429']).toEqual({ $ref: '#/components/responses/RateLimited' });
    expect(booking.responses['504']).toEqual({ $ref: '#/components/responses/GatewayTimeout' });
    const headers = ((booking.parameters ?? []) as ParameterObject[]).filter(
      (parameter) => parameter.in === 'header',
    );
    expect(headers.map((header) => header.name)).toEqual(['Idempotency-Key']);
    const success = booking.responses['201'] as unknown as Json;
    expect(Object.keys(success.headers as Json)).toEqual(
      expect.arrayContaining(['X-Request-Id', 'RateLimit-Remaining']),
    );
  });

  it('documents downloads as binary with their file name', () => {
    const report = document.paths['/quotas/reports/compliance'].get!.responses[
      '200'
    ] as unknown as Json;
    const content = report.content as Record<string, { schema: Json }>;
    expect(content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
    expect((report.headers as Json)['Content-Disposition']).toBeDefined();
  });
});

/**
 * Each service's routes sit under one root, where a static segment meets `/:id`: Express
 * matches in registration order, so the static routes must come first.
 */
describe('route order under one root', () => {
  let app: INestApplication;
  const sent: string[] = [];

  beforeAll(async () => {
    const controllers = [VenuesGatewayModule, ScreeningsGatewayModule].flatMap(
      (module) => Reflect.getMetadata('controllers', module) as Type[],
    );
    const rpc = {
      send: (topic: string) => {
        sent.push(topic);
        return Promise.resolve({ items: [], page: 1, pageSize: 20, total: 0 });
      },
    };
    const moduleRef = await Test.createTestingModule({
      controllers,
      providers: [{ provide: RpcClient, useValue: rpc }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use((req: { user?: unknown }, _res: unknown, next: () => void) => {
      req.user = { sub: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d', role: 'platform_admin', org: null };
      next();
    });
    app.useGlobalPipes(strictValidationPipe());
    await app.init();
  });

  afterAll(() => app.close());

  it('sends GET /venues/bookings, /waitlist, /group-waitlist, /activities and /screenings/films to their lists, not to /:id', async () => {
    const http = () => request(app.getHttpServer());
    await http().get('/venues/bookings').expect(200);
    await http().get('/venues/waitlist').expect(200);
    await http().get('/venues/group-waitlist').expect(200);
    await http().get('/venues/activities?grade=5').expect(200);
    await http().get('/screenings/films').expect(200);
    await http().get('/screenings/films/approved?schoolYear=2026-2027').expect(200);
    expect(sent).toEqual([
      'venues.bookings.mine',
      'venues.waitlist.mine',
      'venues.group-waitlist.mine',
      'venues.activities.search',
      'screenings.films.list',
      'screenings.films.approved',
    ]);
  });
});
