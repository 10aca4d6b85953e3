import { CheckInTokens, checkInTokenKey, DEV_CHECKIN_TOKEN_KEY } from './check-in-token.js';

const claims = {
  bookingId: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d',
  venueId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  slotStartsAt: '2026-10-05T01:00:00.000Z',
};

describe('check-in tokens', () => {
  const tokens = new CheckInTokens(checkInTokenKey(undefined, {}));

  it('verifies its own tokens', () => {
    expect(tokens.verify(tokens.sign(claims))).toEqual(claims);
  });

  it('rejects a tampered body, a forged signature and garbage', () => {
    const [v, body, mac] = tokens.sign(claims).split('.');
    const otherBody = Buffer.from(
      `${claims.bookingId}|${claims.venueId}|2026-10-06T01:00:00.000Z`,
    ).toString('base64url');
    expect(tokens.verify(`${v}.${otherBody}.${mac}`)).toBeNull();
    expect(tokens.verify(`${v}.${body}.${mac.slice(0, -2)}AA`)).toBeNull();
    expect(
      new CheckInTokens(Buffer.from('another-key-another-key-another-key')).verify(
        tokens.sign(claims),
      ),
    ).toBeNull();
    expect(tokens.verify('not-a-token')).toBeNull();
  });

  it('refuses the development key in production', () => {
    expect(() => checkInTokenKey(undefined, { NODE_ENV: 'production' })).toThrow(/must be set/);
    expect(() => checkInTokenKey(DEV_CHECKIN_TOKEN_KEY, { NODE_ENV: 'production' })).toThrow(
      /development/,
    );
  });
});
