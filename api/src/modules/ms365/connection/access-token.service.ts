import { FEATURES, message, missingScopes, type AccessTokenResponse, type FeatureId } from '@ecm365/shared';
import { MicrosoftRequestError } from '../../../adapters/microsoft/index.js';
import type { Db } from '../../../db/database.js';
import { Ms365UnavailableError, NeedsReauthError, NotConnectedError } from '../../../errors/domain-errors.js';
import type { Clock } from '../../../support/clock.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Principal } from '../../auth/principal.js';
import type { FailureCounter } from '../../throttle/failure-counter.js';
import type { ConnectionTokens } from './connection-tokens.js';
import { findConnection } from './connection.repository.js';
import { classifyMicrosoftFailure } from '../../../adapters/microsoft/microsoft-failure.js';
import type { ConnectionRow } from '../ms365.tables.js';

/** The token handed out is good for at least this long (SPEC §10), so a caller can use it without checking. */
export const MIN_VALIDITY_MS = 5 * 60_000;

export interface AccessTokenServiceDeps {
  db: Db;
  clock: Clock;
  tokens: ConnectionTokens;
  audit: AuditLog;
  /** Counts issuances per API token (never given back): the per-token rate limit. */
  issuances: FailureCounter;
  perTokenPerMinute: number;
  /**
   * Records what Microsoft's refusal means for the connection (the health monitor's test, with its status change
   * and events), so the portal, webhooks and the notification mail learn of it now rather than at the next check.
   */
  recheck: (connection: ConnectionRow) => Promise<void>;
}

/**
 * Fresh Microsoft Graph access tokens for ELO-side features (SPEC §10, Nango's "credential fetch that refreshes
 * on read"): through the connection's serialised refresh, so however many callers ask at once the rotated
 * refresh token is stored before the next refresh can start. Every issuance is audited; the token never is.
 */
export class AccessTokenService {
  constructor(private readonly deps: AccessTokenServiceDeps) {}

  async issue(principal: Principal, feature: FeatureId | undefined, ip: string): Promise<AccessTokenResponse> {
    const { db, audit } = this.deps;
    await this.deps.issuances.reserve(
      [{ key: `access-token:${principal.apiTokenId ?? principal.user.id}`, limit: this.deps.perTokenPerMinute }],
      'error.too_many_access_tokens',
    );
    const auditBase = {
      tenant: principal.tenant,
      actor: principal.user.name,
      action: 'ms365.access_token' as const,
      ip,
    };
    const fail = async (error: Error & { code?: string }) => {
      await audit.record({
        ...auditBase,
        outcome: 'failure',
        details: { tokenId: principal.apiTokenId, feature: feature ?? null, code: error.code },
      });
      return error;
    };

    const connection = await findConnection(db, principal.tenant.id);
    if (!connection) throw await fail(new NotConnectedError(message('hint.not_connected')));
    if (connection.status === 'needs_reauth') throw await fail(new NeedsReauthError());
    const wanted = feature ? FEATURES[feature].scopes : undefined;
    const missing = wanted ? missingScopes(connection.scopes, wanted) : [];
    if (missing.length > 0) throw await fail(new NeedsReauthError({ missingScopes: missing }));

    let token;
    try {
      token = await this.deps.tokens.accessToken(connection, {
        ...(wanted ? { scopes: wanted } : {}),
        minValidityMs: MIN_VALIDITY_MS,
      });
    } catch (error) {
      if (!(error instanceof MicrosoftRequestError)) throw error;
      const kind = classifyMicrosoftFailure(error.failure);
      if (kind === 'temporarily_unavailable')
        throw await fail(new Ms365UnavailableError(error.failure.retryAfterSeconds));
      await this.deps.recheck(connection).catch(() => {
        // The answer to the caller does not depend on it; the health monitor records it later.
      });
      throw await fail(new NeedsReauthError({ reason: kind }));
    }
    const expiresAt = token.expiresOn ?? new Date(this.deps.clock.now().getTime() + MIN_VALIDITY_MS);
    await audit.record({
      ...auditBase,
      outcome: 'success',
      details: {
        tokenId: principal.apiTokenId,
        feature: feature ?? null,
        expiresAt: expiresAt.toISOString(),
        refreshed: token.refreshed,
      },
    });
    return {
      accessToken: token.accessToken,
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      scopes: token.scopes.length > 0 ? token.scopes : [...(wanted ?? connection.scopes)],
      account: {
        username: connection.accountUsername,
        displayName: connection.accountDisplayName,
        microsoftTenantId: connection.microsoftTenantId,
      },
    };
  }
}
