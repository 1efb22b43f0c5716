import { randomBytes } from 'node:crypto';
import { parseMs365Code } from '@ecm365/shared';
import { describe, expect, it } from 'vitest';
import { KeyRing } from '../../../crypto/key-ring.js';
import { Ms365CodeIssuer } from './ms365-code-issuer.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('Ms365CodeIssuer', () => {
  it('issues well-formed codes whose hash matches the user input in any spelling', () => {
    const issued = new Ms365CodeIssuer(new KeyRing([k1])).issue('attempt-1');
    expect(parseMs365Code(issued.code)).toEqual({ ok: true, canonical: issued.code });
    expect(Ms365CodeIssuer.hashOfInput(` ${issued.code.toLowerCase().replace(/-/g, ' ')} `)).toBe(issued.codeHash);
    expect(issued.codeHash).not.toContain(issued.code);
  });

  it('re-derives the same code from salt and key id, also after a key rotation', () => {
    const issued = new Ms365CodeIssuer(new KeyRing([k1])).issue('attempt-1');
    const afterRotation = new Ms365CodeIssuer(new KeyRing([k2, k1]));
    expect(afterRotation.derive('attempt-1', issued.codeSalt, issued.codeKeyId)).toBe(issued.code);
  });

  it('gives different codes for different attempts, salts and keys', () => {
    const issuer = new Ms365CodeIssuer(new KeyRing([k1, k2]));
    const salt = 'fixed-salt';
    const codes = new Set([
      issuer.derive('a', salt, 'k1'),
      issuer.derive('b', salt, 'k1'),
      issuer.derive('a', 'other-salt', 'k1'),
      issuer.derive('a', salt, 'k2'),
    ]);
    expect(codes.size).toBe(4);
  });

  it('answers undefined for input with a typo instead of hashing it', () => {
    const issued = new Ms365CodeIssuer(new KeyRing([k1])).issue('attempt-1');
    const typo = issued.code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(Ms365CodeIssuer.hashOfInput(typo)).toBeUndefined();
  });
});
