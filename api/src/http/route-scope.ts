import { API_PREFIX, type ApiScope } from '@ecm365/shared';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { InsufficientScopeError } from '../errors/domain-errors.js';
import type { Principal } from '../modules/auth/principal.js';

export type { ApiScope };

/**
 * Who may call a route (SPEC §10). Every /api/v1 route declares it in its Fastify route config, and the app
 * refuses to start when one does not (`declareRouteAccess`):
 * - `requiresScope(scope)`: sessions of allowed users, and API tokens carrying `scope`;
 * - `requiresScope(scope, { tokensOnly: true })`: API tokens carrying `scope` only (a session gets 403);
 * - `anyApiToken()`: any valid API token, whatever its scopes (the token describing itself);
 * - `sessionOnly()`: browser sessions only (a token is not even looked at: 401);
 * - `publicRoute()`: no credentials (sign-in, Microsoft's redirect back).
 * The check itself is `assertScope`, run by request-auth wherever a bearer token becomes a principal, so no
 * route that takes tokens can skip it (the connector routes authenticate inside their handlers).
 */
export type RouteAccess =
  | { kind: 'scope'; scope: ApiScope; tokensOnly: boolean }
  | { kind: 'any_token' }
  | { kind: 'session' }
  | { kind: 'public' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const requiresScope = (scope: ApiScope, options: { tokensOnly?: boolean } = {}) => ({
  access: { kind: 'scope', scope, tokensOnly: options.tokensOnly ?? false } as RouteAccess,
});
export const anyApiToken = () => ({ access: { kind: 'any_token' } as RouteAccess });
export const sessionOnly = () => ({ access: { kind: 'session' } as RouteAccess });
export const publicRoute = () => ({ access: { kind: 'public' } as RouteAccess });

/**
 * The invoice import's routes (another module) live under this prefix and take imports:read (reading methods)
 * or imports:write (the others) unless they declare otherwise. The feature's settings route itself
 * (`PUT /ms365/features/invoice-mail-import`) is no sub-path of it and keeps ms365:write.
 */
export const IMPORT_ROUTES_PREFIX = `${API_PREFIX}/ms365/features/invoice-mail-import/`;

const READING = new Set(['GET', 'HEAD', 'OPTIONS']);

function accessByPrefix(url: string, methods: readonly string[]): RouteAccess | undefined {
  if (!url.startsWith(IMPORT_ROUTES_PREFIX)) return undefined;
  const reading = methods.every((method) => READING.has(method));
  return { kind: 'scope', scope: reading ? 'imports:read' : 'imports:write', tokensOnly: false };
}

/** The access a route declared, or the prefix rule's; undefined when neither says. */
export function routeAccessOf(route: Pick<RouteOptions, 'url' | 'method' | 'config'>): RouteAccess | undefined {
  const declared = (route.config as { access?: RouteAccess } | undefined)?.access;
  if (declared) return declared;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return accessByPrefix(route.url, methods);
}

/**
 * Makes every /api/v1 route's access explicit before the app listens: a route without a declaration (and outside
 * the prefix rule) is a start-up error, so a new route cannot quietly be open to every token.
 */
export function declareRouteAccess(app: FastifyInstance, root: FastifyInstance = app): void {
  const table = declared.get(root) ?? [];
  declared.set(root, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(`${API_PREFIX}/`)) return;
    const access = routeAccessOf(route);
    if (!access) {
      throw new Error(
        `route ${String(route.method)} ${route.url} declares no access (requiresScope, anyApiToken, sessionOnly or publicRoute)`,
      );
    }
    route.config = { ...(route.config ?? {}), access } as typeof route.config;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      table.push({ method, url: route.url, access });
    }
  });
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every /api/v1 route of an app with the access it declared (the scope tests enumerate these). */
export function declaredRoutesOf(app: FastifyInstance): readonly DeclaredRoute[] {
  return declared.get(app) ?? [];
}

/** The scopes a token principal carries; sessions carry none (they are limited by the ELO group, not scopes). */
export function tokenScopes(principal: Principal): readonly ApiScope[] {
  return principal.kind === 'api_token' ? (principal.scopes ?? []) : [];
}

/**
 * 403 `insufficient_scope` when the principal may not call the route: a token without the route's scope (or on a
 * route that declared nothing, failing closed), a session on a tokens-only route.
 */
export function assertScope(request: FastifyRequest, principal: Principal): void {
  const access = request.routeOptions.config.access;
  if (principal.kind === 'session') {
    if (access?.kind === 'scope' && access.tokensOnly) throw new InsufficientScopeError(access.scope, 'session');
    return;
  }
  if (access?.kind === 'any_token') return;
  if (access?.kind !== 'scope') throw new InsufficientScopeError(undefined, 'browser_only');
  if (!tokenScopes(principal).includes(access.scope)) throw new InsufficientScopeError(access.scope);
}
