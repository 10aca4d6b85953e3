import { randomUUID } from 'node:crypto';
import {
  CategoryProtector,
  DEV_EMPLOYMENT_AID_ENCRYPTION_KEY,
  loadCategoryKey,
} from './category-protector.js';

describe('CategoryProtector', () => {
  const protector = new CategoryProtector(loadCategoryKey(undefined, 'test'));

  it('round-trips the categories and never stores them in clear', () => {
    const id = randomUUID();
    const sealed = protector.seal(['low_income', 'disability'], id);
    expect(sealed.toString('utf8')).not.toContain('low_income');
    expect(protector.open(sealed, id)).toEqual(['low_income', 'disability']);
  });

  it('refuses a ciphertext copied onto another graduate', () => {
    const sealed = protector.seal(['other'], randomUUID());
    expect(() => protector.open(sealed, randomUUID())).toThrow();
  });

  it('refuses to start in production without a key of its own', () => {
    expect(() => loadCategoryKey(undefined, 'production')).toThrow(/must be set in production/);
    expect(() => loadCategoryKey(DEV_EMPLOYMENT_AID_ENCRYPTION_KEY, 'production')).toThrow(
      /development key/,
    );
  });
});
