import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { RpcClient } from '@app/messaging';
import { AccountsController } from './accounts/accounts.controller.js';
import { MeController } from './accounts/me.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { SessionRevocations } from './auth/session-revocations.js';
import { DaysController } from './calendar/days.controller.js';
import { HolidaysController } from './calendar/holidays.controller.js';
import { TermsController } from './calendar/terms.controller.js';
import { VacationsController } from './calendar/vacations.controller.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { buildOpenApiDocument } from './openapi.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { ClassesController } from './roster/classes.controller.js';
import { ImportsController } from './roster/imports.controller.js';
import { RosterUploads } from './roster/roster-uploads.js';
import { StudentsController } from './roster/students.controller.js';

type Schema = Record<string, unknown>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DIRECTORY_ROUTES = /^\/(auth|me|accounts|organisations|roster|calendar|health)(\/|$)/;

/** Every `$ref` anywhere below `node`, with the path to it. */
function refsOf(node: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, i) => refsOf(item, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push([path, value]);
      else refsOf(value, `${path}.${key}`, out);
    }
  }
  return out;
}

/** Schemas typed `object` that say nothing of their shape (no properties, no map, no ref). */
function shapelessObjects(node: unknown, path: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item, i) => shapelessObjects(item, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    const schema = node as Schema;
    if (
      schema.type === 'object' &&
      !schema.properties &&
      !schema.additionalProperties &&
      !schema.allOf &&
      !schema.oneOf
    ) {
      out.push(path);
    }
    // Examples are values, not schemas.
    for (const [key, value] of Object.entries(schema)) {
      if (key !== 'example' && key !== 'examples') shapelessObjects(value, `${path}.${key}`, out);
    }
  }
  return out;
}

describe('the OpenAPI document of the directory routes and /health', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [
        AuthController,
        MeController,
        AccountsController,
        OrganisationsController,
        HealthController,
        TermsController,
        VacationsController,
        HolidaysController,
        DaysController,
        ClassesController,
        StudentsController,
        ImportsController,
      ],
      providers: [
        { provide: RpcClient, useValue: {} },
        { provide: SessionRevocations, useValue: {} },
        { provide: HealthService, useValue: {} },
        { provide: RosterUploads, useValue: {} },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    document = buildOpenApiDocument(app);
    await app.close();
  });

  const operations = (): [string, Schema][] =>
    Object.entries(document.paths)
      .filter(([path]) => DIRECTORY_ROUTES.test(path))
      .flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map((m): [string, Schema] => [
          `${m.toUpperCase()} ${path}`,
          item[m] as unknown as Schema,
        ]),
      );

  it('documents every route of the scope', () => {
    expect(operations().length).toBeGreaterThanOrEqual(40);
  });

  it('gives every operation a summary', () => {
    const without = operations()
      .filter(([, op]) => typeof op.summary !== 'string' || op.summary.length === 0)
      .map(([name]) => name);
    expect(without).toEqual([]);
  });

  it('gives every operation one success response, with a schema unless it is a 204', () => {
    const wrong = operations().flatMap(([name, op]) => {
      const responses = op.responses as Record<string, Schema>;
      const success = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
      if (success.length !== 1) return [`${name}: ${success.join(', ') || 'no 2xx'}`];
      const [status] = success;
      if (status === '204') return [];
      const content = responses[status].content as Record<string, Schema> | undefined;
      const schema = content?.['application/json']?.schema as Schema | undefined;
      return schema && (schema.$ref || schema.type) ? [] : [`${name}: ${status} without a schema`];
    });
    expect(wrong).toEqual([]);
  });

  it('types every property: no bare object', () => {
    const ops = Object.fromEntries(operations());
    const refs = new Set(
      refsOf(ops, '').map(([, ref]) => ref.replace('#/components/schemas/', '')),
    );
    // The schemas the scope uses, and the schemas they use in turn.
    const schemas = document.components?.schemas ?? {};
    const seen = new Set<string>();
    const visit = (name: string): void => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const [, ref] of refsOf(schemas[name], '')) {
        visit(ref.replace('#/components/schemas/', ''));
      }
    };
    refs.forEach(visit);
    seen.delete('ErrorBodyDto'); // its `details` is free-form on purpose
    const bare = [
      ...shapelessObjects(ops, 'paths'),
      ...[...seen].flatMap((name) => shapelessObjects(schemas[name], name)),
    ];
    expect(bare).toEqual([]);
  });

  it('resolves every $ref', () => {
    const resolve = (ref: string): unknown =>
      ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          document,
        );
    const dangling = refsOf(document, '')
      .filter(([, ref]) => resolve(ref) === undefined)
      .map(([path, ref]) => `${path} → ${ref}`);
    expect(dangling).toEqual([]);
  });
});
