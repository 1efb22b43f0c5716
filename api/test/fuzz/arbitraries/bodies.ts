import fc from 'fast-check';
import { anyText, hugeText, shortText } from './text.js';

/** A request body as sent on the wire. `oversized` marks bodies above the 64 KiB limit. */
export interface BodyCase {
  kind: string;
  contentType?: string;
  payload?: string | Buffer;
  oversized: boolean;
}

export const BODY_LIMIT = 64 * 1024;

export const jsonContentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=UTF-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; boundary=----x',
  'application/json;;;',
  'application/json; charset="utf-8"; x=y',
  'application/json ; q=0.9',
);

/** Content types the API does not take: forms, multipart, XML, wildcards, broken and empty ones. */
export const otherContentType = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'text/plain; charset=iso-8859-1',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----fuzz',
    'application/xml',
    'application/vnd.api+json',
    'application/jsonp',
    'application/json-patch+json',
    'application/octet-stream',
    '*/*',
    'json',
    '',
    ';',
    'application/',
    '/json',
  ),
  shortText,
);

export const anyContentType = fc.oneof({ arbitrary: jsonContentType, weight: 3 }, otherContentType);

/** Random JSON values of any type and depth, with unicode and lone-surrogate strings. */
export const anyJsonValue = fc.jsonValue({ maxDepth: 6, stringUnit: 'binary' });

/** Object keys that try prototype pollution or shadow built-ins. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** JSON text (built by hand: JSON.stringify cannot write a `__proto__` key) with pollution attempts. */
export const protoPollutionText = fc
  .tuple(
    fc.subarray(PROTO_KEYS, { minLength: 1 }),
    fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '"x"', 'null', '[]'),
    fc.boolean(),
  )
  .map(([keys, value, nested]) => {
    const inner = keys.map((key) => `"${key}":${value}`).join(',');
    return nested ? `{"username":"admin","password":"admin","nested":{${inner}}}` : `{${inner}}`;
  });

/** Arrays or objects nested thousands deep, still under the body limit. */
export const deepNestingText = fc
  .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 50, max: 12_000 }))
  .map(([shape, depth]) =>
    shape === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
  );

/** Byte sequences that are not UTF-8: overlongs, lone continuations, surrogates, 0xFE/0xFF, truncated sequences. */
const badUtf8Bytes = fc.oneof(
  fc.constantFrom(
    [0xc0, 0xaf],
    [0xe0, 0x80, 0xaf],
    [0x80],
    [0xbf],
    [0xed, 0xa0, 0x80],
    [0xfe],
    [0xff],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
    [0xf0, 0x9f, 0x98],
  ),
  fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 16 }),
);

export const invalidUtf8Body = fc.tuple(badUtf8Bytes, fc.constantFrom('value', 'key', 'bare')).map(([bytes, where]) => {
  const bad = Buffer.from(bytes);
  if (where === 'value') return Buffer.concat([Buffer.from('{"username":"a'), bad, Buffer.from('","password":"b"}')]);
  if (where === 'key') return Buffer.concat([Buffer.from('{"'), bad, Buffer.from('":1}')]);
  return bad;
});

/** Text that is not JSON, sent as JSON. */
export const nonJsonText = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '[1,]',
    '{"a":1,}',
    "{'a':1}",
    '{a:1}',
    'NaN',
    'undefined',
    '\ufeff{}',
    '{"a":1} trailing',
    '/* comment */ {}',
    '{"a":"\\u00zz"}',
    '{"a":"\\ud800"}',
    '"unterminated',
    '\u0000',
    '{"a":1}{"b":2}',
    '1e999999',
    '-',
    '   ',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A body of `size` bytes that would be valid JSON if it were small enough. */
const oversizedJson = fc
  .tuple(fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 3 }), fc.constantFrom('a', 'ä', ' '))
  .map(([size, filler]) => {
    const head = '{"username":"admin","password":"admin","x":"';
    const fill = filler.repeat(Math.ceil((size - head.length) / Buffer.byteLength(filler)));
    return `${head}${fill}"}`;
  });

const bodyCaseOf = (kind: string, payload: string | Buffer | undefined, contentType: string | undefined): BodyCase => {
  const bytes = payload === undefined ? 0 : Buffer.byteLength(payload);
  return {
    kind,
    payload,
    ...(contentType !== undefined ? { contentType } : {}),
    oversized: bytes > BODY_LIMIT,
  };
};

/** Every kind of malformed body, with a JSON content type unless the case is about content types. */
export const malformedBody: fc.Arbitrary<BodyCase> = fc.oneof(
  fc.tuple(anyJsonValue, jsonContentType).map(([value, ct]) => bodyCaseOf('json', JSON.stringify(value), ct)),
  fc.tuple(protoPollutionText, jsonContentType).map(([text, ct]) => bodyCaseOf('proto', text, ct)),
  fc.tuple(deepNestingText, jsonContentType).map(([text, ct]) => bodyCaseOf('deep', text, ct)),
  fc.tuple(invalidUtf8Body, jsonContentType).map(([bytes, ct]) => bodyCaseOf('utf8', bytes, ct)),
  fc.tuple(nonJsonText, jsonContentType).map(([text, ct]) => bodyCaseOf('not-json', text, ct)),
  fc
    .tuple(hugeText, jsonContentType)
    .map(([text, ct]) => bodyCaseOf('huge-string', JSON.stringify({ username: text, password: text }), ct)),
  fc.tuple(anyJsonValue, otherContentType).map(([value, ct]) => bodyCaseOf('content-type', JSON.stringify(value), ct)),
  fc.tuple(anyText, fc.option(anyContentType)).map(([text, ct]) => bodyCaseOf('text', text, ct ?? undefined)),
  fc.option(jsonContentType).map((ct) => bodyCaseOf('empty', '', ct ?? undefined)),
  fc
    .tuple(oversizedJson, fc.constantFrom('application/json', 'text/plain'))
    .map(([text, ct]) => bodyCaseOf('oversized', text, ct)),
);

/**
 * A valid body of a route with one thing wrong: a field replaced by any value, a field missing, an unknown or
 * polluting key added. Gets past the first validation error, so the service sees near-valid input.
 */
export function mutatedBody(example: Record<string, unknown>): fc.Arbitrary<BodyCase> {
  const fields = Object.keys(example);
  // Most fields are strings: text is the likeliest replacement, so that it reaches the services and the database.
  const replacement = fc.oneof(
    { arbitrary: anyText, weight: 6 },
    anyJsonValue,
    fc.double(),
    fc.integer(),
    fc.constant(null),
  );
  const replaced = fc
    .tuple(fc.constantFrom(...fields), replacement)
    .map(([field, value]) => ({ ...example, [field]: value }));
  const missing = fc
    .constantFrom(...fields)
    .map((field) => Object.fromEntries(Object.entries(example).filter(([key]) => key !== field)));
  const added = fc
    .tuple(fc.oneof(shortText, fc.constantFrom(...PROTO_KEYS)), anyJsonValue)
    .map(([key, value]) => ({ ...example, [key]: value }));
  const mutation = fc.oneof({ arbitrary: replaced, weight: 6 }, missing, added);
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(mutation, jsonContentType)
        .map(([body, ct]) => bodyCaseOf('mutated', JSON.stringify(body), ct)),
      weight: 8,
    },
    jsonContentType.map((ct) =>
      bodyCaseOf('mutated-proto', JSON.stringify(example).replace(/^\{/, '{"__proto__":{"polluted":true},'), ct),
    ),
  );
}
