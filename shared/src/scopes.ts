import { BASE_SCOPES, FEATURES } from './features.js';

/**
 * Permissions as Microsoft writes them. The token response's `scope` may name a Graph permission short
 * (`Mail.ReadWrite.Shared`), resource-qualified (`https://graph.microsoft.com/Mail.ReadWrite.Shared`, also by
 * Graph's app id) and in any case; `.default` stands for everything the app registration lists. Every comparison
 * of scopes (the connection test, the status view, the portal's "missing permissions") goes through here.
 */

/** Graph's resource, as a scope prefix. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com/';
const GRAPH_PREFIXES = [GRAPH_RESOURCE, '00000003-0000-0000-c000-000000000000/'];
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const DEFAULT_SCOPE = '.default';

/** The spellings we use ourselves, by comparison key: how known permissions are shown. */
const CANONICAL = new Map<string, string>(
  [...BASE_SCOPES, ...Object.values(FEATURES).flatMap((feature) => feature.scopes)].map((scope) => [
    scope.toLowerCase(),
    scope,
  ]),
);

/** What two spellings of one permission have in common: lower case, without the Graph resource. */
export function scopeKey(scope: string): string {
  const lower = scope.trim().toLowerCase();
  const prefix = GRAPH_PREFIXES.find((candidate) => lower.startsWith(candidate));
  return prefix ? lower.slice(prefix.length) : lower;
}

export function isOidcScope(scope: string): boolean {
  return OIDC_SCOPES.has(scopeKey(scope));
}

/** A permission as the portal shows it: short, in our spelling when we know it (`Mail.ReadWrite.Shared`). */
export function displayScope(scope: string): string {
  const key = scopeKey(scope);
  if (CANONICAL.has(key)) return CANONICAL.get(key) as string;
  const trimmed = scope.trim();
  const prefix = GRAPH_PREFIXES.find((candidate) => trimmed.toLowerCase().startsWith(candidate));
  return prefix ? trimmed.slice(prefix.length) : trimmed;
}

/** The permissions, each shown once in display form, in the order first seen. */
export function displayScopes(scopes: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const scope of scopes) if (!seen.has(scopeKey(scope))) seen.set(scopeKey(scope), displayScope(scope));
  return [...seen.values()];
}

/**
 * Which of `required` the grant lacks, as `required` spells them. A grant of `.default` covers everything (what it
 * stands for is known only to Microsoft, whose answer to the call then decides); a required `.default` is covered
 * by any Graph permission.
 */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  const keys = new Set(granted.map(scopeKey));
  if (keys.has(DEFAULT_SCOPE)) return [];
  const anyGraphPermission = granted.some((scope) => !isOidcScope(scope));
  return required.filter((scope) => {
    const key = scopeKey(scope);
    return key === DEFAULT_SCOPE ? !anyGraphPermission : !keys.has(key);
  });
}

/**
 * The Graph permissions of `scopes`, resource-qualified, as Microsoft's admin-consent endpoint asks for them
 * (`https://graph.microsoft.com/Mail.ReadWrite.Shared`); OIDC scopes left out. None at all means `.default`.
 */
export function resourceQualifiedScopes(scopes: readonly string[]): string[] {
  const graph = displayScopes(scopes.filter((scope) => !isOidcScope(scope)));
  return (graph.length > 0 ? graph : [DEFAULT_SCOPE]).map((scope) => `${GRAPH_RESOURCE}${scope}`);
}
