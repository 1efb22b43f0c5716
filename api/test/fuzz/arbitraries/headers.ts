import { SESSION_COOKIE } from '@ecm365/shared';
import fc from 'fast-check';
import { asWireHeaderValue, hugeText, nastyWord, shortText } from './text.js';
import { anyContentType } from './bodies.js';

const BASE = 'ecm365.test';

/** Host headers: tenants, selfhost, the public host, ports, IPv6, trailing dots, look-alikes and plain junk. */
export const hostHeader = fc.oneof(
  fc.constantFrom(
    `acme.${BASE}`,
    `ACME.${BASE.toUpperCase()}`,
    `acme.${BASE}.`,
    `acme.${BASE}:80`,
    `acme.${BASE}:99999999`,
    `acme.${BASE}:abc`,
    `acme.${BASE}:`,
    `other.${BASE}`,
    `selfhost.${BASE}`,
    BASE,
    `a.b.${BASE}`,
    `-acme.${BASE}`,
    `acme-.${BASE}`,
    `${'a'.repeat(64)}.${BASE}`,
    `acme.${BASE}@evil.example`,
    `evil.example/acme.${BASE}`,
    `acme.${BASE}\\evil`,
    '[::1]',
    '[::1]:3000',
    '[',
    ']',
    ':',
    '..',
    '127.0.0.1',
    'localhost',
    '',
  ),
  shortText.map((label) => `${label}.${BASE}`),
  shortText,
  hugeText,
);

/** Cookie headers: missing/odd session cookies, duplicates, hundreds of cookies, broken syntax. */
export function cookieHeader(validCookie: string): fc.Arbitrary<string> {
  const junkValue = fc.oneof(shortText, hugeText, fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '"', '=', ';'));
  return fc.oneof(
    fc.constant(validCookie),
    junkValue.map((value) => `${SESSION_COOKIE}=${value}`),
    junkValue.map((value) => `${validCookie}; ${SESSION_COOKIE}=${value}`),
    junkValue.map((value) => `${SESSION_COOKIE}=${value}; ${validCookie}`),
    fc
      .tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean())
      .map(([count, withSession]) =>
        [
          ...Array.from({ length: count }, (_, i) => `c${i}=${'v'.repeat(i % 50)}`),
          ...(withSession ? [validCookie] : []),
        ].join('; '),
      ),
    fc.constantFrom(
      '',
      ';',
      ';;;;',
      '=',
      '==;==',
      SESSION_COOKIE,
      `${SESSION_COOKIE}=`,
      `${SESSION_COOKIE}==`,
      `${SESSION_COOKIE}="quoted"`,
      `__proto__=x; constructor=y`,
      `${SESSION_COOKIE.toUpperCase()}=x`,
    ),
    shortText,
  );
}

/** Authorization headers with odd schemes and junk tokens (valid ones are mixed in by the caller). */
export const authorizationHeader = fc.oneof(
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'bearer x',
    'BEARER ecm365_',
    'Bearer ecm365_',
    'Bearer a b',
    'Bearer  ecm365_x  ',
    'Basic YWRtaW46YWRtaW4=',
    'Basic',
    'Digest username="admin"',
    'Negotiate',
    'Token ecm365_x',
    'ecm365_x',
  ),
  fc
    .tuple(fc.constantFrom('Bearer ', 'Bearer ecm365_', 'bearer ', 'Basic ', ''), fc.oneof(shortText, hugeText))
    .map(([prefix, junk]) => prefix + junk),
  nastyWord,
);

/** X-Forwarded-* values: address lists, schemes, hosts, and junk. */
export const forwardedHeaders = fc.record(
  {
    'x-forwarded-for': fc.oneof(
      fc.constantFrom('1.2.3.4', '1.2.3.4, 5.6.7.8', '::1', 'unknown', ', , ,', '999.999.999.999', '[::1]:80'),
      shortText,
    ),
    'x-forwarded-proto': fc.oneof(
      fc.constantFrom('https', 'http', 'javascript', 'https, http', 'HTTPS', ''),
      shortText,
    ),
    'x-forwarded-host': fc.oneof(hostHeader, fc.constantFrom(`acme.${BASE}, evil.example`)),
    'x-forwarded-port': fc.oneof(fc.constantFrom('443', '-1', '99999', 'abc'), shortText),
  },
  { requiredKeys: [] },
);

/** Arbitrary extra headers, names restricted to token characters as on the wire. */
export const extraHeaders = fc.dictionary(
  fc.stringMatching(/^[a-z0-9!#$%&'*+.^_`|~-]{1,30}$/).filter((name) => !['host', 'content-length'].includes(name)),
  fc.oneof(shortText, hugeText),
  { maxKeys: 5 },
);

/** The headers that influence authentication and parsing, each possibly missing, plus extra ones. */
export interface HeaderCase {
  named: Record<string, string | undefined>;
  extra: Record<string, string>;
}

/**
 * Starts from a valid request of acme's admin (host, cookie, CSRF token, API token, JSON) and breaks some of its
 * headers: replaced by junk or left out. Breaking one or two at a time gets past the other checks.
 */
export function headerCase(valid: { cookie: string; csrfToken: string; bearer: string }): fc.Arbitrary<HeaderCase> {
  const junk: Record<string, fc.Arbitrary<string>> = {
    host: hostHeader,
    cookie: cookieHeader(valid.cookie),
    'x-csrf-token': fc.oneof(
      shortText,
      hugeText,
      fc.constant(`${valid.csrfToken} `),
      fc.constant(valid.csrfToken.slice(1)),
    ),
    authorization: authorizationHeader,
    'content-type': anyContentType,
  };
  const validHeaders: Record<string, string | undefined> = {
    host: 'acme.ecm365.test',
    cookie: valid.cookie,
    'x-csrf-token': valid.csrfToken,
    authorization: undefined,
    'content-type': 'application/json',
  };
  const broken = fc
    .subarray(Object.keys(junk), { minLength: 1, maxLength: 3 })
    .chain((names) =>
      fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), fc.option(junk[name]!, { nil: undefined })))),
    );
  return fc
    .record({
      broken,
      bearer: fc.boolean(),
      extra: fc.oneof(extraHeaders, forwardedHeaders as fc.Arbitrary<Record<string, string>>),
    })
    .map(({ broken: pairs, bearer, extra }) => ({
      named: {
        ...validHeaders,
        ...(bearer ? { authorization: `Bearer ${valid.bearer}` } : {}),
        ...Object.fromEntries(pairs),
      },
      extra,
    }));
}

/** The header record as a server would receive it (see asWireHeaderValue). */
export function toWireHeaders(headers: HeaderCase): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...headers.extra, ...headers.named })) {
    if (typeof value === 'string') out[name] = asWireHeaderValue(value);
  }
  return out;
}
