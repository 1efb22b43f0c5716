import { CROCKFORD_ALPHABET, formatMs365Code } from '@ecm365/shared';
import fc from 'fast-check';
import { shortText } from './text.js';

/** A well-formed MS365 code (valid check character) that was never issued. */
export const unissuedCode = fc.uint8Array({ minLength: 17, maxLength: 17 }).map((bytes) => formatMs365Code(bytes));

/** Characters that look like code characters to a person but are other code points. */
const LOOKALIKES: Record<string, string[]> = {
  '0': ['О', 'Ο', '０', 'o', 'ο'],
  '1': ['l', 'I', 'ǀ', '１', '|', 'ı'],
  A: ['А', 'Α', 'Ａ'],
  B: ['В', 'Β'],
  C: ['С', 'Ϲ'],
  E: ['Е', 'Ε'],
  H: ['Н', 'Η'],
  K: ['К', 'Κ'],
  M: ['М', 'Μ'],
  P: ['Р', 'Ρ'],
  T: ['Т', 'Τ'],
  X: ['Х', 'Χ'],
  Y: ['У', 'Υ'],
  '-': ['‐', '‑', '–', '—', '−', '－', '_', '.', ''],
};

const WHITESPACE = [' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\u200b', '\ufeff', '\u2028', '\u0000'];

const replaceAt = (text: string, index: number, replacement: string) =>
  text.slice(0, index) + replacement + text.slice(index + 1);

/** Variants of `code`: typos, wrong check characters, swapped neighbours, look-alikes, whitespace, case, dashes. */
export function codeVariant(code: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return code.chain((valid) => {
    const positions = fc.integer({ min: 0, max: valid.length - 1 });
    return fc.oneof(
      fc.constantFrom(...CROCKFORD_ALPHABET).map((check) => replaceAt(valid, valid.length - 1, check)),
      fc.tuple(positions, fc.constantFrom(...CROCKFORD_ALPHABET)).map(([at, char]) => replaceAt(valid, at, char)),
      positions.map((at) =>
        at + 1 < valid.length ? replaceAt(replaceAt(valid, at, valid[at + 1]!), at + 1, valid[at]!) : valid,
      ),
      fc.tuple(positions, fc.nat()).map(([at, pick]) => {
        const options = LOOKALIKES[valid[at]!] ?? ['Ω'];
        return replaceAt(valid, at, options[pick % options.length]!);
      }),
      fc
        .tuple(fc.constantFrom(...WHITESPACE), fc.constantFrom(...WHITESPACE), positions)
        .map(([before, inside, at]) => `${before}${valid.slice(0, at)}${inside}${valid.slice(at)}${before}`),
      fc.constantFrom(
        valid.toLowerCase(),
        valid.replace(/-/g, ''),
        valid.replace(/-/g, '--'),
        valid.replace(/-/g, ' '),
      ),
      fc.tuple(shortText, shortText).map(([prefix, suffix]) => `${prefix}${valid}${suffix}`),
      fc.constantFrom(valid.slice(0, -1), `${valid}0`, valid.repeat(2), `${valid}${' '.repeat(200)}`),
    );
  });
}

/** Anything a user might paste into the MS365 code field. */
export const codeInput = fc.oneof(
  { arbitrary: codeVariant(unissuedCode), weight: 4 },
  { arbitrary: unissuedCode, weight: 1 },
  { arbitrary: shortText, weight: 2 },
  { arbitrary: fc.stringMatching(/^[0-9A-Za-z -]{20,40}$/), weight: 1 },
);
