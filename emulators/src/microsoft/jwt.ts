import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

/** RS256 signing key of one emulator run; published as JWKS so tokens can be checked like Entra's. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK as served under `/discovery/v2.0/keys`. */
  jwk: { kty: 'RSA'; use: 'sig'; alg: 'RS256'; kid: string; n: string; e: string };
}

export type JwtClaims = Record<string, unknown>;

export type VerifyResult =
  { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'not_yet_valid' };

const generateRsaKeyPair = promisify(generateKeyPair);

/** A fresh RSA key, or the given PKCS#8/PKCS#1 PEM (so tokens stay valid across restarts in demo mode). */
export async function createSigningKey(privateKeyPem?: string): Promise<SigningKey> {
  const privateKey = privateKeyPem
    ? createPrivateKey(privateKeyPem)
    : (await generateRsaKeyPair('rsa', { modulusLength: 2048 })).privateKey;
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('the signing key must be an RSA private key');
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('RSA key export failed');
  // RFC 7638 thumbprint as key id: stable for the key, and it looks like the opaque kids Entra uses.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n, e } };
}

function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(key: SigningKey, claims: JwtClaims): string {
  const signingInput = `${encodeSegment({ typ: 'JWT', alg: 'RS256', kid: key.kid })}.${encodeSegment(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks shape, RS256 signature with the published key the header's `kid` names, `exp` and `nbf` (no clock skew:
 * the emulator is the clock).
 */
export function verifyJwt(keys: readonly SigningKey[], token: string, nowSeconds: number): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) {
    return { ok: false, reason: 'malformed' };
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeSegment(headerPart);
  const claims = decodeSegment(payloadPart);
  if (!isRecord(header) || !isRecord(claims) || header.alg !== 'RS256') return { ok: false, reason: 'malformed' };
  const key = keys.find((candidate) => candidate.kid === header.kid);
  const valid =
    key !== undefined &&
    verify(
      'sha256',
      Buffer.from(`${headerPart}.${payloadPart}`),
      key.publicKey,
      Buffer.from(signaturePart, 'base64url'),
    );
  if (!valid) return { ok: false, reason: 'signature' };
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds) return { ok: false, reason: 'not_yet_valid' };
  return { ok: true, claims };
}
