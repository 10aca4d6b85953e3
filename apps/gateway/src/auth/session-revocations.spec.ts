import { loadConfig } from '@app/config';
import { GatewayConfig } from '../config.js';
import { SessionRevocations } from './session-revocations.js';

const newRevocations = () => new SessionRevocations(loadConfig(GatewayConfig, {}));
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('SessionRevocations', () => {
  it('refuses a revoked session until its tokens have expired (plus a minute for clock skew)', () => {
    const sut = newRevocations();
    sut.revoke('live', inMinutes(15));
    sut.revoke('long-gone', inMinutes(-2));
    expect(sut.isRevoked('live')).toBe(true);
    expect(sut.isRevoked('long-gone')).toBe(false);
    expect(sut.isRevoked('never-revoked')).toBe(false);
  });

  it('keeps the later expiry when a session is revoked twice (local logout, then the event)', () => {
    const sut = newRevocations();
    sut.revoke('session', inMinutes(15));
    sut.revoke('session', inMinutes(-5));
    expect(sut.isRevoked('session')).toBe(true);
  });

  it('is not caught up before it has read the topic', () => {
    expect(newRevocations().isCaughtUp()).toBe(false);
  });
});
