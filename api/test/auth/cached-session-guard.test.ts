import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../support/connect-flow.js';
import { hostOf, signIn, startTestApp, type SignedIn, type TestApp } from '../support/test-app.js';

/**
 * The Microsoft 365 routes accept a session from this instance's cache without waiting (request-auth.ts,
 * `authenticate`). Every request here comes after a read that put the session (and the status) into the caches,
 * held for a minute, so each rule below is checked on that quick way and must hold there as on the long one.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SESSION_CACHE_TTL_MS: '60000', STATUS_CACHE_TTL_MS: '60000' } });
});
afterAll(() => t.close());

const STATUS = '/api/v1/ms365/connection';

async function cachedSession(user = 'admin'): Promise<SignedIn> {
  const who = await signIn(t.app, user, user);
  const warm = await asUser(t, who).get(STATUS);
  expect(warm.statusCode).toBe(user === 'admin' ? 200 : 403);
  return who;
}

describe('a cached session on the Microsoft 365 routes', () => {
  it("is no one's on another tenant's host", async () => {
    const admin = await cachedSession();
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: STATUS,
      headers: { host: hostOf('other'), cookie: admin.cookie },
    });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('still needs the CSRF token for a change', async () => {
    const admin = await cachedSession();
    const response = await t.app.inject({
      method: 'DELETE',
      url: STATUS,
      headers: { host: admin.host, cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf_failed');
  });

  it('still needs the group membership', async () => {
    const gast = await cachedSession('gast');
    const response = await asUser(t, gast).get(STATUS);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('access_denied');
  });

  it('ends with the sign-out at once', async () => {
    const admin = await cachedSession();
    expect((await asUser(t, admin).post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await asUser(t, admin).get(STATUS)).statusCode).toBe(401);
  });
});
