import { PORTAL_PAGES } from '@ecm365/shared';
import type { MicrosoftIdentity } from '../../../adapters/microsoft/index.js';
import type { Db } from '../../../db/database.js';
import type { Clock } from '../../../support/clock.js';
import { randomToken, sha256 } from '../../../support/secrets.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { completeAdminConsent, insertAdminConsent } from './admin-consent.repository.js';

/** Marks the state of an admin-consent return, so the callback can tell it from a sign-in's. */
export const ADMIN_CONSENT_STATE_PREFIX = 'admin-consent.';

/** A forwarded link may wait in an administrator's inbox for a while, longer than any attempt lives. */
const LINK_TTL_MS = 7 * 24 * 3600_000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AdminConsentResult = 'granted' | 'failed' | 'invalid';

/**
 * Admin-consent links (SPEC §5): each carries a random `state` whose hash is kept here with the tenant it was made
 * for, and the administrator's return is accepted only with a state handed out, unused and unexpired.
 */
export class AdminConsents {
  constructor(
    private readonly deps: { db: Db; clock: Clock; identity: MicrosoftIdentity; audit: AuditLog; publicUrl: string },
  ) {}

  /** A new link for the tenant's administrator, asking for `scopes` (the attempt's). */
  async link(request: { tenantId: string; requestedBy: string; scopes: readonly string[] }): Promise<string> {
    const state = `${ADMIN_CONSENT_STATE_PREFIX}${randomToken(24)}`;
    const now = this.deps.clock.now();
    await insertAdminConsent(this.deps.db, {
      stateHash: sha256(state),
      tenantId: request.tenantId,
      requestedBy: request.requestedBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
    });
    return this.deps.identity.adminConsentUrl(state, request.scopes);
  }

  /** The administrator came back from Microsoft: where to send the browser (the portal's confirmation page). */
  async complete(query: Record<string, string | undefined>, ip: string): Promise<string> {
    const granted = query.admin_consent?.toLowerCase() === 'true' && !query.error;
    const state = query.state ?? '';
    const found = state.startsWith(ADMIN_CONSENT_STATE_PREFIX)
      ? await completeAdminConsent(this.deps.db, {
          stateHash: sha256(state),
          now: this.deps.clock.now(),
          outcome: granted ? 'granted' : 'failed',
        })
      : undefined;
    const result: AdminConsentResult = !found ? 'invalid' : granted ? 'granted' : 'failed';
    if (found) {
      await this.deps.audit.record({
        tenant: { id: found.tenantId, slug: found.tenantSlug },
        actor: null,
        action: 'ms365.admin_consent',
        outcome: granted ? 'success' : 'failure',
        details: {
          requestedBy: found.requestedBy,
          // From the query string: kept only in the shapes Microsoft sends (a GUID, an OAuth error word).
          ...(query.tenant && GUID.test(query.tenant) ? { microsoftTenantId: query.tenant } : {}),
          ...(query.error && /^[a-z_]{1,64}$/.test(query.error) ? { error: query.error } : {}),
        },
        ip,
      });
    }
    return `${this.deps.publicUrl}${PORTAL_PAGES.adminConsent}?result=${result}`;
  }
}
