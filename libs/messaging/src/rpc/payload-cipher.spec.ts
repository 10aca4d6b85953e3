import { randomBytes } from 'node:crypto';
import { loadConfig, BaseConfig, DevSecrets } from '@app/config';
import {
  deriveServiceKey,
  gatewayPayloadCipher,
  PayloadCipher,
  sealedPlace,
  servicePayloadCipher,
} from './payload-cipher.js';

describe('PayloadCipher', () => {
  const master = randomBytes(32);
  const gateway = PayloadCipher.fromMasterKey(master);
  const venues = PayloadCipher.forService('venues', deriveServiceKey(master, 'venues'));
  const place = sealedPlace.request('venues.bookings.create', 'c-1');

  it('seals for one service what only that service (and the gateway) opens', () => {
    const sealed = gateway.seal('venues', place, '{"password":"Hunter2-身份证"}');
    expect(sealed).toMatch(/^spx1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('Hunter2');
    expect(venues.open('venues', place, sealed)).toBe('{"password":"Hunter2-身份证"}');
    expect(() => venues.open('directory', place, sealed)).toThrow(/No payload key/);
    const directory = PayloadCipher.forService('directory', deriveServiceKey(master, 'directory'));
    expect(() => directory.open('directory', place, sealed)).toThrow();
  });

  it('refuses a payload moved to another place, tampered with, or never sealed', () => {
    const sealed = venues.seal('venues', sealedPlace.reply('c-1'), '{"ok":true}');
    expect(gateway.open('venues', sealedPlace.reply('c-1'), sealed)).toBe('{"ok":true}');
    expect(() => gateway.open('venues', sealedPlace.reply('c-2'), sealed)).toThrow();
    expect(() => gateway.open('venues', sealedPlace.error('c-1'), sealed)).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => gateway.open('venues', sealedPlace.reply('c-1'), flipped)).toThrow();
    expect(() => gateway.open('venues', sealedPlace.reply('c-1'), '{"ok":true}')).toThrow(
      /not sealed/,
    );
  });

  it('takes a service key of its own, or derives it from the master key; production refuses the development key', () => {
    const config = loadConfig(BaseConfig, {});
    const sealed = gatewayPayloadCipher(config).seal('quotas', place, 'x');
    expect(servicePayloadCipher('quotas', config).open('quotas', place, sealed)).toBe('x');
    const own = deriveServiceKey(Buffer.from(DevSecrets.rpcMasterKey, 'base64'), 'quotas');
    const withOwn = loadConfig(BaseConfig, { RPC_SERVICE_KEY: own.toString('base64') });
    expect(servicePayloadCipher('quotas', withOwn).open('quotas', place, sealed)).toBe('x');
    expect(() => gatewayPayloadCipher(config, 'production')).toThrow(/RPC_MASTER_KEY/);
    expect(() => servicePayloadCipher('quotas', config, 'production')).toThrow(/RPC_MASTER_KEY/);
  });
});
