import fc from 'fast-check';
import { asRequestTarget, encodeComponent, hugeText, shortText } from './text.js';

export const CALLBACK_KEYS = [
  'code',
  'state',
  'session_state',
  'error',
  'error_description',
  'error_subcode',
  'error_uri',
  'admin_consent',
  'tenant',
  'scope',
  'iss',
  'client_info',
  '__proto__',
  'constructor',
  'hasOwnProperty',
] as const;

const queryValue = fc.oneof(
  { arbitrary: shortText, weight: 4 },
  { arbitrary: hugeText, weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'True',
      'true',
      'admin-consent',
      'admin-consent.x',
      'access_denied',
      'consent_required',
      'invalid_grant',
      'AADSTS65001: consent. Trace ID: x Correlation ID: 11111111-2222-3333-4444-555555555555',
      'AADSTS50020',
      'cancel',
    ),
    weight: 2,
  },
);

/** Encodes a key or value the way a browser would, or leaves raw percent junk for the parser. */
const encoded = (text: fc.Arbitrary<string>) =>
  fc.oneof(text.map(encodeComponent), text.map(asRequestTarget), fc.constantFrom('%', '%zz', '%E0%A4%A', '%00'));

/** A query string for the callback: known and unknown keys, duplicates, huge and broken values. */
export const callbackQuery = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof({ arbitrary: fc.constantFrom(...CALLBACK_KEYS), weight: 4 }, shortText),
        fc.option(queryValue, { nil: undefined }),
      ),
      { maxLength: 8 },
    )
    .chain((pairs) =>
      fc
        .tuple(
          ...pairs.map(([key, value]) =>
            fc.tuple(
              encoded(fc.constant(key)),
              value === undefined ? fc.constant(undefined) : encoded(fc.constant(value)),
            ),
          ),
        )
        .map((encodedPairs) =>
          encodedPairs.map(([key, value]) => (value === undefined ? key : `${key}=${value}`)).join('&'),
        ),
    ),
  fc.constantFrom(
    '',
    '&',
    '&&&',
    '=',
    '==',
    '=x',
    'state',
    'state=&state=',
    'a=b=c',
    ';',
    '?',
    '#x',
    'code[]=a',
    'code[a]=b',
  ),
);
