import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER, runWithRequestContext } from '@app/logging';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const logger = new Logger('Http');

/**
 * Gives every request an id (the caller's `X-Request-Id` if it is sane, else a new one),
 * echoes it in the response, makes it current for logs and Kafka headers, and logs the
 * outcome in one JSON line.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(REQUEST_ID_HEADER);
  const requestId = incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = performance.now();
  runWithRequestContext({ requestId }, () => {
    res.on('finish', () =>
      runWithRequestContext({ requestId }, () =>
        logger.log({
          msg: 'request',
          method: req.method,
          path: req.path,
          // The client as `trust proxy` (TRUSTED_PROXIES) resolves it, as rate limits see it.
          ip: req.ip,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        }),
      ),
    );
    next();
  });
}
