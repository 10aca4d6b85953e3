/**
 * What kind of failure an error is. The gateway turns a kind into an HTTP status in one
 * exhaustive switch (`httpStatusOf`), so a service never needs to know about HTTP.
 */
export type ErrorKind =
  | 'invalid'
  /** The request (its body) is larger than the route accepts. */
  | 'too_large'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'internal';

/** The shape every error takes on the wire: across a Kafka hop and in an HTTP body. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
  /** Present on unexpected errors: the id under which the full error was logged. */
  errorId?: string;
}

/** A failure with a stable code that a client can act on. Thrown by services and the gateway. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'too_large':
      return 413;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'locked':
      return 423;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    case 'unavailable':
      return 503;
    case 'timeout':
      return 504;
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}
