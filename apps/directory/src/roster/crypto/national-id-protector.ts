import type { Provider } from '@nestjs/common';
import { FieldCipher, KeyedHash, loadMasterKey } from '@app/sensitive-data';
import { DirectoryConfig } from '../../config.js';

/**
 * `ROSTER_ENCRYPTION_KEY` (DirectoryConfig): 32 random bytes, base64 (`openssl rand -base64 32`).
 * Without it, development and tests use the key below; with NODE_ENV=production the service
 * refuses to start without a key of its own.
 */
export const ROSTER_ENCRYPTION_KEY_ENV = 'ROSTER_ENCRYPTION_KEY';

/** Good for a laptop only (base64 of `studentpass-dev-roster-key-00000`); refused in production. */
export const DEV_ROSTER_ENCRYPTION_KEY = 'c3R1ZGVudHBhc3MtZGV2LXJvc3Rlci1rZXktMDAwMDA=';

/** The master key from the env; throws with a clear message when it is missing or malformed. */
export function loadRosterEncryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  return loadMasterKey(
    { envName: ROSTER_ENCRYPTION_KEY_ENV, developmentKey: DEV_ROSTER_ENCRYPTION_KEY },
    env[ROSTER_ENCRYPTION_KEY_ENV],
    env.NODE_ENV,
  );
}

export interface ProtectedNationalId {
  ciphertext: Buffer;
  hmac: Buffer;
  lastFour: string;
}

/**
 * Protects national ID numbers at rest: encrypted bound to the student id (a ciphertext
 * copied onto another student does not decrypt), and a keyed hash to find duplicates
 * without decrypting. Both keys are derived from the roster master key.
 */
export class NationalIdProtector {
  private readonly cipher: FieldCipher;
  private readonly hash: KeyedHash;

  constructor(masterKey: Buffer) {
    this.cipher = new FieldCipher(masterKey, 'studentpass/roster/national-id/aes-gcm');
    this.hash = new KeyedHash(masterKey, 'studentpass/roster/national-id/hmac');
  }

  /** Give it a valid, normalised number (see isValidNationalId). */
  protect(nationalId: string, studentId: string): ProtectedNationalId {
    return {
      ciphertext: this.cipher.seal(nationalId, studentId),
      hmac: this.lookupHash(nationalId),
      lastFour: nationalId.slice(-4),
    };
  }

  reveal(ciphertext: Buffer, studentId: string): string {
    return this.cipher.open(ciphertext, studentId);
  }

  /** The same number always gives the same hash under one key. */
  lookupHash(nationalId: string): Buffer {
    return this.hash.of(nationalId);
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
