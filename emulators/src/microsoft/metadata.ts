import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { CONSUMER_TENANT_ID } from './demo-data.js';
import type { TenantSegment } from './directory.js';
import { correlationIdFrom, unknownTenant } from './entra-errors.js';
import { sendEntraError } from './http.js';

/**
 * The OpenID Connect discovery document, shaped like Entra's. As with Microsoft, the multi-tenant authorities
 * (`organizations`, `common`) publish the issuer with a literal `{tenantid}` placeholder, while the endpoints keep
 * the authority's own path segment; a tenant given by domain is resolved to its GUID.
 */
export function openIdConfiguration(
  origins: { origin: string; browserOrigin: string },
  segment: TenantSegment,
): Record<string, unknown> {
  const { origin, browserOrigin } = origins;
  const pathTenant = segment.kind === 'tenant' ? segment.tenantId : segment.kind;
  const issuerTenant =
    segment.kind === 'tenant' ? segment.tenantId : segment.kind === 'consumers' ? CONSUMER_TENANT_ID : '{tenantid}';
  const base = `${origin}/${pathTenant}`;
  // The browser's pages over plain http, so that no certificate warning stands between a user and the sign-in;
  // what the app itself calls (token endpoint, keys) stays on TLS, as msal-node requires.
  const browserBase = `${browserOrigin}/${pathTenant}`;
  return {
    issuer: `${origin}/${issuerTenant}/v2.0`,
    authorization_endpoint: `${browserBase}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${browserBase}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: ['code'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'name',
      'nonce',
      'oid',
      'preferred_username',
      'tid',
      'ver',
      'email',
    ],
    request_uri_parameter_supported: false,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'emulator.local',
    msgraph_host: new URL(origin).host,
  };
}

export function registerMetadataRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: { tenant: string } }>('/:tenant/v2.0/.well-known/openid-configuration', async (req, reply) => {
    const segment = ctx.directory.resolveTenant(req.params.tenant);
    if (!segment) {
      const correlationId = correlationIdFrom(req.headers['client-request-id']);
      return sendEntraError(reply, unknownTenant(req.params.tenant), { origin: ctx.origin, correlationId });
    }
    return reply.header('cache-control', 'max-age=86400, private').send(openIdConfiguration(ctx, segment));
  });

  // One signing key for all tenants, as Entra publishes the same keys under every tenant path.
  app.get<{ Params: { tenant: string } }>('/:tenant/discovery/v2.0/keys', async (req, reply) => {
    if (!ctx.directory.resolveTenant(req.params.tenant)) {
      const correlationId = correlationIdFrom(req.headers['client-request-id']);
      return sendEntraError(reply, unknownTenant(req.params.tenant), { origin: ctx.origin, correlationId });
    }
    ctx.state.counters.jwksRequests += 1;
    return reply
      .header('cache-control', 'max-age=86400, private')
      .send({ keys: ctx.publishedKeys.map((key) => key.jwk) });
  });
}
