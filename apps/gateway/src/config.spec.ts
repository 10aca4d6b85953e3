import { loadConfig } from '@app/config';
import { GatewayConfig, isProxyEntry, servesDocs, trustedProxiesOf } from './config.js';

describe('GatewayConfig', () => {
  it('trusts no proxy and bounds every connection by default', () => {
    const config = loadConfig(GatewayConfig, {});
    expect(trustedProxiesOf(config.TRUSTED_PROXIES)).toEqual([]);
    expect(config).toMatchObject({
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_REQUEST_TIMEOUT_MS: 120_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5_000,
    });
  });

  it('takes addresses, CIDR ranges and named ranges as trusted proxies', () => {
    const config = loadConfig(GatewayConfig, {
      TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,fd00::/8 ,loopback',
    });
    expect(trustedProxiesOf(config.TRUSTED_PROXIES)).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0', '::1/129', '1.2.3.4/8/1', '*']) {
      expect(isProxyEntry(bad)).toBe(false);
    }
  });

  it('names a bad proxy list and a header timeout above the request timeout', () => {
    expect(() => loadConfig(GatewayConfig, { TRUSTED_PROXIES: '10.0.0.1,everyone' })).toThrow(
      /TRUSTED_PROXIES/,
    );
    expect(() =>
      loadConfig(GatewayConfig, {
        HTTP_HEADERS_TIMEOUT_MS: '5000',
        HTTP_REQUEST_TIMEOUT_MS: '1000',
      }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('serves the API docs except in production, where OPENAPI_DOCS=on turns them on', () => {
    const config = (env: Partial<GatewayConfig>) => Object.assign(new GatewayConfig(), env);
    expect(servesDocs(config({}))).toBe(true);
    expect(servesDocs(config({ NODE_ENV: 'production' }))).toBe(false);
    expect(servesDocs(config({ NODE_ENV: 'production', OPENAPI_DOCS: 'on' }))).toBe(true);
    expect(servesDocs(config({ OPENAPI_DOCS: 'off' }))).toBe(false);
    expect(() => loadConfig(GatewayConfig, { OPENAPI_DOCS: 'maybe' })).toThrow(/OPENAPI_DOCS/);
  });
});
