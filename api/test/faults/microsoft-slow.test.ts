import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { MS365_TIMEOUT_MS: '800' } });
});
afterAll(() => t.close());

describe('Microsoft answering slowly', () => {
  it('times out each call, retries within the bound, then reports a clear failing check — never a hung request', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    t.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    await asUser(t, admin).post('/api/v1/ms365/connection', { code: await obtainCode(t, admin) });

    t.microsoft.controls.setLatency({ target: 'token', ms: 5000 });
    const started = Date.now();
    const response = await asUser(t, admin).post('/api/v1/ms365/connection/test');
    const elapsed = Date.now() - started;
    expect(response.statusCode).toBe(200);
    expect(response.json().checks[0]).toMatchObject({
      id: 'token',
      ok: false,
      message: 'Microsoft 365 war bei der Prüfung nicht erreichbar.',
    });
    expect(elapsed).toBeLessThan(10_000);

    t.microsoft.controls.setLatency({ target: 'token', ms: 0 });
    t.microsoft.controls.setLatency({ target: 'graph', ms: 5000 });
    const graphSlow = (await asUser(t, admin).post('/api/v1/ms365/connection/test')).json();
    expect(graphSlow.checks.find((check: { id: string }) => check.id === 'profile')).toMatchObject({ ok: false });

    t.microsoft.controls.reset();
    expect((await asUser(t, admin).post('/api/v1/ms365/connection/test')).json().ok).toBe(true);
  });
});
