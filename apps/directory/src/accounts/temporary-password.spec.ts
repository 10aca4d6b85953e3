import { PASSWORD_RULE } from '@app/contracts';
import { temporaryPassword } from './accounts.service.js';

describe('temporaryPassword', () => {
  it('fits the password rule, reads without look-alike characters and never repeats', () => {
    const passwords = Array.from({ length: 200 }, () => temporaryPassword());
    for (const password of passwords) {
      expect(password).toMatch(PASSWORD_RULE);
      expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
      expect(password).not.toMatch(/[01oOiIl]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
