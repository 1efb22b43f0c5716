import type { MicrosoftIdentity, TokenCacheStore } from '../../adapters/microsoft/index.js';
import type { KeyRing } from '../../crypto/key-ring.js';
import type { Db } from '../../db/database.js';
import { withRetries } from '../../support/retry.js';
import type { ConnectionLock } from './connection-lock.js';
import { findConnection, updateConnection } from './connection.repository.js';
import { MICROSOFT_RETRY_POLICY, microsoftRetryDecision } from './microsoft-retry.js';
import type { ConnectionRow } from './ms365.tables.js';

export const connectionCacheContext = (tenantId: string) => `ms365_connections:${tenantId}`;

/**
 * Access tokens for a tenant's connection. The MSAL cache is read from and written back to the connection row
 * (encrypted) inside the per-connection lock, so every refresh persists its rotated refresh token before the
 * next one can start.
 */
export class ConnectionTokens {
  constructor(
    private readonly db: Db,
    private readonly keys: KeyRing,
    private readonly identity: MicrosoftIdentity,
    private readonly lock: ConnectionLock,
  ) {}

  accessToken(connection: ConnectionRow, options: { forceRefresh?: boolean } = {}) {
    const tenantId = connection.tenantId;
    const context = connectionCacheContext(tenantId);
    const store: TokenCacheStore = {
      load: async () => {
        // Read inside the lock: another instance may have rotated the token since `connection` was loaded.
        const current = await findConnection(this.db, tenantId);
        return current ? this.keys.decrypt(current.tokenCache, context) : undefined;
      },
      save: async (serialized) => {
        await updateConnection(this.db, tenantId, {
          tokenCache: this.keys.encrypt(serialized, context),
          updatedAt: new Date(),
        });
      },
    };
    const scopes = connection.scopes.filter((scope) => !['openid', 'profile', 'offline_access'].includes(scope));
    return this.lock.run(tenantId, () =>
      withRetries(
        () =>
          this.identity.acquireAccessToken({
            cache: store,
            homeAccountId: connection.homeAccountId,
            scopes,
            forceRefresh: options.forceRefresh ?? false,
          }),
        MICROSOFT_RETRY_POLICY,
        microsoftRetryDecision,
      ),
    );
  }
}
