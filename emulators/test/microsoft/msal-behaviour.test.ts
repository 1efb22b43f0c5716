/**
 * Behaviour of msal-node itself that the api adapters depend on, pinned against the emulator so a library
 * upgrade that changes it shows up here first.
 */
import {
  ClientAuthError,
  ServerError,
  type AccountInfo,
  type ICachePlugin,
  type TokenCacheContext,
} from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { connect, createMsalClient, REDIRECT_URI, SCOPES, signIn, useTestEmulator } from './support.js';

const ms = useTestEmulator();

describe('msal-node against the emulator', () => {
  it('should reject the id token when acquireTokenByCode is not given the nonce that getAuthCodeUrl sent', async () => {
    const msal = createMsalClient(ms.emulator, ms.agent);
    const flow = await signIn(ms.emulator, msal, ms.agent);
    const err = await msal
      .acquireTokenByCode({
        code: flow.redirect.get('code') ?? '',
        scopes: SCOPES,
        redirectUri: REDIRECT_URI,
        codeVerifier: flow.verifier,
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ClientAuthError);
    expect((err as ClientAuthError).errorCode).toBe('nonce_mismatch');
  });

  it('should hand the rotated refresh token to a cache plugin, which must persist it', async () => {
    let persisted = '';
    const plugin: ICachePlugin = {
      beforeCacheAccess: async (context: TokenCacheContext) => {
        if (persisted) context.tokenCache.deserialize(persisted);
      },
      afterCacheAccess: async (context: TokenCacheContext) => {
        if (context.cacheHasChanged) persisted = context.tokenCache.serialize();
      },
    };
    ms.emulator.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    const first = createMsalClient(ms.emulator, ms.agent, undefined, plugin);
    const account = (await connect(ms.emulator, first, ms.agent)).account as AccountInfo;
    const afterConnect = persisted;

    // A fresh instance per request, as the api does: it loads the cache through the plugin and refreshes.
    await createMsalClient(ms.emulator, ms.agent, undefined, plugin).acquireTokenSilent({ account, scopes: SCOPES });
    expect(persisted).not.toBe(afterConnect);
    await expect(
      createMsalClient(ms.emulator, ms.agent, undefined, plugin).acquireTokenSilent({ account, scopes: SCOPES }),
    ).resolves.toBeTruthy();
    expect(ms.emulator.controls.stats().tokenRequests.refresh_token).toBe(2);
  });

  it('should keep refusing token requests for 60 s after a 5xx, in the same instance, without calling the server', async () => {
    ms.emulator.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    const msal = createMsalClient(ms.emulator, ms.agent);
    const account = (await connect(ms.emulator, msal, ms.agent)).account as AccountInfo;
    // Retry-After: 0 does not help: msal reads 0 as "not given" and throttles for its default 60 s.
    ms.emulator.controls.failNext({ target: 'token', status: 503, retryAfterSeconds: 0 });
    await expect(msal.acquireTokenSilent({ account, scopes: SCOPES })).rejects.toBeInstanceOf(ServerError);
    await expect(msal.acquireTokenSilent({ account, scopes: SCOPES })).rejects.toBeInstanceOf(ServerError);
    expect(ms.emulator.controls.stats().tokenRequests.refresh_token).toBe(1);

    // The throttle lives in the instance's memory only (it is not serialized): a new instance goes through.
    const fresh = createMsalClient(ms.emulator, ms.agent);
    await fresh.getTokenCache().deserialize(msal.getTokenCache().serialize());
    await expect(fresh.acquireTokenSilent({ account, scopes: SCOPES })).resolves.toBeTruthy();
  });
});
