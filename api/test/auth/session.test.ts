import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const getSession = (cookie: string | undefined, host = hostOf('acme')) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { host, ...(cookie ? { cookie } : {}) } });

describe('sessions', () => {
  it('GET /auth/session answers the same shape as the login', async () => {
    const signedIn = await signIn(t.app, 'admin', 'admin');
    const response = await getSession(signedIn.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(signedIn.body);
  });

  it('answers 401 not_authenticated without a cookie or with an unknown one', async () => {
    for (const cookie of [undefined, 'ecm365_session=made-up', 'ecm365_session=']) {
      const response = await getSession(cookie);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('not_authenticated');
    }
  });

  it('logout needs the CSRF token, then deletes the session server-side', async () => {
    const signedIn = await signIn(t.app, 'admin', 'admin');
    const logout = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { host: signedIn.host, cookie: signedIn.cookie, ...headers },
      });

    const withoutToken = await logout({});
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf_failed');
    const wrongToken = await logout({ 'x-csrf-token': 'not-the-token' });
    expect(wrongToken.statusCode).toBe(403);

    const ok = await logout({ 'x-csrf-token': signedIn.csrfToken });
    expect(ok.statusCode).toBe(204);
    expect(ok.body).toBe('');
    expect((await getSession(signedIn.cookie)).statusCode).toBe(401);
    expect((await logout({ 'x-csrf-token': signedIn.csrfToken })).statusCode).toBe(401);
  });

  it("does not accept tenant acme's session on tenant other's host", async () => {
    const signedIn = await signIn(t.app, 'admin', 'admin', 'acme');
    expect((await getSession(signedIn.cookie, hostOf('other'))).statusCode).toBe(401);
  });

  it('expires after 30 idle minutes', async () => {
    const signedIn = await signIn(t.app, 'admin', 'admin');
    t.clock.advance(29 * 60_000);
    expect((await getSession(signedIn.cookie)).statusCode).toBe(200); // activity slides the idle window
    t.clock.advance(29 * 60_000);
    expect((await getSession(signedIn.cookie)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await getSession(signedIn.cookie)).statusCode).toBe(401);
  });

  it('expires 12 hours after login however active it is', async () => {
    const signedIn = await signIn(t.app, 'admin', 'admin');
    for (let elapsed = 0; elapsed < 11.5 * 60; elapsed += 20) {
      t.clock.advance(20 * 60_000);
      expect((await getSession(signedIn.cookie)).statusCode).toBe(200);
    }
    t.clock.advance(40 * 60_000);
    expect((await getSession(signedIn.cookie)).statusCode).toBe(401);
  });
});
