import type { ErrorKind } from './app-error.js';

/** Codes any app may raise. Feature codes live with their contracts (`@app/contracts`). */
export const CommonErrorCodes = {
  VALIDATION_FAILED: 'invalid',
  MALFORMED_REQUEST: 'invalid',
  /** A body over the route's size limit (413), refused from its Content-Length when it has one. */
  PAYLOAD_TOO_LARGE: 'too_large',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  ROUTE_NOT_FOUND: 'not_found',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'rate_limited',
  SERVICE_UNAVAILABLE: 'unavailable',
  BROKER_UNAVAILABLE: 'unavailable',
  UPSTREAM_TIMEOUT: 'timeout',
  DEADLINE_EXCEEDED: 'timeout',
  NO_HANDLER: 'unavailable',
  NOT_READY: 'unavailable',
  INTERNAL: 'internal',
} as const satisfies Record<string, ErrorKind>;

export type CommonErrorCode = keyof typeof CommonErrorCodes;
