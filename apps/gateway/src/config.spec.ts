import { loadConfig } from '@app/config';
import { GatewayConfig, isProxyEntry, trustedProxiesOf } from './config.js';

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
});
