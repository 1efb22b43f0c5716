import type { Agent } from 'undici';
import { TtlCache } from '../../support/ttl-cache.js';
import type { MicrosoftEndpoints } from './microsoft-endpoints.js';
import { fetchMicrosoftJson } from './microsoft-json.js';
import { MicrosoftRequestError } from './microsoft-request-error.js';

/** What id_token validation needs from the authority's openid-configuration. */
export interface OpenIdMetadata {
  /** e.g. `https://login.microsoftonline.com/{tenantid}/v2.0`: multi-tenant authorities publish a template. */
  issuer: string;
  jwksUri: string;
}

/** Entra documents the discovery document as stable for a day; keys are fetched separately (and refreshed). */
const METADATA_TTL_MS = 24 * 3600_000;

function parseMetadata(document: unknown): OpenIdMetadata {
  const { issuer, jwks_uri: jwksUri } = (document ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof issuer !== 'string' || typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) {
    throw new MicrosoftRequestError({
      error: 'invalid_metadata',
      description: 'openid-configuration without issuer or jwks_uri',
      httpStatus: 502,
    });
  }
  return { issuer, jwksUri };
}

/**
 * The authority's openid-configuration: the one MSAL was given (`authorityMetadata`, the emulator), or
 * `${authority}/v2.0/.well-known/openid-configuration` fetched through our dispatcher and kept for a day.
 */
export class OpenIdMetadataSource {
  private readonly cache = new TtlCache<'metadata', OpenIdMetadata>(METADATA_TTL_MS, 1);

  constructor(
    private readonly endpoints: MicrosoftEndpoints,
    private readonly dispatcher: Agent,
  ) {}

  get(): Promise<OpenIdMetadata> {
    if (this.endpoints.authorityMetadata) {
      return Promise.resolve(parseMetadata(JSON.parse(this.endpoints.authorityMetadata) as unknown));
    }
    return this.cache.getOrLoad('metadata', async () =>
      parseMetadata(await fetchMicrosoftJson(this.dispatcher, this.discoveryUrl(), this.endpoints.timeoutMs)),
    );
  }

  private discoveryUrl(): string {
    return `${this.endpoints.authority.replace(/\/+$/, '')}/v2.0/.well-known/openid-configuration`;
  }
}
