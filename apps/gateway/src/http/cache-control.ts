import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * `Cache-Control: no-store` on every response but the public API documentation: nearly
 * every route answers for one signed-in user (national ids, hardship categories, tokens),
 * and a rule with exceptions per route is one that a new route forgets. Nothing of ours is
 * worth caching for its speed; the few public reads are small.
 */
export function noStoreExcept(publicPrefixes: readonly string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const isPublic = publicPrefixes.some(
      (prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`),
    );
    if (!isPublic) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
