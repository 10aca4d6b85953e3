import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { strictValidationPipe } from '@app/errors';
import { RpcClient } from '@app/messaging';
import { buildOpenApiDocument } from './openapi.js';
import { QuotasGatewayModule } from './quotas/quotas-gateway.module.js';
import { ScreeningsGatewayModule } from './screenings/screenings-gateway.module.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const BINARY = { type: 'string', format: 'binary' };
type Json = Record<string, unknown>;

/** Every schema under `node`, with its path, following no `$ref`. */
function* schemasIn(node: unknown, at: string): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemasIn(item, `${at}[${i}]`);
  } else if (node && typeof node === 'object') {
    yield [at, node as Json];
    for (const [key, value] of Object.entries(node)) yield* schemasIn(value, `${at}.${key}`);
  }
}

describe('OpenAPI of the screenings and quotas routes', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const sent: string[] = [];

  beforeAll(async () => {
    // The modules' controllers in their order (Express matches in it: films before `/screenings/:id`).
    const controllers = [ScreeningsGatewayModule, QuotasGatewayModule].flatMap(
      (module) => Reflect.getMetadata('controllers', module) as Type[],
    );
    const moduleRef = await Test.createTestingModule({
      controllers,
      providers: [
        {
          provide: RpcClient,
          useValue: { send: (topic: string) => (sent.push(topic), Promise.resolve({})) },
        },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use((req: Request & { user?: unknown }, _res: Response, next: NextFunction) => {
      req.user = { sub: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11', role: 'platform_admin', org: null };
      next();
    });
    app.useGlobalPipes(strictValidationPipe());
    await app.init();
    // As served: the gateway's builder adds the shared responses and headers by reference.
    document = buildOpenApiDocument(app);
  });

  afterAll(() => app.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ name: `${m} ${path}`, op: item[m]! })),
    );

  it('documents every films, screenings and quotas operation', () => {
    const names = operations().map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'get /screenings/films',
        'get /screenings/films/approved',
        'post /screenings/films/{id}/approvals/withdraw',
        'get /screenings/{id}/attendance/history',
        'get /quotas/reports/compliance',
        'post /quotas/ledger/rebuild',
      ]),
    );
    expect(names.some((n) => / \/films/.test(n))).toBe(false);
    expect(names).toHaveLength(29);
  });

  it('gives every operation a summary and a 2xx response with a schema', () => {
    for (const { name, op } of operations()) {
      expect([name, op.summary?.length ?? 0]).not.toEqual([name, 0]);
      const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect([name, ok.length]).toEqual([name, 1]);
      const content = (ok[0][1] as { content?: Record<string, { schema?: Json }> }).content ?? {};
      const json = content['application/json']?.schema;
      expect([name, json === undefined ? 'none' : 'json']).toEqual([name, 'json']);
      for (const [type, media] of Object.entries(content)) {
        if (type !== 'application/json')
          expect([name, type, media.schema]).toEqual([name, type, BINARY]);
      }
    }
  });

  it('types every property and resolves every $ref', () => {
    const schemas = document.components?.schemas ?? {};
    // The shared error body is the document builder's, not these routes'.
    const { ErrorBodyDto: _shared, ...ours } = schemas;
    for (const [at, node] of schemasIn({ paths: document.paths, schemas: ours }, '$')) {
      if (typeof node.$ref === 'string') {
        const target = node.$ref
          .replace(/^#\//, '')
          .split('/')
          .reduce<unknown>((parent, key) => (parent as Json | undefined)?.[key], document);
        expect([at, node.$ref, target !== undefined]).toEqual([at, node.$ref, true]);
      }
      if (node.type === 'object' && !at.endsWith('.examples')) {
        const shaped = node.properties ?? node.additionalProperties ?? node.allOf;
        expect([at, shaped !== undefined]).toEqual([at, true]);
      }
      if (at.includes('.properties.') && !('$ref' in node) && !at.endsWith('.properties')) {
        const typed = node.type ?? node.allOf ?? node.oneOf ?? node.enum;
        if (/\.properties\.[^.]+$/.test(at)) expect([at, typed !== undefined]).toEqual([at, true]);
      }
    }
  });

  it('routes GET /screenings/films to the catalogue, not to /screenings/:id', async () => {
    sent.length = 0;
    await request(app.getHttpServer()).get('/screenings/films').expect(200);
    await request(app.getHttpServer())
      .get('/screenings/films/approved?schoolYear=2026-2027')
      .expect(200);
    expect(sent).toEqual(['screenings.films.list', 'screenings.films.approved']);
  });
});
