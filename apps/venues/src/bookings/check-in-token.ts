import { createHmac, timingSafeEqual } from 'node:crypto';

/** Good for a laptop only; refused with NODE_ENV=production. */
export const DEV_CHECKIN_TOKEN_KEY = 'studentpass-dev-checkin-token-key-0000';

/** The key from the config; throws in production without a key of its own. */
export function checkInTokenKey(
  configured: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Buffer {
  const production = env.NODE_ENV === 'production';
  if (!configured) {
    if (production) throw new Error('CHECKIN_TOKEN_KEY must be set in production (32+ characters)');
    return Buffer.from(DEV_CHECKIN_TOKEN_KEY);
  }
  if (production && configured === DEV_CHECKIN_TOKEN_KEY) {
    throw new Error('CHECKIN_TOKEN_KEY is the development key; set a key of your own');
  }
  return Buffer.from(configured);
}

export interface CheckInClaims {
  bookingId: string;
  venueId: string;
  slotStartsAt: string;
}

/**
 * `v1.<base64url(bookingId|venueId|slotStartsAt)>.<base64url(HMAC-SHA256)>`: a scanner holding
 * the key verifies it offline; changing any byte breaks the signature.
 */
export class CheckInTokens {
  constructor(private readonly key: Buffer) {}

  sign(claims: CheckInClaims): string {
    const body = Buffer.from(
      `${claims.bookingId}|${claims.venueId}|${claims.slotStartsAt}`,
    ).toString('base64url');
    return `v1.${body}.${this.mac(body)}`;
  }

  /** The claims of a genuine token, or null for anything forged, tampered or malformed. */
  verify(token: string): CheckInClaims | null {
    const [version, body, mac, ...rest] = token.split('.');
    if (version !== 'v1' || !body || !mac || rest.length > 0) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [bookingId, venueId, slotStartsAt, ...more] = Buffer.from(body, 'base64url')
      .toString()
      .split('|');
    if (!bookingId || !venueId || !slotStartsAt || more.length > 0) return null;
    return { bookingId, venueId, slotStartsAt };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
