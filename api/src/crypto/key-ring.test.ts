import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, KeyRing } from './key-ring.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('KeyRing', () => {
  const k1 = key('k1');
  const k2 = key('k2');

  it('round-trips and never leaves the plaintext visible', () => {
    const ring = new KeyRing([k1]);
    const secret = '{"RefreshToken":{"x":{"secret":"rt-very-secret"}}}';
    const sealed = ring.encrypt(secret, 'ctx');
    expect(sealed).toMatch(/^enc1:k1:/);
    expect(sealed).not.toContain('rt-very-secret');
    expect(ring.decrypt(sealed, 'ctx')).toBe(secret);
  });

  it('uses a fresh IV every time', () => {
    const ring = new KeyRing([k1]);
    expect(ring.encrypt('same', 'ctx')).not.toBe(ring.encrypt('same', 'ctx'));
  });

  it('binds the context: a ciphertext moved to another row does not decrypt', () => {
    const ring = new KeyRing([k1]);
    const sealed = ring.encrypt('x', 'ms365_connections:tenant-a');
    expect(() => ring.decrypt(sealed, 'ms365_connections:tenant-b')).toThrow(DecryptionError);
  });

  it('detects tampering', () => {
    const ring = new KeyRing([k1]);
    const parts = ring.encrypt('hello world', 'ctx').split(':');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => ring.decrypt(parts.join(':'), 'ctx')).toThrow(DecryptionError);
  });

  it('refuses a shortened authentication tag, which GCM would otherwise check only as far as it goes', () => {
    const ring = new KeyRing([k1]);
    const parts = ring.encrypt('hello world', 'ctx').split(':');
    const tag = Buffer.from(parts[4]!, 'base64url');
    expect(tag).toHaveLength(16);
    for (const length of [4, 8, 12, 15]) {
      const shortened = [...parts.slice(0, 4), tag.subarray(0, length).toString('base64url')].join(':');
      expect(() => ring.decrypt(shortened, 'ctx')).toThrow(DecryptionError);
    }
    expect(ring.decrypt(parts.join(':'), 'ctx')).toBe('hello world');
  });

  it('encrypts with the first key and decrypts with any key of the ring', () => {
    const old = new KeyRing([k1]).encrypt('old secret', 'ctx');
    const rotated = new KeyRing([k2, k1]);
    expect(rotated.decrypt(old, 'ctx')).toBe('old secret');
    expect(rotated.isStale(old)).toBe(true);
    const fresh = rotated.encrypt('new secret', 'ctx');
    expect(fresh).toMatch(/^enc1:k2:/);
    expect(rotated.isStale(fresh)).toBe(false);
    expect(() => new KeyRing([k2]).decrypt(old, 'ctx')).toThrow(/unknown encryption key "k1"/);
  });

  it('derives stable, purpose-separated sub-keys', () => {
    const ring = new KeyRing([k1]);
    expect(ring.derive('k1', 'a').equals(ring.derive('k1', 'a'))).toBe(true);
    expect(ring.derive('k1', 'a').equals(ring.derive('k1', 'b'))).toBe(false);
  });
});
