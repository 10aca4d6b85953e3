import { isIP } from 'node:net';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { BaseConfig } from '@app/config';

/** The names Express's `trust proxy` knows besides addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One entry of `TRUSTED_PROXIES`: an IPv4/IPv6 address, a CIDR range, or a named range. */
export function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/** The configured proxies as a list; empty when none (then `X-Forwarded-For` is ignored). */
export const trustedProxiesOf = (value: string): string[] =>
  value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const IsProxyList = (): PropertyDecorator =>
  ValidateBy({
    name: 'isProxyList',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && trustedProxiesOf(value).every(isProxyEntry),
      defaultMessage: () =>
        'TRUSTED_PROXIES must be a comma-separated list of IP addresses, CIDR ranges (10.0.0.0/8) or loopback/linklocal/uniquelocal',
    },
  });

const NotAboveRequestTimeout = (): PropertyDecorator =>
  ValidateBy({
    name: 'notAboveRequestTimeout',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value === 'number' &&
        value <= (args?.object as GatewayConfig).HTTP_REQUEST_TIMEOUT_MS,
      defaultMessage: () =>
        'HTTP_HEADERS_TIMEOUT_MS must not be above HTTP_REQUEST_TIMEOUT_MS (Node refuses it)',
    },
  });

export class GatewayConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** Requests per minute per client address, all routes together. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /** Login attempts per minute per client address. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 20;

  /** Reply consumer group shared by gateway instances; each takes its own reply partitions. */
  @IsString()
  GATEWAY_GROUP_ID: string = 'gateway';

  /** How long /health/ready waits for each service's ping. */
  @IsInt()
  @Min(100)
  READINESS_TIMEOUT_MS: number = 1500;

  /**
   * Proxies whose `X-Forwarded-For` is believed (comma-separated addresses or CIDR ranges).
   * Empty: the client address is the connection's peer and forwarded headers are ignored.
   */
  @IsProxyList()
  TRUSTED_PROXIES: string = '';

  /** A client must send its request line and headers within this time (else 408, closed). */
  @IsInt()
  @Min(100)
  @NotAboveRequestTimeout()
  HTTP_HEADERS_TIMEOUT_MS: number = 10_000;

  /**
   * A client must send its whole request, body included, within this time (else 408,
   * closed). Two minutes take a 20 MiB roster file at about 1.5 Mbit/s.
   */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  HTTP_REQUEST_TIMEOUT_MS: number = 120_000;

  /** An idle keep-alive connection is closed after this time. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 5_000;

  /** `production` turns the API docs off unless OPENAPI_DOCS=on. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /**
   * Swagger UI at /docs and the document at /docs/json: `auto` serves them except in
   * production; `on` / `off` decide. The document is also in the repository (docs/openapi.json).
   */
  @IsIn(['auto', 'on', 'off'])
  OPENAPI_DOCS: 'auto' | 'on' | 'off' = 'auto';
}

/** Whether the gateway serves /docs. */
export const servesDocs = (config: GatewayConfig): boolean =>
  config.OPENAPI_DOCS === 'on' ||
  (config.OPENAPI_DOCS === 'auto' && config.NODE_ENV !== 'production');
