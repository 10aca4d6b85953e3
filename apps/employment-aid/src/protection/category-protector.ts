import type { Provider } from '@nestjs/common';
import { DIFFICULTY_CATEGORIES, type DifficultyCategory } from '@app/contracts';
import { FieldCipher, loadMasterKey } from '@app/sensitive-data';
import { EmploymentAidConfig } from '../config.js';

export const EMPLOYMENT_AID_ENCRYPTION_KEY_ENV = 'EMPLOYMENT_AID_ENCRYPTION_KEY';

/** Good for a laptop only (base64 of `studentpass-dev-aid-key-00000000`); refused in production. */
export const DEV_EMPLOYMENT_AID_ENCRYPTION_KEY = 'c3R1ZGVudHBhc3MtZGV2LWFpZC1rZXktMDAwMDAwMDA=';

/** The master key; throws with a clear message when production has none of its own. */
export function loadCategoryKey(
  configured: string | undefined,
  nodeEnv: string | undefined,
): Buffer {
  return loadMasterKey(
    {
      envName: EMPLOYMENT_AID_ENCRYPTION_KEY_ENV,
      developmentKey: DEV_EMPLOYMENT_AID_ENCRYPTION_KEY,
    },
    configured,
    nodeEnv,
  );
}

/**
 * Difficulty categories at rest, as a JSON list encrypted bound to the graduate id (a
 * ciphertext copied onto another graduate does not decrypt).
 */
export class CategoryProtector {
  private readonly cipher: FieldCipher;

  constructor(masterKey: Buffer) {
    this.cipher = new FieldCipher(masterKey, 'studentpass/employment-aid/categories');
  }

  seal(categories: DifficultyCategory[], graduateId: string): Buffer {
    return this.cipher.seal(JSON.stringify(categories), graduateId);
  }

  open(ciphertext: Buffer, graduateId: string): DifficultyCategory[] {
    const parsed = JSON.parse(this.cipher.open(ciphertext, graduateId)) as unknown[];
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
