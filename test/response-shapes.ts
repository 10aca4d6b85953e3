/**
 * Checks every response the end-to-end tests receive through `suite.http()` against the
 * gateway's OpenAPI document (built from the code under test, as `/docs/json` serves it):
 * the status must be documented for the operation, and a JSON body must match the
 * documented schema (ajv). A mismatch fails the test that received the response (an
 * `afterEach` hook). Which operations were checked with a success response is written to
 * `test-results/openapi-coverage/` for `npm run openapi:coverage`.
 *
 * RESPONSE_SHAPES=off turns the check off (e.g. to look at a failure without it); `record`
 * only records which operations answered (no test fails on a mismatch).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type TestAgent from 'supertest/lib/agent.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export const COVERAGE_DIR = 'test-results/openapi-coverage';

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, unknown>;
}

interface Finding {
  operation: string;
  status: number;
  problem: string;
}

/** One suite's checker: compiled validators, findings since the last test, coverage. */
export class ResponseShapes {
  private readonly ajv: Ajv;
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  private pending: Finding[] = [];
  /** `GET /films/{id}` → statuses seen with a body that matched. */
  readonly checked = new Map<string, Set<number>>();
  /** Operations that answered a success at all (matching or not). */
  readonly succeeded = new Set<string>();

  constructor(private readonly document: OpenAPIObject) {
    const schema = toJsonSchema(structuredClone(document)) as OpenAPIObject;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(schema, 'openapi');
    for (const [template, path] of Object.entries(schema.paths)) {
      for (const method of METHODS) {
        const operation = path[method];
        if (!operation) continue;
        const source = template
          .split('/')
          .map((part) => (/^\{.+\}$/.test(part) ? '[^/]+' : escapeRegExp(part)))
          .join('/');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}$`),
          params: (template.match(/\{/g) ?? []).length,
          responses: operation.responses,
        });
      }
    }
    // A static segment wins over a parameter (`/venues/bookings` before `/venues/{id}`).
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** Wraps an agent so that every response it receives is checked. */
  watch(agent: TestAgent): TestAgent {
    return new Proxy(agent, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const name = String(property).toUpperCase();
        if (!(METHODS as readonly string[]).includes(name.toLowerCase()) && name !== 'DEL') {
          return (value as (...args: unknown[]) => unknown).bind(target);
        }
        return (url: string, ...rest: unknown[]) => {
          const test = (value as (...args: unknown[]) => NodeJS.EventEmitter).call(
            target,
            url,
            ...rest,
          );
          const method = name === 'DEL' ? 'DELETE' : name;
          test.on('response', (res: ShapeResponse) => this.check(method, url, res));
          return test;
        };
      },
    });
  }

  /** Wraps `fetch` (for the typed API client) so that every response it receives is checked. */
  watchFetch(fetchImpl: typeof fetch = fetch): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const response = await fetchImpl(request);
      const type = response.headers.get('content-type') ?? '';
      const body: unknown = type.startsWith('application/json')
        ? await response
            .clone()
            .json()
            .catch(() => undefined)
        : undefined;
      this.check(request.method, request.url, {
        status: response.status,
        body,
        headers: Object.fromEntries(response.headers),
      });
      return response;
    };
  }

  /** The findings since the last call (the `afterEach` hook fails the test on any). */
  takeFindings(): Finding[] {
    if (process.env.RESPONSE_SHAPES === 'record') this.pending = [];
    const findings = this.pending;
    this.pending = [];
    return findings;
  }

  writeCoverage(file: string): void {
    mkdirSync(COVERAGE_DIR, { recursive: true });
    const checked = Object.fromEntries(
      [...this.checked].map(([operation, statuses]) => [operation, [...statuses].sort()]),
    );
    writeFileSync(
      `${COVERAGE_DIR}/${file.replace(/[^A-Za-z0-9.-]+/g, '_')}-${randomUUID().slice(0, 8)}.json`,
      JSON.stringify(
        { file, operations: this.operations.length, checked, succeeded: [...this.succeeded] },
        null,
        1,
      ),
    );
  }

  private check(method: string, url: string, res: ShapeResponse): void {
    const path = new URL(url, 'http://gateway').pathname;
    const operation = this.operations.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path),
    );
    // Unknown routes (404 ROUTE_NOT_FOUND) and the docs themselves are not operations.
    if (!operation) return;
    const name = `${method} ${operation.template}`;
    const status = res.status;
    if (status >= 200 && status < 300) this.succeeded.add(name);
    const documented =
      operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
    if (!documented) {
      this.pending.push({
        operation: name,
        status,
        problem: `status ${status} is not documented (body: ${brief(res.body)})`,
      });
      return;
    }
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    if (type !== 'application/json') {
      if (status >= 200 && status < 300) this.mark(name, status);
      return;
    }
    const validate = this.validatorOf(
      operation,
      String(status) in operation.responses ? String(status) : `${String(status)[0]}XX`,
    );
    if (!validate) {
      this.pending.push({
        operation: name,
        status,
        problem: 'no JSON schema documented for this status',
      });
      return;
    }
    if (validate(res.body)) {
      if (status >= 200 && status < 300) this.mark(name, status);
      return;
    }
    const errors = (validate.errors ?? [])
      .slice(0, 6)
      .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`)
      .join('; ');
    this.pending.push({ operation: name, status, problem: `body does not match: ${errors}` });
  }

  private mark(name: string, status: number): void {
    const statuses = this.checked.get(name) ?? new Set<number>();
    statuses.add(status);
    this.checked.set(name, statuses);
  }

  /** Shared responses are references into `components.responses`. */
  private resolve(value: unknown): unknown {
    if (!isRef(value)) return value;
    const name = (value as { $ref: string }).$ref.split('/').pop()!;
    return this.document.components?.responses?.[name];
  }

  private validatorOf(operation: Operation, status: string): ValidateFunction | undefined {
    const key = `${operation.method} ${operation.template} ${status}`;
    if (this.validators.has(key)) return this.validators.get(key);
    const response = this.resolve(operation.responses[status]) as
      { content?: Record<string, { schema?: unknown }> } | undefined;
    const schema = response?.content?.['application/json']?.schema;
    if (!schema) return undefined;
    const pointer = [
      'paths',
      operation.template,
      operation.method.toLowerCase(),
      'responses',
      status,
    ]
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const ref = isRef(operation.responses[status])
      ? `openapi${(operation.responses[status] as { $ref: string }).$ref}/content/application~1json/schema`
      : `openapi#/${pointer}/content/application~1json/schema`;
    const validate = this.ajv.compile({ $ref: ref });
    this.validators.set(key, validate);
    return validate;
  }
}

interface ShapeResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

const isRef = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && '$ref' in value;

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `nullable: true` becomes a `null` type (or an
 * `anyOf` with null when the schema is a reference or composition).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const object = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(object)) {
    if (key === 'example' || key === 'examples') continue;
    object[key] = toJsonSchema(value);
  }
  if (object.nullable === true) {
    delete object.nullable;
    if (typeof object.type === 'string' && !('allOf' in object) && !('$ref' in object)) {
      object.type = [object.type, 'null'];
      if (Array.isArray(object.enum)) object.enum = [...(object.enum as unknown[]), null];
    } else {
      const copy = { ...object };
      for (const key of Object.keys(object)) delete object[key];
      object.anyOf = [copy, { type: 'null' }];
    }
  }
  return object;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const brief = (body: unknown) => {
  const text = JSON.stringify(body) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/** The checker of the running suite, for the `afterEach` hook. */
let current: ResponseShapes | undefined;

export function watchResponses(document: OpenAPIObject): ResponseShapes | undefined {
  if (process.env.RESPONSE_SHAPES === 'off') return undefined;
  current = new ResponseShapes(document);
  return current;
}

export function stopWatching(file: string): void {
  current?.writeCoverage(file);
  current = undefined;
}

/** Registered once per test file (by the harness): a test fails on a response off its contract. */
export function failOnShapeFindings(): void {
  const findings = current?.takeFindings() ?? [];
  if (findings.length === 0) return;
  throw new Error(
    `Responses that do not match the OpenAPI document:\n${findings
      .map((finding) => `  ${finding.operation} → ${finding.status}: ${finding.problem}`)
      .join('\n')}`,
  );
}
