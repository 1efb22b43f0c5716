import { InteractionRequiredAuthError, type AccountInfo, type ConfidentialClientApplication } from '@azure/msal-node';
import { fetch } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_ID, CLIENT_SECRET, connect, createMsalClient, SCOPES, useTestEmulator } from './support.js';

const ms = useTestEmulator();
let msal: ConfidentialClientApplication;
let account: AccountInfo;
beforeEach(async () => {
  // msal treats a token expiring within 5 minutes as expired: with 60 s every silent call refreshes.
  ms.emulator.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
  msal = createMsalClient(ms.emulator, ms.agent);
  const result = await connect(ms.emulator, msal, ms.agent);
  if (!result.account) throw new Error('no account');
  account = result.account;
});

function cachedRefreshToken(client: ConfidentialClientApplication): string {
  const cache = JSON.parse(client.getTokenCache().serialize()) as { RefreshToken: Record<string, { secret: string }> };
  const [entry] = Object.values(cache.RefreshToken);
  if (!entry) throw new Error('no refresh token in the cache');
  return entry.secret;
}

async function interactionErrorOf(promise: Promise<unknown>): Promise<InteractionRequiredAuthError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InteractionRequiredAuthError);
  return err as InteractionRequiredAuthError;
}

describe('silent token acquisition', () => {
  it('should refresh through the token endpoint and rotate the refresh token', async () => {
    const before = cachedRefreshToken(msal);
    const result = await msal.acquireTokenSilent({ account, scopes: SCOPES });
    expect(result.fromCache).toBe(false);
    const after = cachedRefreshToken(msal);
    expect(after).not.toBe(before);
    expect(ms.emulator.controls.stats().tokenRequests).toEqual({ authorization_code: 1, refresh_token: 1 });
  });

  it('should reject the rotated-away refresh token, so a client that did not persist the new one must sign in again', async () => {
    const staleCache = msal.getTokenCache().serialize();
    await msal.acquireTokenSilent({ account, scopes: SCOPES });

    const restored = createMsalClient(ms.emulator, ms.agent);
    await restored.getTokenCache().deserialize(staleCache);
    const err = await interactionErrorOf(restored.acquireTokenSilent({ account, scopes: SCOPES }));
    expect(err.errorCode).toBe('invalid_grant');
    expect(err.subError).toBe('bad_token');

    // The client that kept the rotated token is unaffected.
    await expect(msal.acquireTokenSilent({ account, scopes: SCOPES })).resolves.toBeTruthy();
  });

  it('should answer a raw reuse of an old refresh token with invalid_grant and suberror bad_token', async () => {
    const old = cachedRefreshToken(msal);
    await msal.acquireTokenSilent({ account, scopes: SCOPES });
    const response = await fetch(`${ms.emulator.authority()}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        refresh_token: old,
      }),
      dispatcher: ms.agent,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant', suberror: 'bad_token' });
  });

  it('should issue more refresh tokens with the consent of an active one, each rotated on its own', async () => {
    const like = cachedRefreshToken(msal);
    const issue = (count: number) =>
      fetch(`${ms.emulator.origin}/_emulator/refresh-tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ like, count }),
        dispatcher: ms.agent,
      });
    const response = await issue(2);
    expect(response.status).toBe(200);
    const { refreshTokens } = (await response.json()) as { refreshTokens: string[] };
    expect(new Set([like, ...refreshTokens]).size).toBe(3);
    const refresh = (token: string) =>
      fetch(`${ms.emulator.authority()}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          refresh_token: token,
          scope: SCOPES.join(' '),
        }),
        dispatcher: ms.agent,
      });
    for (const token of refreshTokens) {
      const first = await refresh(token);
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ refresh_token: expect.any(String) });
      expect((await refresh(token)).status).toBe(400); // rotated away: strict, as for a signed-in client's token
    }
    // The original stays the client's own; once it is rotated away, nothing more is issued from it.
    await expect(msal.acquireTokenSilent({ account, scopes: SCOPES })).resolves.toBeTruthy();
    expect((await issue(1)).status).toBe(400);
  });

  it('should turn revoked refresh tokens into InteractionRequiredAuthError (AADSTS50173)', async () => {
    ms.emulator.controls.revokeRefreshTokens('admin@contoso.example');
    const err = await interactionErrorOf(msal.acquireTokenSilent({ account, scopes: SCOPES }));
    expect(err.errorCode).toBe('invalid_grant');
    expect(String(err.errorNo)).toBe('50173');
  });

  it('should expire idle refresh tokens (AADSTS700082)', async () => {
    ms.emulator.controls.setTokenLifetimes({ refreshTokenSeconds: 0 });
    const err = await interactionErrorOf(msal.acquireTokenSilent({ account, scopes: SCOPES }));
    expect(String(err.errorNo)).toBe('700082');
  });

  it('should demand MFA while interaction is required, and work again afterwards', async () => {
    ms.emulator.controls.requireInteraction('admin@contoso.example', true);
    const err = await interactionErrorOf(msal.acquireTokenSilent({ account, scopes: SCOPES }));
    expect(err.errorCode).toBe('interaction_required');
    expect(String(err.errorNo)).toBe('50076');
    ms.emulator.controls.requireInteraction('admin@contoso.example', false);
    await expect(msal.acquireTokenSilent({ account, scopes: SCOPES })).resolves.toBeTruthy();
  });

  it('should refuse silently adding a permission the user never consented to (AADSTS65001)', async () => {
    const err = await interactionErrorOf(msal.acquireTokenSilent({ account, scopes: ['Mail.Send'] }));
    expect(err.subError).toBe('consent_required');
    expect(String(err.errorNo)).toBe('65001');
  });
});
