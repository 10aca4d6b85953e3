import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@app/config';
import { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { buildOpenApiDocument } from './openapi.js';

type Schema = Record<string, unknown>;

/** Every schema object under `node`, with the path that leads to it. */
function* schemasIn(node: unknown, path: string): Generator<[string, Schema]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemasIn(item, `${path}[${i}]`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  yield [path, schema];
  for (const [key, value] of Object.entries(schema))
    if (key !== 'example' && key !== 'examples') yield* schemasIn(value, `${path}.${key}`);
}

/** What a local `$ref` (`#/components/schemas/X`) points to in the document, if anything. */
function target(document: OpenAPIObject, ref: string): Schema | undefined {
  let node: unknown = document;
  for (const part of ref.replace(/^#\//, '').split('/'))
    node = node && typeof node === 'object' ? (node as Schema)[part] : undefined;
  return node as Schema | undefined;
}

/** Every `$ref` reachable from the roots, with what it points to (undefined: unresolved). */
function reachable(document: OpenAPIObject, roots: unknown[]): Map<string, Schema | undefined> {
  const seen = new Map<string, Schema | undefined>();
  const visit = (node: unknown, path: string) => {
    for (const [, schema] of schemasIn(node, path)) {
      const ref = schema.$ref;
      if (typeof ref !== 'string' || seen.has(ref)) continue;
      const found = target(document, ref);
      seen.set(ref, found);
      if (found) visit(found, ref);
    }
  };
  roots.forEach((root, i) => visit(root, `root${i}`));
  return seen;
}

describe('OpenAPI document: study tours', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    // preview: the modules are scanned, no provider is created (no Kafka).
    const app = await NestFactory.create(GatewayModule.register(loadConfig(GatewayConfig, {})), {
      preview: true,
      logger: false,
    });
    document = buildOpenApiDocument(app);
    await app.close();
  });

  const operations = () =>
    Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/study-tours'))
      .flatMap(([path, item]) =>
        (['get', 'post', 'put', 'patch', 'delete'] as const)
          .filter((method) => item[method])
          .map((method) => ({ name: `${method.toUpperCase()} ${path}`, op: item[method]! })),
      );

  it('documents every route with a summary and a typed 2xx response', () => {
    const ops = operations();
    expect(ops.length).toBe(33);
    const problems: string[] = [];
    for (const { name, op } of ops) {
      if (!op.summary) problems.push(`${name}: no summary`);
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length !== 1) problems.push(`${name}: ${success.length} success responses`);
      for (const [status, response] of success) {
        const content = response && 'content' in response ? (response.content ?? {}) : {};
        if (Object.keys(content).length === 0) problems.push(`${name} ${status}: no content`);
        for (const [type, media] of Object.entries(content)) {
          const schema = media.schema as Schema | undefined;
          if (!schema) problems.push(`${name} ${status} ${type}: no schema`);
          else if (type !== 'application/json' && schema.format !== 'binary')
            problems.push(`${name} ${status} ${type}: a download that is not binary`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // Error bodies are the shared ErrorBodyDto (apps/gateway/src/http): only their $refs are checked here.
  it('types every property of inputs and successes, and resolves every $ref', () => {
    const ops = operations();
    const successes = (op: (typeof ops)[number]['op']) =>
      Object.entries(op.responses)
        .filter(([status]) => /^2\d\d$/.test(status))
        .map(([, response]) => response);
    const roots = ops.flatMap(({ op }) => [
      op.parameters ?? [],
      op.requestBody ?? {},
      successes(op),
    ]);
    const schemas = reachable(document, roots);
    const everyRef = reachable(
      document,
      ops.map(({ op }) => op),
    );
    const unresolved = [...everyRef].filter(([, schema]) => !schema).map(([name]) => name);
    expect(unresolved).toEqual([]);

    const untyped: string[] = [];
    const inspect = (node: unknown, where: string) => {
      for (const [path, schema] of schemasIn(node, where)) {
        const opaqueObject =
          schema.type === 'object' &&
          !schema.properties &&
          !schema.additionalProperties &&
          !schema.allOf;
        if (opaqueObject) untyped.push(path);
      }
    };
    for (const [name, schema] of schemas) inspect(schema, name);
    ops.forEach(({ name, op }) => {
      inspect(op.requestBody ?? {}, `${name} body`);
      inspect(op.parameters ?? [], `${name} parameters`);
      inspect(successes(op), `${name} responses`);
    });
    expect(untyped).toEqual([]);
  });
});
