import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError } from '@app/errors';

const RATE_LIMIT = 'http:rateLimit';
const WINDOW_MS = 60_000;

export type RateLimitBucket = 'default' | 'login' | 'none';

/** Puts a route in a stricter bucket (`login`) or exempts it (`none`, e.g. health probes). */
export const RateLimit = (bucket: RateLimitBucket): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(RATE_LIMIT, bucket), ApiExtension(RATE_LIMIT_EXTENSION, bucket));

/** The bucket in the OpenAPI document (`openapi.ts` documents 429 and the RateLimit headers). */
export const RATE_LIMIT_EXTENSION = 'x-rate-limit';

/** Limits per minute per client address; set from the gateway's config at start. */
export const rateLimits: Record<Exclude<RateLimitBucket, 'none'>, number> = {
  default: 1200,
  login: 20,
};

interface Window {
  startedAt: number;
  count: number;
}

/**
 * A fixed one-minute window per client address and bucket, kept in this gateway's memory:
 * enough to stop a runaway client or password guessing on one instance. Several gateway
 * instances each count on their own (a shared store is future work).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();
  private lastSweep = Date.now();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const bucket =
      this.reflector.getAllAndOverride<RateLimitBucket>(RATE_LIMIT, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'default';
    if (bucket === 'none') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const now = Date.now();
    this.sweep(now);
    const key = `${bucket}:${request.ip ?? 'unknown'}`;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const limit = rateLimits[bucket];
    const resetSeconds = Math.ceil((window.startedAt + WINDOW_MS - now) / 1000);
    response.setHeader('RateLimit-Limit', String(limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    response.setHeader('RateLimit-Reset', String(resetSeconds));
    if (window.count > limit) {
      response.setHeader('Retry-After', String(resetSeconds));
      throw new AppError(
        'RATE_LIMITED',
        'rate_limited',
        `Too many requests; try again in ${resetSeconds} s`,
        {
          limit,
          retryAfterSeconds: resetSeconds,
        },
      );
    }
    return true;
  }

  /** Drops finished windows now and then, so memory stays bounded by active clients. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= WINDOW_MS) this.windows.delete(key);
    }
  }
}
