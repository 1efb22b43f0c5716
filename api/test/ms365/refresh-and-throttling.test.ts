import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, TEST_CLIENT, type SignedIn, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  admin = await signIn(t.app, 'admin', 'admin');
});
afterEach(async () => {
  t.microsoft.controls.reset();
  await asUser(t, admin).delete('/api/v1/ms365/connection');
});
afterAll(() => t.close());

/** A connection whose access tokens always need a refresh (they expire within MSAL's five-minute margin). */
async function connectWithShortTokens() {
  t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
  const redeemed = await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });
  expect(redeemed.json().test.ok).toBe(true);
}

const test = async () => (await asUser(t, admin).post('/api/v1/ms365/connection/test')).json();
const status = async () => (await asUser(t, admin).get('/api/v1/ms365/connection')).json().status;

describe('refresh failures (SPEC §5)', () => {
  it('an expired refresh token (AADSTS700082) → needs_reauth', async () => {
    await connectWithShortTokens();
    // The emulator checks a refresh token's age against the lifetime in force when it is used: 0 s expires it now.
    t.microsoft.controls.setTokenLifetimes({ refreshTokenSeconds: 0 });
    expect(await test()).toMatchObject({ ok: false, checks: [{ id: 'token', ok: false }] });
    expect(await status()).toBe('needs_reauth');
  });

  it('MFA or conditional access (interaction_required) → needs_reauth', async () => {
    await connectWithShortTokens();
    t.microsoft.controls.requireInteraction('admin@contoso.example', true);
    expect(await test()).toMatchObject({
      ok: false,
      checks: [{ id: 'token', hint: expect.stringContaining('erneut einrichten') }],
    });
    expect(await status()).toBe('needs_reauth');
  });

  it('our secret expired (invalid_client AADSTS7000222) → a service problem, logged loudly, not the customer’s fault', async () => {
    await connectWithShortTokens();
    const logsBefore = t.logs.length;
    t.microsoft.controls.expireClientSecret(TEST_CLIENT.clientId, true);
    const result = await test();
    expect(result.checks[0]).toMatchObject({
      id: 'token',
      ok: false,
      hint: 'Bitte wenden Sie sich an support@ecm.online.',
    });
    expect(await status()).toBe('error');
    // Only the lines of this test: an earlier test's log must not make this one pass.
    const lines = t.logs.slice(logsBefore).map((line) => JSON.parse(line) as { level: number; msg: string });
    const loud = lines.filter((line) => line.level >= 50);
    expect(
      loud.map((line) => line.msg),
      'error-level log lines of this test',
    ).toContain('Microsoft rejected the app configuration');
  });

  it('a connection that recovers goes back to connected', async () => {
    await connectWithShortTokens();
    t.microsoft.controls.failNext({ target: 'token', status: 503, times: 10 });
    expect((await test()).ok).toBe(false);
    expect(await status()).toBe('error');
    t.microsoft.controls.reset();
    expect((await test()).ok).toBe(true);
    expect(await status()).toBe('connected');
  });
});

describe('throttling and outages: retried with backoff, bounded', () => {
  it('waits out a Graph 429 with Retry-After and succeeds', async () => {
    await connectWithShortTokens();
    t.microsoft.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    expect((await test()).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries a token endpoint 503 and succeeds', async () => {
    await connectWithShortTokens();
    t.microsoft.controls.failNext({ target: 'token', status: 503, times: 1 });
    expect((await test()).ok).toBe(true);
  });

  it('gives up within the bound when Microsoft keeps failing, with a clear failing check', async () => {
    await connectWithShortTokens();
    t.microsoft.controls.failNext({ target: 'graph', status: 503, times: 100 });
    const started = Date.now();
    const result = await test();
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(result.checks.find((check: { id: string }) => check.id === 'profile')).toMatchObject({
      ok: false,
      message: 'Microsoft 365 war bei der Prüfung nicht erreichbar.',
    });
  });

  it('does not wait for a Retry-After beyond the bound', async () => {
    await connectWithShortTokens();
    t.microsoft.controls.failNext({ target: 'graph', status: 429, retryAfterSeconds: 120, times: 5 });
    const started = Date.now();
    expect((await test()).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
