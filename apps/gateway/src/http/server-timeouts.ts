import type { Server } from 'node:http';

export interface ServerTimeouts {
  HTTP_HEADERS_TIMEOUT_MS: number;
  HTTP_REQUEST_TIMEOUT_MS: number;
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number;
}

/**
 * Bounds how long a client may hold a connection: its headers, its whole request (a slow
 * or stalled body is answered 408 and closed) and an idle keep-alive. Set before the
 * server listens, since Node reads the checking interval then.
 */
export function applyServerTimeouts(server: Server, timeouts: ServerTimeouts): void {
  server.headersTimeout = timeouts.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = timeouts.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = timeouts.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // Node looks for expired requests every `connectionsCheckingInterval` (30 s by default),
  // so a 10 s header timeout could take 40 s; checking every second (or faster for shorter
  // timeouts) keeps the bound honest at the cost of one cheap timer.
  const shortest = Math.min(timeouts.HTTP_HEADERS_TIMEOUT_MS, timeouts.HTTP_REQUEST_TIMEOUT_MS);
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.max(50, Math.min(1_000, Math.floor(shortest / 4)));
}
