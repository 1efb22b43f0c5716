/**
 * The API token scope a route needs (SPEC §10: ms365:read, ms365:write, ms365:token, imports:read,
 * imports:write, webhooks:write). Routes declare it in their Fastify route config
 * (`config: requiresScope('webhooks:write')`); the scope check (an onRequest hook of the API token module) reads
 * `request.routeOptions.config.requiredScope`. Browser sessions are not limited by scopes.
 */
export const API_SCOPES = [
  'ms365:read',
  'ms365:write',
  'ms365:token',
  'imports:read',
  'imports:write',
  'webhooks:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    requiredScope?: ApiScope;
  }
}

export const requiresScope = (scope: ApiScope) => ({ requiredScope: scope });
