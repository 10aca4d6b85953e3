import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../../apps/gateway/src/auth/public.decorator.js';
import { startSuite, type Suite } from '../harness.js';

interface Route {
  method: string;
  path: string;
  isPublic: boolean;
}

/** Every HTTP route the gateway serves, read from Nest's own metadata. */
function listRoutes(suite: Suite): Route[] {
  const modules = suite.gateway.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: Route[] = [];
  const controllers = [...modules.values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of controllers) {
    const instance = wrapper.instance;
    const prototype = Object.getPrototypeOf(instance) as object;
    const base =
      (Reflect.getMetadata('path', wrapper.metatype as object) as string | undefined) ?? '';
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata('path', handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata('method', handler) as number];
      const full = `/${[base, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      const isPublic =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
          handler as () => void,
          wrapper.metatype as () => void,
        ]) ?? false;
      routes.push({ method, path: full, isPublic });
    }
  }
  return routes;
}

describe('the gateway surface', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await suite.close();
  });

  it('guards every route with a JWT unless it is on the list of public routes', async () => {
    const routes = listRoutes(suite);
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const publicRoutes = routes
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    // Adding a public route is a decision: put it here on purpose.
    expect(publicRoutes).toEqual(
      [
        'GET /health/live',
        'GET /health/ready',
        'POST /auth/login',
        'POST /auth/refresh',
        'GET /study-tours/bases',
        'GET /study-tours/bases/:organisationId',
      ].sort(),
    );
    for (const route of routes.filter((r) => !r.isPublic)) {
      const res = await suite
        .http()
        [route.method.toLowerCase() as 'get'](route.path.replace(/:(\w+)/g, 'x'));
      expect({
        route: `${route.method} ${route.path}`,
        status: res.status,
        code: res.body.code,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('answers ready with every dependency up', async () => {
    const res = await suite.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({
      ready: true,
      checks: {
        kafka: 'up',
        replies: 'up',
        revocations: 'up',
        directory: 'up',
        venues: 'up',
        'employment-aid': 'up',
        screenings: 'up',
        'study-tours': 'up',
        quotas: 'up',
      },
    });
  });

  it('publishes its OpenAPI document, with examples, at /docs/json and a UI at /docs', async () => {
    const json = await suite.http().get('/docs/json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/auth/login', '/me', '/health/ready']),
    );
    expect(json.body.components.schemas.LoginBody.properties.email.example).toBe(
      'teacher@school.example',
    );
    // The document is published as it is, in production too: no demo account in it.
    expect(JSON.stringify(json.body)).not.toMatch(/Demo-Admin-2026!|@studentpass\.local/);
    expect(json.body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const ui = await suite.http().get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
    // Opened over plain HTTP from another machine, the page must not send its own scripts
    // and styles to https (helmet's default upgrade-insecure-requests left it blank).
    expect(ui.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
    const init = await suite.http().get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toContain('"persistAuthorization": true');
    expect(init.text).toContain('"filter": true');
  });

  it('limits login attempts per client with 429 RATE_LIMITED and Retry-After', async () => {
    const attempt = () =>
      suite.http().post('/auth/login').send({ email: 'guess@example.org', password: 'guess' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
