import type { ApiScope } from '@ecm365/shared';
import type { HostKind } from '../tenants/tenant-host.js';

/**
 * Who is making a request, once authenticated. Sessions (browser) and, later, API tokens (integrators) both
 * produce one; routes and services only ever see this.
 */
export interface TenantRef {
  id: string;
  slug: string;
  name: string;
  /** Any signed-in user of the tenant may manage Microsoft 365 before this date (`YYYY-MM-DD`). */
  graceUntil: string | null;
}

export interface Principal {
  kind: 'session' | 'api_token';
  tenant: TenantRef;
  user: { id: string; name: string };
  /** Membership of the ELO group `online.ecm.microsoft365` as ELO reported it at login. */
  isGroupMember: boolean;
  /** Sessions only: the CSRF token unsafe requests must echo. */
  csrfToken?: string;
  /** Sessions only: the stored hash of the session id (never the id itself). */
  sessionIdHash?: string;
  /** Sessions only: the kind of host the session was created on, the only one it is valid on. */
  sessionHost?: HostKind;
  /** API tokens only: the token's id (never the token). */
  apiTokenId?: string;
  /** API tokens only: what the token may do (SPEC §10). */
  scopes?: readonly ApiScope[];
  /** API tokens only: its name and expiry, for `GET /api-tokens/current`. */
  apiTokenName?: string;
  apiTokenExpiresAt?: Date | null;
}

/** A stable key for "this very session or token", used to bind connect attempts and count wrong codes. */
export function principalKey(principal: Principal): string {
  if (principal.kind === 'session' && principal.sessionIdHash) return `session:${principal.sessionIdHash}`;
  if (principal.kind === 'api_token' && principal.apiTokenId) return `token:${principal.apiTokenId}`;
  throw new Error('principal without session or token id');
}
