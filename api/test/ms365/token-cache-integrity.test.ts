import type { ConnectionResponse, ConnectionTestResult, RedeemResponse } from '@ecm365/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { connectionCacheContext } from '../../src/modules/ms365/connection/connection-tokens.js';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { createTestDatabase } from '../support/test-database.js';
import { signIn, startTestApp, TEST_ENCRYPTION_KEY, type SignedIn, type TestApp } from '../support/test-app.js';

/** A test app with a signed-in admin, its connection removed and the emulator reset after each test. */
function useApp(options: { poolSize?: number } = {}) {
  const ctx = {} as { t: TestApp; admin: SignedIn };
  beforeAll(async () => {
    ctx.t = await startTestApp({ database: await createTestDatabase(options) });
    ctx.admin = await signIn(ctx.t.app, 'admin', 'admin');
  });
  afterEach(async () => {
    ctx.t.microsoft.controls.reset();
    await asUser(ctx.t, ctx.admin).delete('/api/v1/ms365/connection');
  });
  afterAll(() => ctx.t.close());
  const user = () => asUser(ctx.t, ctx.admin);
  return {
    ctx,
    connection: async () => (await user().get('/api/v1/ms365/connection')).json<ConnectionResponse>(),
    retest: () => user().post('/api/v1/ms365/connection/test'),
    async connect(account: string): Promise<RedeemResponse> {
      const redeemed = await user().post('/api/v1/ms365/connection', {
        code: await obtainCode(ctx.t, ctx.admin, account),
      });
      expect(redeemed.statusCode).toBe(200);
      return redeemed.json<RedeemResponse>();
    },
  };
}

/** The accounts whose tokens the stored (encrypted) MSAL cache of the connection holds. */
async function cachedAccounts(t: TestApp): Promise<string[]> {
  const row = await t.database.db
    .selectFrom('ms365Connections')
    .select(['tenantId', 'tokenCache'])
    .executeTakeFirstOrThrow();
  const keys = new KeyRing([TEST_ENCRYPTION_KEY]);
  const cache = JSON.parse(keys.decrypt(row.tokenCache, connectionCacheContext(row.tenantId))) as {
    Account: Record<string, { username: string }>;
  };
  return Object.values(cache.Account).map((account) => account.username);
}

describe('a token refresh with a single database connection in the pool', () => {
  // The refresh holds its lock on a connection; its own queries must go over that one, not wait for another.
  const app = useApp({ poolSize: 1 });

  it('completes', async () => {
    app.ctx.t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 }); // every test refreshes
    expect((await app.connect('admin@contoso.example')).test.ok).toBe(true);
    const tested = await app.retest();
    expect(tested.statusCode).toBe(200);
    expect(tested.json<ConnectionTestResult>().ok).toBe(true);
  });
});

describe('the stored token cache', () => {
  const app = useApp();

  it('of a connection set up again while a refresh of the old one runs is kept, not overwritten', async () => {
    const { t, admin } = app.ctx;
    t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    await app.connect('admin@contoso.example');
    const newCode = await obtainCode(t, admin, 'ohne-zugriff@contoso.example');

    // The old connection's refresh waits for Microsoft while the new connection is stored.
    t.microsoft.controls.setLatency({ target: 'token', ms: 1500 });
    const oldRefresh = app.retest();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const redeemed = await asUser(t, admin).post('/api/v1/ms365/connection', { code: newCode });
    await oldRefresh;
    t.microsoft.controls.setLatency({ target: 'token', ms: 0 });

    expect(redeemed.json<RedeemResponse>().test.ok).toBe(true);
    expect((await app.connection()).account?.username).toBe('ohne-zugriff@contoso.example');
    // Only the new account's tokens are kept: the old refresh saved nothing into the new connection.
    expect(await cachedAccounts(t)).toEqual(['ohne-zugriff@contoso.example']);
    const tested = (await app.retest()).json<ConnectionTestResult>();
    expect(tested.ok).toBe(true);
    expect(tested.checks.find((check) => check.id === 'profile')?.message).toContain('ohne-zugriff@contoso.example');
  });

  it('that cannot be read (a key missing) fails the request; the connection is not marked broken', async () => {
    await app.connect('admin@contoso.example');
    await app.ctx.t.database.db
      .updateTable('ms365Connections')
      .set({ tokenCache: 'enc1:unknown-key:AAAAAAAAAAAAAAAA:AAAA:AAAAAAAAAAAAAAAAAAAAAA' })
      .execute();

    const tested = await app.retest();
    expect(tested.statusCode).toBe(500);
    expect(tested.json()).toMatchObject({ error: { code: 'internal_error' } });
    expect((await app.connection()).status).toBe('connected');
  });
});
