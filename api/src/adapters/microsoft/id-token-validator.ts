import { decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { Agent } from 'undici';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';
import { fetchMicrosoftJson } from './microsoft-json.js';
import { MicrosoftRequestError } from './microsoft-request-error.js';
import { OpenIdMetadataSource, type OpenIdMetadata } from './openid-metadata.js';
import { SigningKeys } from './signing-keys.js';

/** The OAuth-style error of a refused id_token; the connect flow explains it as "could not be confirmed". */
export const ID_TOKEN_REJECTED = 'id_token_rejected';

/** Clocks of two machines differ a little; Microsoft's own libraries allow five minutes. */
const CLOCK_TOLERANCE_SECONDS = 300;
/** An id_token from a code redemption was issued moments ago. */
const MAX_TOKEN_AGE = '1h';

export interface IdTokenValidatorOptions {
  clientId: string;
  metadata: () => Promise<OpenIdMetadata>;
  /** The JWKS document at the metadata's `jwks_uri`. */
  loadKeys: (jwksUri: string) => Promise<JSONWebKeySet>;
  /** For tests; default the system clock (tokens come from Microsoft's clock, not the app's). */
  now?: () => Date;
}

/**
 * Validates the id_token of a code redemption as OpenID Connect Core §3.1.3.7 requires, which msal-node does not
 * (it compares only the nonce): RS256 signature by a key of the authority's JWKS, `iss` equal to the metadata's
 * issuer for the token's `tid` (multi-tenant authorities publish `…/{tenantid}/v2.0`), `aud` our client id,
 * `exp`, `nbf` and `iat` within a small clock skew, and the nonce of this trip to Microsoft.
 */
export class IdTokenValidator {
  private keys: { jwksUri: string; keys: SigningKeys } | undefined;

  constructor(private readonly options: IdTokenValidatorOptions) {}

  /** The validated claims; a MicrosoftRequestError `id_token_rejected` (with a short reason) otherwise. */
  async validate(idToken: string, expectedNonce: string): Promise<JWTPayload> {
    if (!idToken) throw rejected('missing');
    const tenantId = unverifiedTenantId(idToken);
    const metadata = await this.options.metadata();
    const issuer = metadata.issuer.replace('{tenantid}', tenantId);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, this.keysFor(metadata.jwksUri).resolve, {
        algorithms: ['RS256'],
        issuer,
        audience: this.options.clientId,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['exp', 'iat', 'tid'],
        ...(this.options.now ? { currentDate: this.options.now() } : {}),
      }));
    } catch (error) {
      throw error instanceof errors.JOSEError ? rejected(reasonOf(error)) : error;
    }
    if (payload.nonce !== expectedNonce) throw rejected('nonce');
    return payload;
  }

  private keysFor(jwksUri: string): SigningKeys {
    if (this.keys?.jwksUri !== jwksUri) {
      this.keys = { jwksUri, keys: new SigningKeys(() => this.options.loadKeys(jwksUri)) };
    }
    return this.keys.keys;
  }
}

/** The validator of an app registration, with metadata and keys fetched through the Microsoft dispatcher. */
export function idTokenValidatorFor(endpoints: MicrosoftEndpoints, dispatcher: Agent): IdTokenValidator {
  const metadata = new OpenIdMetadataSource(endpoints, dispatcher);
  return new IdTokenValidator({
    clientId: endpoints.clientId,
    metadata: () => metadata.get(),
    loadKeys: async (jwksUri) => {
      const document = await fetchMicrosoftJson(dispatcher, jwksUri, endpoints.timeoutMs);
      if (!Array.isArray((document as { keys?: unknown } | null)?.keys)) {
        throw new MicrosoftRequestError({ error: 'invalid_jwks', description: 'JWKS without keys', httpStatus: 502 });
      }
      return document as JSONWebKeySet;
    },
  });
}

function rejected(reason: string): MicrosoftRequestError {
  return new MicrosoftRequestError({ error: ID_TOKEN_REJECTED, description: reason });
}

/** The tenant the token claims to be from, read before verification only to pick the issuer to expect. */
function unverifiedTenantId(idToken: string): string {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(idToken);
  } catch {
    throw rejected('malformed');
  }
  const tid = claims.tid;
  // A GUID in practice; anything that could bend the issuer template is refused outright.
  if (typeof tid !== 'string' || !/^[0-9A-Za-z-]{1,64}$/.test(tid)) throw rejected('claim_tid');
  return tid;
}

/** A short, non-secret reason for the log: which check failed, never the token. */
function reasonOf(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return `expired_${error.claim}`;
  if (error instanceof errors.JWTClaimValidationFailed) return `claim_${error.claim}`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown_key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  return error.code.replace(/^ERR_/, '').toLowerCase();
}
