import fc from 'fast-check';
import type { OtherTenant } from '../support/other-tenant.js';
import { codeVariant } from './codes.js';
import { pathId } from './ids.js';

/**
 * How acme's side presents itself, including with `other`'s session on acme's host and acme's credentials on
 * `other`'s host. (An API token acts for its own tenant on any host, by design: `other`'s token is `other`.)
 */
export const CROSS_CALLERS = [
  'acme-session',
  'acme-bearer',
  'other-session-on-acme-host',
  'acme-session-with-other-csrf',
  'acme-session-on-other-host',
  'acme-bearer-on-other-host',
] as const;
export type CrossCaller = (typeof CROSS_CALLERS)[number];

/** Another tenant's id, as sent or slightly changed (case, encoding, whitespace), or unrelated junk. */
export function otherIdVariant(id: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(id), weight: 4 },
    fc.constantFrom(id.toUpperCase(), id.toLowerCase(), encodeURIComponent(` ${id}`), `${id}%20`, `${id}%00`, `${id}x`),
    pathId,
  );
}

/** A route's inputs drawn from tenant `other`'s artefacts: its attempt ids, token id and MS365 code. */
export function otherInputs(other: OtherTenant) {
  return fc.record({
    attemptId: fc.oneof(otherIdVariant(other.codeAttemptId), otherIdVariant(other.pendingAttemptId)),
    id: otherIdVariant(other.apiTokenId),
    code: fc.oneof({ arbitrary: fc.constant(other.code), weight: 3 }, codeVariant(fc.constant(other.code))),
    caller: fc.constantFrom(...CROSS_CALLERS),
  });
}
