import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { DirectoryConfig } from '../../config.js';

/**
 * `ROSTER_ENCRYPTION_KEY` (DirectoryConfig): 32 random bytes, base64 (`openssl rand -base64 32`).
 * Without it, development and tests use the key below; with NODE_ENV=production the service
 * refuses to start without a key of its own.
 */
export const ROSTER_ENCRYPTION_KEY_ENV = 'ROSTER_ENCRYPTION_KEY';

/** Good for a laptop only (base64 of `studentpass-dev-roster-key-00000`); refused in production. */
export const DEV_ROSTER_ENCRYPTION_KEY = 'c3R1ZGVudHBhc3MtZGV2LXJvc3Rlci1rZXktMDAwMDA=';

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/** The master key from the env; throws with a clear message when it is missing or malformed. */
export function loadRosterEncryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const production = env.NODE_ENV === 'production';
  const configured = env[ROSTER_ENCRYPTION_KEY_ENV]?.trim();
  if (!configured) {
    if (production) {
      throw new Error(
        `${ROSTER_ENCRYPTION_KEY_ENV} must be set in production: 32 random bytes, base64 (openssl rand -base64 32)`,
      );
    }
    return Buffer.from(DEV_ROSTER_ENCRYPTION_KEY, 'base64');
  }
  if (!BASE64_32_BYTES.test(configured)) {
    throw new Error(
      `${ROSTER_ENCRYPTION_KEY_ENV} must be 32 bytes, base64-encoded (44 characters)`,
    );
  }
  if (production && configured === DEV_ROSTER_ENCRYPTION_KEY) {
    throw new Error(`${ROSTER_ENCRYPTION_KEY_ENV} is the development key; set a key of your own`);
  }
  return Buffer.from(configured, 'base64');
}

export interface ProtectedNationalId {
  ciphertext: Buffer;
  hmac: Buffer;
  lastFour: string;
}

/** Leading byte of a ciphertext: which key and layout made it, so keys can rotate later. */
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Protects national ID numbers at rest: AES-256-GCM with a random IV, the student id as
 * additional data (a ciphertext copied onto another student does not decrypt), and a keyed
 * HMAC-SHA-256 to find duplicates without decrypting. The two keys are derived from one
 * master key with HKDF, so neither reveals the other.
 */
export class NationalIdProtector {
  private readonly encryptionKey: Buffer;
  private readonly hmacKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The roster master key must be 32 bytes');
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'studentpass/roster/national-id/aes-gcm', 32),
    );
    this.hmacKey = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'studentpass/roster/national-id/hmac', 32),
    );
  }

  /** Give it a valid, normalised number (see isValidNationalId). */
  protect(nationalId: string, studentId: string): ProtectedNationalId {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(studentId, 'ascii'));
    const body = Buffer.concat([cipher.update(nationalId, 'ascii'), cipher.final()]);
    return {
      ciphertext: Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]),
      hmac: this.lookupHash(nationalId),
      lastFour: nationalId.slice(-4),
    };
  }

  reveal(ciphertext: Buffer, studentId: string): string {
    if (ciphertext[0] !== FORMAT_V1) throw new Error('Unknown national ID ciphertext format');
    const iv = ciphertext.subarray(1, 1 + IV_BYTES);
    const tag = ciphertext.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAAD(Buffer.from(studentId, 'ascii'));
    decipher.setAuthTag(tag);
    const body = ciphertext.subarray(1 + IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('ascii');
  }

  /** The same number always gives the same hash under one key. */
  lookupHash(nationalId: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(nationalId, 'ascii').digest();
  }
}

/** Built at boot from DirectoryConfig, so a production service without a key fails to start. */
export const nationalIdProtectorProvider: Provider = {
  provide: NationalIdProtector,
  inject: [DirectoryConfig],
  useFactory: (config: DirectoryConfig) =>
    new NationalIdProtector(
      loadRosterEncryptionKey({
        NODE_ENV: process.env.NODE_ENV,
        ROSTER_ENCRYPTION_KEY: config.ROSTER_ENCRYPTION_KEY,
      }),
    ),
};
