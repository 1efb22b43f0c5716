import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET, formatMs365Code, parseMs365Code } from './ms365-code.js';

describe('MS365 code format', () => {
  it('formats 135 random bits plus a check character in dash-separated groups of four', () => {
    const code = formatMs365Code(randomBytes(17));
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('accepts its own codes case-insensitively, with whitespace and without dashes', () => {
    const code = formatMs365Code(randomBytes(17));
    expect(parseMs365Code(code)).toEqual({ ok: true, canonical: code });
    expect(parseMs365Code(`  ${code.toLowerCase()}\n`)).toEqual({ ok: true, canonical: code });
    expect(parseMs365Code(code.replace(/-/g, ''))).toEqual({ ok: true, canonical: code });
  });

  it('reads the look-alikes O, I and L as 0, 1 and 1', () => {
    const code = formatMs365Code(new Uint8Array(17)); // all zeros: only 0 digits and a check character
    expect(parseMs365Code(code.replace(/0/g, 'O'))).toEqual({ ok: true, canonical: code });
  });

  it('catches every single-character typo', () => {
    const code = formatMs365Code(randomBytes(17));
    const chars = [...code];
    for (const [position, original] of chars.entries()) {
      if (original === '-') continue;
      for (const replacement of CROCKFORD_ALPHABET) {
        if (replacement === original) continue;
        const typo = [...chars];
        typo[position] = replacement;
        expect(parseMs365Code(typo.join('')).ok, `${original}→${replacement} at ${position}`).toBe(false);
      }
    }
  });

  it('catches swapped neighbours, except the one blind spot of Luhn mod 32 (0 and Z)', () => {
    const withCheck = (data: string) => {
      const check = [...CROCKFORD_ALPHABET].find((candidate) => parseMs365Code(data + candidate).ok);
      return data + check;
    };
    const filler = '7'.repeat(25);
    for (const a of CROCKFORD_ALPHABET) {
      for (const b of CROCKFORD_ALPHABET) {
        if (a === b || (a + b).split('').sort().join('') === '0Z') continue;
        for (const at of [0, 11, 25]) {
          const data = filler.slice(0, at) + a + b + filler.slice(at);
          const swapped = filler.slice(0, at) + b + a + filler.slice(at);
          const valid = withCheck(data);
          expect(parseMs365Code(valid).ok).toBe(true);
          expect(parseMs365Code(swapped + valid.at(-1)).ok, `${a}${b} at ${at}`).toBe(false);
        }
      }
    }
  });

  it('rejects wrong lengths and foreign characters', () => {
    expect(parseMs365Code('')).toEqual({ ok: false });
    expect(parseMs365Code('ABCD')).toEqual({ ok: false });
    expect(parseMs365Code('U'.repeat(28))).toEqual({ ok: false });
    expect(parseMs365Code('ÄÖÜ'.repeat(10))).toEqual({ ok: false });
  });
});
