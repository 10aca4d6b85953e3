import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { DIFFICULTY_CATEGORIES, type DifficultyCategory } from '@app/contracts';
import { EmploymentAidConfig } from '../config.js';

/**
 * Same scheme as the directory's national-id protector (copied, not imported: another
 * service's code; moving both to a lib is proposed in the report of issue 7).
 */
export const EMPLOYMENT_AID_ENCRYPTION_KEY_ENV = 'EMPLOYMENT_AID_ENCRYPTION_KEY';

/** Good for a laptop only (base64 of `studentpass-dev-aid-key-00000000`); refused in production. */
export const DEV_EMPLOYMENT_AID_ENCRYPTION_KEY = 'c3R1ZGVudHBhc3MtZGV2LWFpZC1rZXktMDAwMDAwMDA=';

/** The master key; throws with a clear message when production has none of its own. */
export function loadCategoryKey(
  configured: string | undefined,
  nodeEnv: string | undefined,
): Buffer {
  const production = nodeEnv === 'production';
  const key = configured?.trim();
  if (!key) {
    if (production) {
      throw new Error(
        `${EMPLOYMENT_AID_ENCRYPTION_KEY_ENV} must be set in production: 32 random bytes, base64 (openssl rand -base64 32)`,
      );
    }
    return Buffer.from(DEV_EMPLOYMENT_AID_ENCRYPTION_KEY, 'base64');
  }
  if (production && key === DEV_EMPLOYMENT_AID_ENCRYPTION_KEY) {
    throw new Error(
      `${EMPLOYMENT_AID_ENCRYPTION_KEY_ENV} is the development key; set a key of your own`,
    );
  }
  const bytes = Buffer.from(key, 'base64');
  if (bytes.length !== 32) {
    throw new Error(`${EMPLOYMENT_AID_ENCRYPTION_KEY_ENV} must be 32 bytes, base64-encoded`);
  }
  return bytes;
}

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Difficulty categories at rest: AES-256-GCM with a random IV and the graduate id as
 * additional data (a ciphertext copied onto another graduate does not decrypt).
 */
export class CategoryProtector {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The employment-aid master key must be 32 bytes');
    this.key = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'studentpass/employment-aid/categories', 32),
    );
  }

  seal(categories: DifficultyCategory[], graduateId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(graduateId, 'ascii'));
    const body = Buffer.concat([cipher.update(JSON.stringify(categories), 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
  }

  open(ciphertext: Buffer, graduateId: string): DifficultyCategory[] {
    if (ciphertext[0] !== FORMAT_V1) throw new Error('Unknown category ciphertext format');
    const iv = ciphertext.subarray(1, 1 + IV_BYTES);
    const tag = ciphertext.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(graduateId, 'ascii'));
    decipher.setAuthTag(tag);
    const body = ciphertext.subarray(1 + IV_BYTES + TAG_BYTES);
    const parsed = JSON.parse(
      Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'),
    ) as unknown[];
    return parsed.filter((c): c is DifficultyCategory =>
      (DIFFICULTY_CATEGORIES as readonly unknown[]).includes(c),
    );
  }
}

/** Built at boot, so a production service without a key of its own fails to start. */
export const categoryProtectorProvider: Provider = {
  provide: CategoryProtector,
  inject: [EmploymentAidConfig],
  useFactory: (config: EmploymentAidConfig) =>
    new CategoryProtector(
      loadCategoryKey(config.EMPLOYMENT_AID_ENCRYPTION_KEY, process.env.NODE_ENV),
    ),
};
