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

  it('still reads categories stored before the scheme moved to a shared lib', () => {
    const stored = new CategoryProtector(Buffer.from('studentpass-test-vector-key-0001'));
    const ciphertext = Buffer.from(
      'AWBY/CxcgZBSH7rmaPLJPL3FUmJ6ZNsbs6MxoBtCRzvOgk4LKz3uTIGZcqLo/H3Q6hJWsrWZww0=',
      'base64',
    );
    expect(stored.open(ciphertext, '6f1c2a4e-0000-4000-8000-000000000002')).toEqual([
      'low_income',
      'disability',
    ]);
  });

  it('refuses to start in production without a key of its own', () => {
    expect(() => loadCategoryKey(undefined, 'production')).toThrow(/must be set in production/);
    expect(() => loadCategoryKey(DEV_EMPLOYMENT_AID_ENCRYPTION_KEY, 'production')).toThrow(
      /development key/,
    );
  });
});
