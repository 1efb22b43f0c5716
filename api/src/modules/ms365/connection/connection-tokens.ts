import { isOidcScope } from '@ecm365/shared';
import type { MicrosoftIdentity, TokenCacheStore } from '../../../adapters/microsoft/index.js';
import type { KeyRing } from '../../../crypto/key-ring.js';
import { withRetries } from '../../../support/retry.js';
import type { ConnectionLock } from './connection-lock.js';
import { findConnectionTokenCache, replaceConnectionTokenCache } from './connection.repository.js';
import { MICROSOFT_RETRY_POLICY, microsoftRetryDecision } from '../microsoft-retry.js';
import type { ConnectionRow } from '../ms365.tables.js';

export const connectionCacheContext = (tenantId: string) => `ms365_connections:${tenantId}`;

/**
 * Access tokens for a tenant's connection. The MSAL cache is read from and written back to the connection row
 * (encrypted) inside the per-connection lock, so every refresh persists its rotated refresh token before the
 * next one can start.
 */
export class ConnectionTokens {
  constructor(
    private readonly keys: KeyRing,
    private readonly identity: MicrosoftIdentity,
    private readonly lock: ConnectionLock,
  ) {}

  /**
   * An access token of the connection. `scopes` asks for fewer permissions than the connection has (a feature's);
   * `minValidityMs` refreshes a cached token that would expire sooner (MSAL's own margin is five minutes).
   */
  async accessToken(
    connection: ConnectionRow,
    options: { forceRefresh?: boolean; scopes?: readonly string[]; minValidityMs?: number } = {},
  ) {
    const tenantId = connection.tenantId;
    const context = connectionCacheContext(tenantId);
    const scopes = (options.scopes ?? connection.scopes).filter((scope) => !isOidcScope(scope));
    // A token still valid in the row the caller read needs no refresh, so neither the lock that guards refreshes
    // nor a fresh read of the row under it (three queries of every connection test before, issue 13). An access
    // token stays valid when another instance rotates the refresh token meanwhile.
    if (!options.forceRefresh) {
      const cached = await this.identity.cachedAccessToken({
        serializedCache: this.keys.decrypt(connection.tokenCache, context),
        homeAccountId: connection.homeAccountId,
        scopes,
      });
      const validMs = cached?.expiresOn ? cached.expiresOn.getTime() - Date.now() : Infinity;
      if (cached && (options.minValidityMs === undefined || validMs >= options.minValidityMs)) return cached;
    }
    return this.lock.run(tenantId, async (locked, tokenCacheAtLock) => {
      /**
       * The cache this refresh started from, then what it saved. MSAL reads the cache again right before writing
       * and merges what it reads: if the connection was set up again meanwhile, the save must not go through, or
       * the old account's tokens would be merged into the new connection.
       */
      let expected: string | undefined;
      /**
       * What MSAL gets on every cache access of this call (it asks three to four times per token: accounts, the
       * silent lookup, before and after writing). The row's cache as the lock found it: another instance may have
       * rotated the token since `connection` was loaded, but none can while the lock is held; a re-setup meanwhile
       * is caught by the compare-and-set in `save`, after which the row is read again. Each access was a query and
       * a decryption before.
       */
      let plaintext: Promise<string | undefined> | undefined;
      let readRow = (): Promise<string | undefined> => Promise.resolve(tokenCacheAtLock);
      const store: TokenCacheStore = {
        load: () =>
          (plaintext ??= readRow().then((tokenCache) => {
            expected ??= tokenCache;
            return tokenCache === undefined ? undefined : this.keys.decrypt(tokenCache, context);
          })),
        save: async (serialized) => {
          if (expected === undefined) return;
          const next = this.keys.encrypt(serialized, context);
          // False when the connection was set up again or removed meanwhile: its own cache stays as it is.
          if (await replaceConnectionTokenCache(locked, tenantId, expected, next, new Date())) {
            expected = next;
            plaintext = Promise.resolve(serialized);
          } else {
            // A retry reads what is there now.
            plaintext = undefined;
            readRow = () => findConnectionTokenCache(locked, tenantId);
          }
        },
      };
      const acquire = (forceRefresh: boolean) =>
        withRetries(
          () =>
            this.identity.acquireAccessToken({
              cache: store,
              homeAccountId: connection.homeAccountId,
              scopes,
              forceRefresh,
            }),
          MICROSOFT_RETRY_POLICY,
          microsoftRetryDecision,
        );
      const first = await acquire(options.forceRefresh ?? false);
      const validMs = first.expiresOn ? first.expiresOn.getTime() - Date.now() : Infinity;
      // Still inside the lock: the refresh starts from the cache the first call saved.
      if (!first.refreshed && options.minValidityMs !== undefined && validMs < options.minValidityMs) {
        return acquire(true);
      }
      return first;
    });
  }
}
