import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

export interface TokenCacheStore {
  /** The serialized MSAL cache of this connection, or undefined for a new one. */
  load(): Promise<string | undefined>;
  /** Called whenever MSAL changed the cache (a refresh rotated the refresh token): persist it now. */
  save(serializedCache: string): Promise<void>;
}

/**
 * MSAL's cache plugin over one connection's stored cache. Used with one MSAL client per connection and request,
 * so accounts of different tenants never meet in one in-memory cache.
 */
export class PersistentTokenCache implements ICachePlugin {
  constructor(private readonly store: TokenCacheStore) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const serialized = await this.store.load();
    if (serialized) context.tokenCache.deserialize(serialized);
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (context.cacheHasChanged) await this.store.save(context.tokenCache.serialize());
  }
}

/** A store that only keeps the latest cache in memory (the code redemption, before anything is stored). */
export class CapturedTokenCache implements TokenCacheStore {
  serialized: string | undefined;
  async load(): Promise<string | undefined> {
    return this.serialized;
  }
  async save(serializedCache: string): Promise<void> {
    this.serialized = serializedCache;
  }
}
