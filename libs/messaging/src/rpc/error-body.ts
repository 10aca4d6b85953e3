import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import { AppError, isErrorBody, type ErrorBody } from '@app/errors';

/**
 * What the caller of a failed request gets: the `{ code, message, details }` of an AppError,
 * or for an unexpected error INTERNAL with an error id, the error itself logged under that id.
 */
export function toErrorBody(exception: unknown, logger: Logger): ErrorBody {
  if (exception instanceof AppError) return exception.toBody();
  if (isErrorBody(exception)) return exception;
  const errorId = randomUUID();
  logger.error({ msg: 'unexpected error', errorId, err: exception });
  return { code: 'INTERNAL', message: 'Internal error', errorId };
}
