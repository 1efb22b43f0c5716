import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, obtainCode } from '../support/connect-flow.js';
import { signIn, startTestApp, type TestApp } from '../support/test-app.js';

/** Two app instances on one database and one Microsoft, as behind a load balancer. */
let a: TestApp;
let b: TestApp;
const CACHE_MS = 400;

beforeAll(async () => {
  const env = { SESSION_CACHE_TTL_MS: String(CACHE_MS), STATUS_CACHE_TTL_MS: String(CACHE_MS) };
  a = await startTestApp({ env });
  b = await startTestApp({ env, database: { ...a.database, drop: async () => {} }, microsoft: a.microsoft });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('several app instances behind a load balancer', () => {
  it('share sessions; a logout on one is seen by the other within the cache time', async () => {
    const admin = await signIn(a.app, 'admin', 'admin');
    const onB = () =>
      b.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { host: admin.host, cookie: admin.cookie } });
    expect((await onB()).statusCode).toBe(200);
    await asUser(a, admin).post('/api/v1/auth/logout');
    await pause(CACHE_MS + 100);
    expect((await onB()).statusCode).toBe(401);
  });

  it('serialise token refreshes of one connection across instances (advisory lock), losing no rotated token', async () => {
    a.microsoft.controls.setTokenLifetimes({ accessTokenSeconds: 60 });
    const admin = await signIn(a.app, 'admin', 'admin');
    await asUser(a, admin).post('/api/v1/ms365/connection', { code: await obtainCode(a, admin) });
    const tests = Array.from({ length: 8 }, (_, i) =>
      asUser(i % 2 ? b : a, admin).post('/api/v1/ms365/connection/test'),
    );
    const results = await Promise.all(tests);
    expect(results.map((result) => result.json().ok)).toEqual(Array(8).fill(true));

    await pause(CACHE_MS + 100);
    const status = await asUser(b, admin).get('/api/v1/ms365/connection');
    expect(status.json()).toMatchObject({ status: 'connected', lastTest: { ok: true } });
  });
});
