import type { INestApplication, Type } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { RpcClient } from '@app/messaging';
import { buildOpenApiDocument } from './openapi.js';
import { VenuesGatewayModule } from './venues/venues-gateway.module.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Json = Record<string, unknown>;

/** Every sub-object of a schema tree, with its path, to look at each property once. */
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

describe('OpenAPI document of the venues routes', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const sent: { topic: string; payload: unknown }[] = [];

  beforeAll(async () => {
    // The module's controllers in its order (the order Express matches them in), with a stub RPC client.
    const controllers = Reflect.getMetadata('controllers', VenuesGatewayModule) as Type[];
    const rpc = {
      send: (topic: string, payload: unknown) => {
        sent.push({ topic, payload });
        return Promise.resolve({ items: [], page: 1, pageSize: 20, total: 0 });
      },
    };
    const moduleRef = await Test.createTestingModule({
      controllers,
      providers: [{ provide: RpcClient, useValue: rpc }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use((req: { user?: unknown }, _res: unknown, next: () => void) => {
      req.user = { sub: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d', role: 'student', org: null };
      next();
    });
    await app.init();
    document = buildOpenApiDocument(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const operations = (): [string, Json][] =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method): [string, Json] => [
        `${method.toUpperCase()} ${path}`,
        item[method] as unknown as Json,
      ]),
    );

  it('puts every route under /venues', () => {
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !path.startsWith('/venues'))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/venues/bookings',
        '/venues/waitlist',
        '/venues/group-waitlist',
        '/venues/activities',
        '/venues/{id}/activities',
      ]),
    );
  });

  it('gives every operation a summary and a 2xx response with a schema', () => {
    const missing = operations().flatMap(([name, operation]) => {
      const summary = typeof operation.summary === 'string' && operation.summary.length > 0;
      const responses = operation.responses as Record<string, Json>;
      const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
      const content = success?.[1].content as Record<string, { schema?: unknown }> | undefined;
      const schema = content?.['application/json']?.schema;
      return [
        ...(summary ? [] : [`${name}: no summary`]),
        ...(schema ? [] : [`${name}: no 2xx schema`]),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('types every property: no bare object, every $ref resolves', () => {
    const schemas = document.components?.schemas ?? {};
    const problems: string[] = [];
    const resolve = (ref: string): unknown =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], document);
    for (const [path, node] of nodesOf({ paths: document.paths, schemas }, '')) {
      if (node.type === 'object' && !node.properties && !node.allOf && !node.additionalProperties) {
        // ErrorBodyDto.details is free-form on purpose (it differs per code).
        if (!path.startsWith('.schemas.ErrorBodyDto.')) problems.push(`${path}: bare object`);
      }
      if (typeof node.$ref === 'string' && resolve(node.$ref) === undefined) {
        problems.push(`${path}: ${node.$ref} does not resolve`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the error codes of a route and no untyped nullable field', () => {
    const booking = document.paths['/venues/bookings/individual'].post!;
    expect(Object.keys(booking.responses)).toEqual(
      expect.arrayContaining(['201', '400', '403', '404', '409']),
    );
    expect(booking.responses['403']).toMatchObject({
      description: 'BOOKING_BARRED, VENUE_ACTION_FORBIDDEN',
    });
    const view = document.components!.schemas!.BookingView as Json;
    expect((view.properties as Record<string, Json>).note).toMatchObject({
      type: 'string',
      nullable: true,
    });
  });

  it('routes GET /venues/bookings to the bookings, not to GET /venues/:id', async () => {
    await request(app.getHttpServer()).get('/venues/bookings').expect(200);
    await request(app.getHttpServer()).get('/venues/waitlist').expect(200);
    await request(app.getHttpServer()).get('/venues/group-waitlist').expect(200);
    await request(app.getHttpServer()).get('/venues/activities?grade=5').expect(200);
    expect(sent.map(({ topic }) => topic)).toEqual([
      'venues.bookings.mine',
      'venues.waitlist.mine',
      'venues.group-waitlist.mine',
      'venues.activities.search',
    ]);
  });
});
