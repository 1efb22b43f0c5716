import { createHash } from 'node:crypto';
import { randomToken } from '../../../support/secrets.js';

/** A PKCE code verifier (RFC 7636: 43–128 unreserved characters; 32 random bytes in base64url are 43). */
export function createCodeVerifier(): string {
  return randomToken(32);
}

/** The S256 challenge sent to Microsoft with the authorize request. */
export function codeChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
