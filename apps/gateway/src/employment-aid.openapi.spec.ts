import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { RpcClient } from '@app/messaging';
import { CentreController } from './employment-aid/centre.controller.js';
import { GraduatesController } from './employment-aid/graduates.controller.js';
import { MyAidController } from './employment-aid/me.controller.js';
import { PostingsController } from './employment-aid/postings.controller.js';
import { SupportController } from './employment-aid/support.controller.js';
import { buildOpenApiDocument } from './openapi.js';

type Json = Record<string, unknown>;

/** Every `$ref` under a node, and every object schema that says nothing about its shape. */
function walk(node: unknown, at: string, refs: string[], shapeless: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, `${at}[${index}]`, refs, shapeless));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (typeof schema.$ref === 'string') refs.push(schema.$ref);
  if (
    schema.type === 'object' &&
    !schema.properties &&
    !schema.additionalProperties &&
    !schema.allOf &&
    !schema.oneOf
  ) {
    shapeless.push(at);
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key !== 'example' && key !== 'examples') walk(value, `${at}.${key}`, refs, shapeless);
  }
}

describe('employment-aid OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [
        GraduatesController,
        SupportController,
        CentreController,
        PostingsController,
        MyAidController,
      ],
      providers: [{ provide: RpcClient, useValue: {} }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    document = buildOpenApiDocument(app);
  });

  afterAll(async () => {
    await app.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((method) => item[method])
        .map((method) => ({ name: `${method.toUpperCase()} ${path}`, op: item[method]! })),
    );

  it('documents every route under /employment-aid', () => {
    expect(operations().map((o) => o.name)).toHaveLength(39);
    expect(Object.keys(document.paths).every((p) => p.startsWith('/employment-aid'))).toBe(true);
  });

  it('gives every operation a summary and a 2xx answer with a schema', () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      if (!op.summary) missing.push(`${name}: summary`);
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length !== 1) missing.push(`${name}: one 2xx response`);
      for (const [, response] of success) {
        const content = (response as { content?: Record<string, { schema?: Json }> }).content;
        const schemas = Object.values(content ?? {}).map((c) => c.schema);
        if (!schemas.length || schemas.some((s) => !s)) missing.push(`${name}: 2xx schema`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the reports as JSON or a binary download with its file name', () => {
    for (const path of ['/employment-aid/reports/centre', '/employment-aid/reports/bureau']) {
      const ok = document.paths[path].get!.responses['200'] as unknown as {
        content: Record<string, { schema: Json }>;
        headers: Record<string, unknown>;
      };
      expect(ok.content['application/json'].schema.$ref).toMatch(/ReportView$/);
      expect(ok.content['text/csv'].schema).toEqual({ type: 'string', format: 'binary' });
      expect(
        ok.content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema,
      ).toEqual({ type: 'string', format: 'binary' });
      expect(ok.headers['Content-Disposition']).toBeDefined();
    }
  });

  it('has no shapeless object and resolves every $ref', () => {
    const refs: string[] = [];
    const shapeless: string[] = [];
    walk(document.paths, 'paths', refs, shapeless);
    // The shared error body's free-form `details` is not this domain's to shape.
    const { ErrorBodyDto: _errorBody, ...ours } = document.components?.schemas ?? {};
    walk(ours, 'schemas', refs, shapeless);
    expect(shapeless).toEqual([]);
    const unresolved = refs.filter((ref) => {
      if (!ref.startsWith('#/')) return true;
      let node: unknown = document;
      for (const part of ref.slice(2).split('/')) {
        node = node && typeof node === 'object' ? (node as Json)[part] : undefined;
      }
      return node === undefined;
    });
    expect(unresolved).toEqual([]);
  });

  it('types nullable fields and keeps the actor and path ids out of bodies and queries', () => {
    const schemas = document.components!.schemas as Record<string, Json>;
    const graduate = schemas.GraduateView.properties as Record<string, Json>;
    expect(graduate.mentorId).toMatchObject({ type: 'string', nullable: true });
    expect(graduate.intentions).toBeDefined();
    const body = schemas.LogSessionBody.properties as Record<string, Json>;
    expect(Object.keys(body)).not.toContain('actor');
    expect(Object.keys(body)).not.toContain('graduateId');
    const sessions = document.paths['/employment-aid/graduates/{id}/sessions'].get!;
    expect((sessions.parameters ?? []).map((p) => ('name' in p ? p.name : ''))).toEqual(
      expect.arrayContaining(['id', 'page', 'pageSize']),
    );
  });
});
