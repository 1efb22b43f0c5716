import fc from 'fast-check';

/** Characters that break naive code: controls, invisible and bidi marks, lone surrogates, escapes, wide emoji. */
export const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  'ß',
  'İ',
  'ﬀ',
  'Ä',
  '\\',
  '"',
  "'",
  '`',
  '<',
  '>',
  '&',
  '%',
  '\r\n',
  '\t',
  ' ',
] as const;

/** Whole strings that mean something to some layer (SQL, templates, JS objects, number parsers). */
export const NASTY_WORDS = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "' OR '1'='1",
  "'; DROP TABLE tenants; --",
  '$1',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '%s%s%n',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
] as const;

export const nastyChar = fc.constantFrom(...NASTY_CHARS);
export const nastyWord = fc.constantFrom(...NASTY_WORDS);

/** Up to ~20 000 characters of one kind: ASCII, umlauts, astral emoji or NUL. */
export const hugeText = fc
  .tuple(fc.constantFrom('a', 'ä', '😀', '\u0000', '%'), fc.integer({ min: 1_000, max: 20_000 }))
  .map(([char, count]) => char.repeat(count));

/** Any kind of short text: ASCII, full unicode, lone surrogates, nasty characters and words. */
export const shortText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(fc.oneof(nastyChar, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 })
    .map((parts) => parts.join('')),
  nastyWord,
);

export const anyText = fc.oneof({ arbitrary: shortText, weight: 5 }, { arbitrary: hugeText, weight: 1 });

/**
 * What a server sees of a header value a client wrote as UTF-8: the bytes read as latin1, without the control
 * characters Node's HTTP parser refuses, and without surrounding whitespace (the parser trims it).
 */
export function asWireHeaderValue(text: string): string {
  const latin1 = Buffer.from(text, 'utf8').toString('latin1');
  // eslint-disable-next-line no-control-regex -- these are exactly what is removed
  return latin1.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '').trim();
}

const hexByte = (byte: number) => `%${byte.toString(16).toUpperCase()}`;
/** The three bytes a lone surrogate would have in UTF-8 if it were allowed (WTF-8): invalid UTF-8 on purpose. */
const wtf8Bytes = (code: number) => [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];

/**
 * A request target made of what may appear in one: printable ASCII stays (so `%`-junk and `..` reach the router),
 * everything else is percent-encoded as UTF-8 (lone surrogates as their WTF-8 bytes).
 */
export function asRequestTarget(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code > 0x20 && code < 0x7f && char !== '#') out += char;
    else if (code >= 0xd800 && code <= 0xdfff) out += wtf8Bytes(code).map(hexByte).join('');
    else out += encodeURIComponent(char);
  }
  return out;
}

/** encodeURIComponent for any string (lone surrogates, which it refuses, become U+FFFD as a browser sends them). */
export function encodeComponent(text: string): string {
  return encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}
