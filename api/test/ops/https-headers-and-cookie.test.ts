import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@ecm365/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

/** The portal on https (PUBLIC_URL), as in production: the session cookie is Secure and `__Host-` prefixed. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { PUBLIC_URL: 'https://ecm365.test' } });
});
afterAll(() => t.close());

const setCookieHeaders = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value : value ? [value] : [];

describe('the session cookie over https', () => {
  it('is named __Host-ecm365_session, Secure, HttpOnly, for the whole host and no domain', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme') },
      payload: { username: 'admin', password: 'admin' },
    });
    expect(login.statusCode).toBe(200);
    const [header, ...others] = setCookieHeaders(login.headers['set-cookie']);
    expect(others).toEqual([]);
    expect(header).toMatch(new RegExp(`^${SECURE_SESSION_COOKIE}=[A-Za-z0-9_-]+;`));
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
  });

  it('is the only name a session is read from, for reads and for CSRF-checked changes alike', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    expect(admin.cookie.startsWith(`${SECURE_SESSION_COOKIE}=`)).toBe(true);
    const headers = (cookie: string) => ({ host: admin.host, cookie, 'x-csrf-token': admin.csrfToken });
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: headers(admin.cookie) });
    expect(session.statusCode).toBe(200);

    // The same id under the unprefixed name (which a sibling host could have planted) is no one's session.
    const plain = `${SESSION_COOKIE}=${admin.sessionId}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: headers(plain) })).statusCode,
    ).toBe(401);
    const unsafe = await t.app.inject({ method: 'POST', url: '/api/v1/ms365/connect', headers: headers(plain) });
    expect(unsafe.statusCode).toBe(401);
    const withoutCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ms365/connect',
      headers: { host: admin.host, cookie: admin.cookie },
    });
    expect(withoutCsrf.json().error.code).toBe('csrf_failed');
  });

  it('is removed at logout with the attributes a browser needs to accept the removal of a __Host- cookie', async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { host: admin.host, cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const [cleared] = setCookieHeaders(logout.headers['set-cookie']);
    expect(cleared).toMatch(new RegExp(`^${SECURE_SESSION_COOKIE}=;`));
    expect(cleared).toMatch(/; Secure/);
    expect(cleared).toMatch(/; Path=\//);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('replaces the previous session at a new login, read from the prefixed cookie', async () => {
    const first = await signIn(t.app, 'admin', 'admin');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: first.host, cookie: first.cookie },
      payload: { username: 'admin', password: 'admin' },
    });
    expect(again.statusCode).toBe(200);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host: first.host, cookie: first.cookie },
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('the security headers of the real app', () => {
  it('keep /docs (Swagger UI) from being framed, like every other page', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/docs/', headers: { host: 'ecm365.test' } });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['x-frame-options']).toBe('DENY');
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("frame-ancestors 'self'");
  });

  it("mark the API's answers, errors included, as not to be stored", async () => {
    const admin = await signIn(t.app, 'admin', 'admin');
    for (const url of ['/api/v1/auth/session', '/api/v1/ms365/connection', '/api/v1/nowhere']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { host: admin.host, cookie: admin.cookie } });
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const unauthenticated = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host: admin.host },
    });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers['cache-control']).toBe('no-store');
  });
});
