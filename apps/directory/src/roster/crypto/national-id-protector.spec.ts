import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEV_ROSTER_ENCRYPTION_KEY,
  loadRosterEncryptionKey,
  NationalIdProtector,
} from './national-id-protector.js';

const nationalId = '11010519491231002X';

describe('NationalIdProtector', () => {
  const sut = new NationalIdProtector(randomBytes(32));

  it('encrypts so that only the same student id decrypts, and never stores the number in clear', () => {
    const studentId = randomUUID();
    const sealed = sut.protect(nationalId, studentId);
    expect(sealed.ciphertext.toString('latin1')).not.toContain('110105');
    expect(sealed.lastFour).toBe('002X');
    expect(sut.reveal(sealed.ciphertext, studentId)).toBe(nationalId);
    expect(() => sut.reveal(sealed.ciphertext, randomUUID())).toThrow();
  });

  it('gives a different ciphertext every time but the same lookup hash', () => {
    const a = sut.protect(nationalId, randomUUID());
    const b = sut.protect(nationalId, randomUUID());
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.hmac.equals(b.hmac)).toBe(true);
    expect(sut.lookupHash('370102201705140012').equals(a.hmac)).toBe(false);
  });

  it('still reads numbers and matches hashes stored before the scheme moved to a shared lib', () => {
    const stored = new NationalIdProtector(Buffer.from('studentpass-test-vector-key-0001'));
    const ciphertext = Buffer.from(
      'ARyPme7jcYAedE+TAenNTlQ+D+vMT4mloWyiF0zl0j9rUPlLRHTjAv510HBDmLA=',
      'base64',
    );
    expect(stored.reveal(ciphertext, '6f1c2a4e-0000-4000-8000-000000000001')).toBe(nationalId);
    expect(stored.lookupHash(nationalId).toString('hex')).toBe(
      '6b44852810ba224c85c627d410d3a4b13d42bc70502f959fbedaa9148b710a5b',
    );
  });

  it('hashes differently under another key', () => {
    const other = new NationalIdProtector(randomBytes(32));
    expect(other.lookupHash(nationalId).equals(sut.lookupHash(nationalId))).toBe(false);
  });
});

describe('loadRosterEncryptionKey', () => {
  it('uses the development key when none is set outside production', () => {
    expect(
      loadRosterEncryptionKey({}).equals(Buffer.from(DEV_ROSTER_ENCRYPTION_KEY, 'base64')),
    ).toBe(true);
  });

  it('fails fast in production without a key of its own', () => {
    expect(() => loadRosterEncryptionKey({ NODE_ENV: 'production' })).toThrow(
      /ROSTER_ENCRYPTION_KEY must be set in production/,
    );
    expect(() =>
      loadRosterEncryptionKey({
        NODE_ENV: 'production',
        ROSTER_ENCRYPTION_KEY: DEV_ROSTER_ENCRYPTION_KEY,
      }),
    ).toThrow(/development key/);
  });

  it('refuses a key that is not 32 bytes of base64', () => {
    expect(() => loadRosterEncryptionKey({ ROSTER_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(
      /32 bytes/,
    );
    const key = randomBytes(32).toString('base64');
    expect(loadRosterEncryptionKey({ NODE_ENV: 'production', ROSTER_ENCRYPTION_KEY: key })).toEqual(
      Buffer.from(key, 'base64'),
    );
  });
});
