import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostOf, sessionCookieOf, signIn, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const login = (payload: unknown, host = hostOf('acme')) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host }, payload: payload as object });

describe('POST /api/v1/auth/login', () => {
  it('signs in a member of online.ecm.microsoft365 (through a nested group) with cookie and CSRF token', async () => {
    const response = await login({ username: 'admin', password: 'admin' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      user: { name: 'admin' },
      tenant: { slug: 'acme', name: 'ACME AG' },
      ms365Access: { allowed: true, reason: 'group_member', group: 'online.ecm.microsoft365' },
    });
    expect(body.user.id).toMatch(/^\d+$/);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const cookie = response.cookies.find((c) => c.name === 'ecm365_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // served over http here; https PUBLIC_URL turns Secure on
  });

  it('signs in a user outside the group, who is told access is not allowed', async () => {
    const response = await login({ username: 'gast', password: 'gast' });
    expect(response.statusCode).toBe(200);
    expect(response.json().ms365Access).toEqual({
      allowed: false,
      reason: 'not_member',
      group: 'online.ecm.microsoft365',
    });
  });

  it('answers a wrong password with 401 invalid_credentials in the error format', async () => {
    const response = await login({ username: 'admin', password: 'wrong' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_credentials',
        message: 'ELO-Benutzername oder Kennwort ist falsch.',
        messageCode: 'error.invalid_credentials',
        params: {},
        correlationId: expect.any(String),
      },
    });
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it.each([
    ['an unknown field', { username: 'admin', password: 'admin', remember: true }],
    ['a missing password', { username: 'admin' }],
    ['a number as user name', { username: 42, password: 'admin' }],
    ['an empty user name', { username: '', password: 'admin' }],
    ['an array body', [{ username: 'admin', password: 'admin' }]],
  ])('rejects %s with 400 validation_failed', async (_case, payload) => {
    const response = await login(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('names the unknown field in the details', async () => {
    const response = await login({ username: 'admin', password: 'admin', remember: true });
    expect(JSON.stringify(response.json().error.details)).toContain('remember');
  });

  it('rejects malformed JSON and a foreign content type with validation_failed', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/json' },
      payload: '{"username": "admin", ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('validation_failed');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: hostOf('acme'), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=admin&password=admin',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('validation_failed');
  });

  it('answers an unknown tenant host with 404 unknown_tenant', async () => {
    const response = await login({ username: 'admin', password: 'admin' }, hostOf('nobody'));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('unknown_tenant');
  });

  it('lets the login body name the tenant on selfhost.<base-domain>, and asks for it when missing', async () => {
    const ok = await login({ username: 'admin', password: 'admin', tenant: 'ACME' }, hostOf('selfhost'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().tenant.slug).toBe('acme');
    const missing = await login({ username: 'admin', password: 'admin' }, hostOf('selfhost'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('validation_failed');
  });

  it('does not let the body switch tenants on a tenant host', async () => {
    const response = await login({ username: 'admin', password: 'admin', tenant: 'other' }, hostOf('acme'));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('unknown_tenant');
  });

  it('issues a new session id at every login and ends the one presented with it', async () => {
    const first = await signIn(t.app, 'admin', 'admin');
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: first.host, cookie: first.cookie },
      payload: { username: 'admin', password: 'admin' },
    });
    expect(second.statusCode).toBe(200);
    expect(sessionCookieOf(second)).not.toBe(first.sessionId);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { host: first.host, cookie: first.cookie },
    });
    expect(old.statusCode).toBe(401);
  });

  it('stores only a hash of the session id and never the password', async () => {
    const session = await signIn(t.app, 'admin', 'admin');
    const rows = await t.database.db.selectFrom('sessions').selectAll().execute();
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(session.sessionId);
    expect(dump).not.toContain('"admin","admin"');
    expect(rows.some((row) => row.eloUserName === 'admin')).toBe(true);
  });
});
