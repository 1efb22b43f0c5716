import { randomUUID } from 'node:crypto';
import type { JwtClaims, SigningKey } from './jwt.js';
import { signJwt } from './jwt.js';
import type { IdTokenTamper } from './types.js';

const HOUR = 3600;

/** The claims an id_token gets when a test asked for it to be spoiled; other claims stay as issued. */
function tamperedClaims(claims: JwtClaims, tamper: IdTokenTamper, now: number): JwtClaims {
  switch (tamper) {
    case 'foreign_audience':
      return { ...claims, aud: randomUUID() };
    case 'foreign_issuer':
      return { ...claims, iss: `https://login.foreign-authority.example/${String(claims.tid)}/v2.0` };
    case 'expired':
      return { ...claims, iat: now - 2 * HOUR, nbf: now - 2 * HOUR, exp: now - HOUR };
    case 'not_yet_valid':
      return { ...claims, iat: now, nbf: now + HOUR, exp: now + 2 * HOUR };
    default:
      return claims;
  }
}

/**
 * Signs an id_token as `tamper` says: with wrong claims, with a key the JWKS does not publish (`unknown_key`, the
 * throw-away key passed in), or with a signature that no longer matches (`bad_signature`: the last signature
 * byte flipped).
 */
export function signTamperedIdToken(
  key: SigningKey,
  unpublishedKey: SigningKey,
  claims: JwtClaims,
  tamper: IdTokenTamper,
  now: number,
): string {
  if (tamper === 'unknown_key') return signJwt(unpublishedKey, claims);
  const token = signJwt(key, tamperedClaims(claims, tamper, now));
  if (tamper !== 'bad_signature') return token;
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(signature, 'base64url');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}
