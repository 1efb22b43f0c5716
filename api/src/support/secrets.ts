import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe secret (session ids, CSRF tokens, attempt ids). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** What we store instead of a secret we must recognise later (session ids, codes, API tokens). */
export function sha256(value: string): string {
  // The one-shot form: it runs on every authenticated request, and a Hash object costs several times as much.
  return hash('sha256', value, 'base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
