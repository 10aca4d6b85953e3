import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@app/errors';
import { RateLimitGuard, rateLimits, type RateLimitBucket } from './rate-limit.guard.js';

function httpContext(ip: string, bucket?: RateLimitBucket) {
  const headers: Record<string, string> = {};
  const handler = () => undefined;
  if (bucket) Reflect.defineMetadata('http:rateLimit', bucket, handler);
  const context = {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({
      getRequest: () => ({ ip }),
      getResponse: () => ({ setHeader: (name: string, value: string) => (headers[name] = value) }),
    }),
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('RateLimitGuard', () => {
  const saved = { ...rateLimits };
  afterEach(() => Object.assign(rateLimits, saved));

  it('lets a client through up to its limit, then refuses with RATE_LIMITED and Retry-After', () => {
    rateLimits.login = 2;
    const guard = new RateLimitGuard(new Reflector());
    expect(guard.canActivate(httpContext('10.0.0.1', 'login').context)).toBe(true);
    expect(guard.canActivate(httpContext('10.0.0.1', 'login').context)).toBe(true);
    const third = httpContext('10.0.0.1', 'login');
    expect(() => guard.canActivate(third.context)).toThrow(AppError);
    expect(third.headers['Retry-After']).toMatch(/^\d+$/);
    expect(third.headers['RateLimit-Remaining']).toBe('0');
  });

  it('counts each client address and bucket on its own, and never limits exempt routes', () => {
    rateLimits.login = 1;
    rateLimits.default = 1;
    const guard = new RateLimitGuard(new Reflector());
    expect(guard.canActivate(httpContext('10.0.0.1', 'login').context)).toBe(true);
    expect(guard.canActivate(httpContext('10.0.0.2', 'login').context)).toBe(true);
    expect(guard.canActivate(httpContext('10.0.0.1').context)).toBe(true);
    for (let i = 0; i < 5; i++)
      expect(guard.canActivate(httpContext('10.0.0.1', 'none').context)).toBe(true);
  });
});
