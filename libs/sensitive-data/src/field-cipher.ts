import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A key of its own for each use, derived with HKDF so that no derived key reveals another. */
function deriveKey(masterKey: Buffer, purpose: string): Buffer {
  if (masterKey.length !== 32) throw new Error('A master key must be 32 bytes');
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), purpose, 32));
}

/** Leading byte of a ciphertext: which key and layout made it, so keys can rotate later. */
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * One sensitive field at rest: AES-256-GCM with a random IV and the owning row's id as
 * additional data, so a ciphertext copied onto another row does not decrypt. Layout:
 * format byte, IV, tag, body. `purpose` (the HKDF info) names the field, e.g.
 * `studentpass/roster/national-id/aes-gcm`; changing it makes stored values unreadable.
 */
export class FieldCipher {
  private readonly key: Buffer;

  constructor(masterKey: Buffer, purpose: string) {
    this.key = deriveKey(masterKey, purpose);
  }

  seal(plaintext: string, ownerId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(ownerId, 'ascii'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
  }

  /** Throws on another owner's ciphertext, a tampered one, or an unknown format. */
  open(ciphertext: Buffer, ownerId: string): string {
    if (ciphertext[0] !== FORMAT_V1) throw new Error('Unknown field ciphertext format');
    const iv = ciphertext.subarray(1, 1 + IV_BYTES);
    const tag = ciphertext.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(ownerId, 'ascii'));
    decipher.setAuthTag(tag);
    const body = ciphertext.subarray(1 + IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }
}

/**
 * Keyed HMAC-SHA-256 of a value: the same value always gives the same hash under one key,
 * so duplicates are found without decrypting, and without the key nobody can hash guesses.
 */
export class KeyedHash {
  private readonly key: Buffer;

  constructor(masterKey: Buffer, purpose: string) {
    this.key = deriveKey(masterKey, purpose);
  }

  of(value: string): Buffer {
    return createHmac('sha256', this.key).update(value, 'utf8').digest();
  }
}
