/**
 * The MS365 code (SPEC §4): random bits written in Crockford base32, dash-separated groups, one check character.
 *
 * The check character is a Luhn mod 32 over the Crockford alphabet rather than Crockford's own mod 37 symbol:
 * it catches every single-character typo and every swap of two neighbours but one (0 and Z, the counterpart of
 * Luhn's 09/90), and keeps the whole code inside the 32 letters and digits, so a double click selects it entirely (Crockford's extra symbols `*~$=` break that).
 */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 27 data characters = 135 random bits (SPEC asks for at least 128), plus one check character. */
export const CODE_DATA_LENGTH = 27;
export const CODE_GROUP_SIZE = 4;

const decodeMap: Record<string, number> = {};
for (const [index, char] of [...CROCKFORD_ALPHABET].entries()) decodeMap[char] = index;
Object.assign(decodeMap, { O: 0, I: 1, L: 1 });

function luhnCheckValue(values: readonly number[]): number {
  const base = CROCKFORD_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const product = factor * (values[i] as number);
    sum += Math.floor(product / base) + (product % base);
    factor = factor === 2 ? 1 : 2;
  }
  return (base - (sum % base)) % base;
}

/** Formats random bytes (at least 17) into a displayable code with check character. */
export function formatMs365Code(randomBytes: Uint8Array): string {
  if (randomBytes.length * 8 < CODE_DATA_LENGTH * 5) throw new Error('not enough random bytes for an MS365 code');
  const values: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of randomBytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && values.length < CODE_DATA_LENGTH) {
      values.push((buffer >> (bits - 5)) & 31);
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  values.push(luhnCheckValue(values));
  const chars = values.map((value) => CROCKFORD_ALPHABET[value]).join('');
  return chars.match(new RegExp(`.{1,${CODE_GROUP_SIZE}}`, 'g'))!.join('-');
}

export type ParsedMs365Code = { ok: true; canonical: string } | { ok: false };

/**
 * Normalises user input (any case, surrounding whitespace, dashes or spaces between groups, the look-alikes
 * O/I/L) to the canonical code, or reports that it cannot be a code — without asking the database.
 */
export function parseMs365Code(input: string): ParsedMs365Code {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== CODE_DATA_LENGTH + 1) return { ok: false };
  const values: number[] = [];
  for (const char of compact) {
    const value = decodeMap[char];
    if (value === undefined) return { ok: false };
    values.push(value);
  }
  const check = values.pop() as number;
  if (luhnCheckValue(values) !== check) return { ok: false };
  values.push(check);
  const canonical = values.map((value) => CROCKFORD_ALPHABET[value]).join('');
  return { ok: true, canonical: canonical.match(new RegExp(`.{1,${CODE_GROUP_SIZE}}`, 'g'))!.join('-') };
}
