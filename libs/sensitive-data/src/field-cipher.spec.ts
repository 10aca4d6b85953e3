import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher, KeyedHash } from './field-cipher.js';
import { loadMasterKey } from './master-key.js';

describe('FieldCipher', () => {
  const masterKey = randomBytes(32);
  const sut = new FieldCipher(masterKey, 'test/field');

  it('round-trips a value bound to its owner, never in clear and never twice the same', () => {
    const owner = randomUUID();
    const a = sut.seal('张三 11010519491231002X', owner);
    const b = sut.seal('张三 11010519491231002X', owner);
    expect(a.toString('latin1')).not.toContain('110105');
    expect(a.equals(b)).toBe(false);
    expect(sut.open(a, owner)).toBe('张三 11010519491231002X');
  });

  it("refuses another owner's ciphertext, a tampered one, and another purpose's key", () => {
    const owner = randomUUID();
    const sealed = sut.seal('secret', owner);
    expect(() => sut.open(sealed, randomUUID())).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(() => sut.open(tampered, owner)).toThrow();
    expect(() => new FieldCipher(masterKey, 'test/other').open(sealed, owner)).toThrow();
    expect(() => sut.open(Buffer.concat([Buffer.from([2]), sealed.subarray(1)]), owner)).toThrow(
      /Unknown field ciphertext format/,
    );
  });

  it('wants a 32-byte master key', () => {
    expect(() => new FieldCipher(randomBytes(16), 'test/field')).toThrow(/32 bytes/);
  });
});

describe('KeyedHash', () => {
  it('hashes a value the same way under one key and purpose, differently otherwise', () => {
    const masterKey = randomBytes(32);
    const hash = new KeyedHash(masterKey, 'test/hash');
    expect(hash.of('abc').equals(hash.of('abc'))).toBe(true);
    expect(hash.of('abc').equals(hash.of('abd'))).toBe(false);
    expect(new KeyedHash(masterKey, 'test/other').of('abc').equals(hash.of('abc'))).toBe(false);
    expect(new KeyedHash(randomBytes(32), 'test/hash').of('abc').equals(hash.of('abc'))).toBe(
      false,
    );
  });
});

describe('loadMasterKey', () => {
  const source = {
    envName: 'TEST_KEY',
    developmentKey: 'c3R1ZGVudHBhc3MtZGV2LXJvc3Rlci1rZXktMDAwMDA=',
  };

  it('uses the development key outside production when none is set', () => {
    expect(loadMasterKey(source, undefined, 'test')).toEqual(
      Buffer.from(source.developmentKey, 'base64'),
    );
    expect(loadMasterKey(source, '  ', undefined)).toHaveLength(32);
  });

  it('fails fast in production without a key of its own, naming the env key', () => {
    expect(() => loadMasterKey(source, undefined, 'production')).toThrow(
      /TEST_KEY must be set in production/,
    );
    expect(() => loadMasterKey(source, source.developmentKey, 'production')).toThrow(
      /TEST_KEY is the development key/,
    );
  });

  it('takes 32 bytes of base64 and refuses anything else', () => {
    const key = randomBytes(32).toString('base64');
    expect(loadMasterKey(source, key, 'production')).toEqual(Buffer.from(key, 'base64'));
    expect(() => loadMasterKey(source, 'c2hvcnQ=', 'test')).toThrow(/TEST_KEY must be 32 bytes/);
  });
});
