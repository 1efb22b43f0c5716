import type { ScopeStyle } from './types.js';

/**
 * Scope handling. Entra treats Graph scopes case-insensitively and accepts both `User.Read` and
 * `https://graph.microsoft.com/User.Read`; we normalise to the short canonical spelling, which is what Entra
 * echoes back in `scope` and `scp` for Graph.
 */

export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** Delegated Graph permissions the emulator knows, with the German consent text shown to users. */
const GRAPH_SCOPES: Record<string, string> = {
  'User.Read': 'Sie anmelden und Ihr Profil lesen',
  'User.ReadBasic.All': 'Die grundlegenden Profile aller Benutzer lesen',
  'Mail.ReadBasic': 'Grundlegende Informationen Ihrer E-Mails lesen (ohne Inhalt)',
  'Mail.Read': 'Ihre E-Mails lesen',
  'Mail.ReadWrite': 'Lese- und Schreibzugriff auf Ihre E-Mails',
  'Mail.Read.Shared': 'E-Mails lesen, auf die Sie zugreifen können – auch in freigegebenen Postfächern',
  'Mail.ReadWrite.Shared': 'E-Mails lesen und ändern, auf die Sie zugreifen können – auch in freigegebenen Postfächern',
  'Mail.Send': 'E-Mails in Ihrem Namen senden',
  'Mail.Send.Shared': 'E-Mails im Namen anderer Postfächer senden, auf die Sie zugreifen können',
  'MailboxSettings.Read': 'Ihre Postfacheinstellungen lesen',
};

const OIDC_DESCRIPTIONS: Record<string, string> = {
  openid: 'Sie anmelden',
  profile: 'Ihr Basisprofil anzeigen',
  email: 'Ihre E-Mail-Adresse anzeigen',
  offline_access: 'Zugriff auf Daten beibehalten, für die Sie Zugriff erteilt haben',
};

/** What `.default` stands for: the permissions configured on the (single) app registration we emulate. */
export const DEFAULT_APP_PERMISSIONS = ['User.Read', 'Mail.ReadWrite.Shared'];

const GRAPH_RESOURCE_PREFIXES = ['https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000/'];

const canonicalByLowerCase = new Map<string, string>(
  [...Object.keys(GRAPH_SCOPES), ...OIDC_SCOPES].map((scope) => [scope.toLowerCase(), scope]),
);

export type ScopeParseResult = { ok: true; scopes: string[] } | { ok: false; invalidScope: string };

/** Splits a `scope` parameter, normalises each entry, expands `.default` and drops duplicates (order kept). */
export function parseScopes(raw: string): ScopeParseResult {
  const result: string[] = [];
  for (const entry of raw.split(/\s+/).filter((part) => part.length > 0)) {
    const prefix = GRAPH_RESOURCE_PREFIXES.find((p) => entry.toLowerCase().startsWith(p));
    const name = prefix ? entry.slice(prefix.length) : entry;
    const expanded = name === '.default' ? DEFAULT_APP_PERMISSIONS : [canonicalByLowerCase.get(name.toLowerCase())];
    const isOidc = (OIDC_SCOPES as readonly string[]).includes(expanded[0] ?? '');
    // OIDC scopes are not Graph permissions: "https://graph.microsoft.com/openid" is not a thing.
    if (expanded.some((scope) => scope === undefined) || (prefix !== undefined && isOidc)) {
      return { ok: false, invalidScope: entry };
    }
    for (const scope of expanded) if (scope !== undefined && !result.includes(scope)) result.push(scope);
  }
  return { ok: true, scopes: result };
}

export function isOidcScope(scope: string): boolean {
  return (OIDC_SCOPES as readonly string[]).includes(scope);
}

export function resourceScopesOf(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !isOidcScope(scope));
}

/**
 * The `scope` of a token response (also the access token's `scp`): the Graph permissions followed by the OIDC
 * scopes that were requested, without `offline_access` (Entra does not echo it; msal ignores OIDC scopes when it
 * matches cached access tokens anyway).
 */
export function grantedScopeString(scopes: readonly string[]): string {
  const oidc = scopes.filter((scope) => isOidcScope(scope) && scope !== 'offline_access');
  return [...resourceScopesOf(scopes), ...oidc].join(' ');
}

/**
 * The `scope` of a token response in the spelling a test chose: Entra may qualify Graph permissions with their
 * resource and does not promise their case. OIDC scopes are never qualified.
 */
export function styledScopeString(scopes: readonly string[], style: ScopeStyle): string {
  if (style === 'short') return grantedScopeString(scopes);
  return grantedScopeString(scopes)
    .split(' ')
    .map((scope) => {
      if (isOidcScope(scope)) return scope;
      const qualified = `https://graph.microsoft.com/${scope}`;
      return style === 'resource_lowercase' ? qualified.toLowerCase() : qualified;
    })
    .join(' ');
}

export function describeScope(scope: string): string {
  return GRAPH_SCOPES[scope] ?? OIDC_DESCRIPTIONS[scope] ?? scope;
}
