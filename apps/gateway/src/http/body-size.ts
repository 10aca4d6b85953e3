import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '@app/errors';

/** JSON bodies (and any other body but an upload) up to 1 MiB. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export interface BodyLimits {
  /** Every body but an upload. */
  defaultBytes: number;
  /** Bodies of the upload content types (streamed by their route, e.g. roster CSV files). */
  uploadBytes: number;
  uploadTypes: readonly string[];
}

export const payloadTooLarge = (limitBytes: number): AppError =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    'too_large',
    `The request body is larger than this route takes (at most ${limitBytes} bytes)`,
    { limitBytes },
  );

/**
 * Refuses a body from its Content-Length before a byte of it is read: body-parser would
 * otherwise read (and wait for) the whole announced body before it answers 413. What the
 * client still sends is discarded by Node, and HTTP_REQUEST_TIMEOUT_MS bounds how long.
 * Bodies without a length (chunked) are cut off by the parsers' own limits.
 */
export function refuseOversizedBodies(limits: BodyLimits): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const announced = req.headers['content-length'];
    if (announced === undefined) return next();
    const limit = req.is([...limits.uploadTypes]) ? limits.uploadBytes : limits.defaultBytes;
    if (Number(announced) > limit) return next(payloadTooLarge(limit));
    next();
  };
}
